import { describe, expect, it } from 'vitest';
import { highlightSegments, highlightTerms } from '../src/ranking/highlight.js';

describe('highlighting the criteria in a record', () => {
  const terms = highlightTerms('Do iMSC exosomes speed wound healing in animal models?', {
    population: 'Rodents with skin wounds',
    intervention: 'Exosomes from iPSC-derived MSCs',
    exclusion: 'In vitro studies only; reviews; wound dressings without vesicles',
  });

  it('takes content words of the question and inclusion side, and the exclusion side’s own words, by stem', () => {
    expect([...terms.include]).toEqual(expect.arrayContaining(['imsc', 'exosom', 'wound', 'heal', 'anim', 'rodent', 'skin', 'ipsc', 'deriv', 'msc']));
    expect(terms.include.has('in')).toBe(false); // a stop word
    expect([...terms.exclude].sort()).toEqual(['dress', 'review', 'studi', 'vesicl', 'vitro']);
    expect(terms.exclude.has('wound')).toBe(false); // on both sides: an inclusion word
  });

  it('marks the words, keeps everything else, and gives the text back', () => {
    const text = 'Exosomes accelerated closure of full-thickness wounds in diabetic mice; a narrative Review.';
    const segments = highlightSegments(text, terms);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.kind)).toEqual([
      { text: 'Exosomes', kind: 'include' },
      { text: 'wounds', kind: 'include' },
      { text: 'Review', kind: 'exclude' },
    ]);
    expect(segments[1]).toEqual({ text: ' accelerated closure of full-thickness ' });
  });

  it('folds accents and case; a text without a term is one plain run; an empty text none', () => {
    expect(highlightSegments('EXOSOMÉS', terms)).toEqual([{ text: 'EXOSOMÉS', kind: 'include' }]);
    expect(highlightSegments('Nothing relevant here.', terms)).toEqual([{ text: 'Nothing relevant here.' }]);
    expect(highlightSegments('', terms)).toEqual([]);
  });
});
