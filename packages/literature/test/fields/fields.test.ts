import { describe, expect, it } from 'vitest';
import { findDoi, parseDate, parseName } from '../../src/index.js';
import { normalisePages } from '../../src/fields/pages.js';
import { splitAuthorList } from '../../src/fields/names.js';
import { findPmid } from '../../src/fields/identifiers.js';
import { fixMojibake, normaliseText, distinguishers } from '../../src/dedup/text-keys.js';
import { similarity } from '../../src/dedup/similarity.js';

describe('field parsers', () => {
  it.each([
    ['2019', '2019'],
    ['2019///', '2019'],
    ['2019/10/15/', '2019-10-15'],
    ['2019/10//undefined', '2019-10'],
    ['2017 Nov 15', '2017-11-15'],
    ['2014 Jan-Apr', '2014-01'],
    ['1998 Dec-1999 Jan', '1998-12'],
    ['20170422', '2017-04-22'],
    ['2019-10-15T00:00:00Z', '2019-10-15'],
    ['Nov 2019', '2019-11'],
    ['15 November 2019', '2019-11-15'],
    ['Spring 2015', '2015-03'],
  ])('parseDate(%s) = %s', (value, date) => {
    expect(parseDate(value)?.date).toBe(date);
  });

  it.each(['10 15', 'SEP', 'In press', '', '0000', '3019'])('parseDate(%s) finds no year', (value) => {
    expect(parseDate(value)).toBeUndefined();
  });

  it.each([
    ['Trindade, Ines A', { family: 'Trindade', given: 'Ines A' }],
    ['Liu R.', { family: 'Liu', given: 'R.' }],
    ['Eloubeidi M.A.', { family: 'Eloubeidi', given: 'M.A.' }],
    ['Neilen AD', { family: 'Neilen', given: 'AD' }],
    ['K D Gadow', { family: 'Gadow', given: 'K D' }],
    ['Ludwig van Beethoven', { family: 'van Beethoven', given: 'Ludwig' }],
    ['World Health Organization', { literal: 'World Health Organization' }],
    ['{Cochrane Collaboration}', { literal: 'Cochrane Collaboration' }],
    ['author0', { family: 'author0' }],
  ])('parseName(%s)', (value, name) => {
    expect(parseName(value)).toEqual(name);
  });

  it('splits author lists the ways exports write them', () => {
    expect(splitAuthorList('Zhou, Y.; Chen, L.')).toEqual(['Zhou, Y.', 'Chen, L.']);
    expect(splitAuthorList('Gadow K, Sverd J, Sprafkin J')).toEqual(['Gadow K', 'Sverd J', 'Sprafkin J']);
    expect(splitAuthorList('Labanski, A., Langhorst, J.')).toEqual(['Labanski, A.', 'Langhorst, J.']);
    expect(splitAuthorList('Labanski, A.')).toEqual(['Labanski, A.']);
    expect(splitAuthorList('Smith, John and Doe, Jane')).toEqual(['Smith, John', 'Doe, Jane']);
  });

  it('normalises pages and DOIs and finds PMIDs', () => {
    expect(normalisePages('188-97')).toBe('188-197');
    expect(normalisePages('1167-70')).toBe('1167-1170');
    expect(normalisePages('e90–e95')).toBe('e90-e95');
    expect(normalisePages(undefined, 'No', 'Specified')).toBeUndefined();
    expect(normalisePages(undefined, '152', '160')).toBe('152-160');
    expect(findDoi('https://doi.org/10.1002/cpp.2398')).toBe('10.1002/cpp.2398');
    expect(findDoi('http://dx.doi.org/10.1002%2Fjts.22387')).toBe('10.1002/jts.22387');
    expect(findDoi('10.1016/S0048-9697(17)30912-9 [pii]')).toBe('10.1016/S0048-9697(17)30912-9');
    expect(findDoi('doi:10.1000/xyz).')).toBe('10.1000/xyz');
    expect(findDoi('https://www.scopus.com/x?eid=2&doi=10.1016%2fj.psyneuen.2019.104501&partnerID=40')).toBe('10.1016/j.psyneuen.2019.104501');
    expect(findPmid('PMID: NLM23803397')).toBe('23803397');
    expect(findPmid('https://www.ncbi.nlm.nih.gov/pubmed/23162881')).toBe('23162881');
    expect(findPmid('WOS:000444108200009')).toBeUndefined();
    expect(findPmid('2214991469; 51887')).toBeUndefined();
  });
});

describe('dedup text keys', () => {
  it('undoes mojibake and folds titles', () => {
    expect(fixMojibake('â€œSepsis Sixâ€\u009d')).toBe('“Sepsis Six”');
    expect(fixMojibake('Ã¼ber')).toBe('über');
    expect(fixMojibake('Âge plain')).toBe('Âge plain');
    expect(normaliseText('Über <i>β</i>-catenin &amp; Wnt: a “review”.\u00a0')).toBe('uber beta catenin wnt a review');
    expect(distinguishers('trial part a phase ii 18 f dopa sixteenth review')).toBe('18,ii,part-a,sixteenth');
  });

  it('bounded edit-distance similarity is exact above its floor', () => {
    expect(similarity('kitten', 'sitting', 0.5)).toBeCloseTo(1 - 3 / 7);
    expect(similarity('abcdefghij', 'abcdefghix', 0.8)).toBeCloseTo(0.9);
    expect(similarity('abcdefghij', 'zyxwvutsrq', 0.8)).toBeLessThan(0.8);
    expect(similarity('same', 'same', 0.99)).toBe(1);
  });
});
