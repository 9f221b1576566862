/** Dual extraction: discrepancies between two reviewers' forms, matched by outcome and group, not position. */
import { describe, expect, it } from 'vitest';
import { compareForms } from '../../src/extraction/discrepancies.js';
import { parseExtractionForm } from '../../src/extraction/validate.js';
import { rawFixture } from '../synthesis/load-fixture.js';

const form = (i: number) => parseExtractionForm(structuredClone(rawFixture().studies[i]!.form));

describe('compareForms', () => {
  it('finds no discrepancy between identical forms, nor after reordering groups or methods', () => {
    const a = form(2);
    const b = form(2);
    b.outcomes[0]!.groups.reverse();
    expect(compareForms(a, b)).toEqual([]);
    const c = form(5);
    const d = form(5);
    d.characteristics.isolation.methods.reverse();
    expect(compareForms(c, d)).toEqual([]);
  });

  it('lists the differing fields with both values', () => {
    const a = form(2);
    const b = form(2);
    b.outcomes[0]!.groups[2]!.sd = 11.1;
    b.characteristics.species = 'rat';
    b.characteristics.strain = undefined;
    expect(compareForms(a, b)).toEqual([
      { path: 'characteristics.species', a: 'mouse', b: 'rat' },
      { path: 'characteristics.strain', a: 'BALB/c', b: null },
      { path: 'outcomes[wound-closure @ day 14].groups[C].sd', a: 10.1, b: 11.1 },
    ]);
  });

  it('reports an outcome entered by one reviewer only once', () => {
    const a = form(0);
    const b = form(0);
    b.outcomes = b.outcomes.slice(1);
    expect(compareForms(a, b)).toEqual([{ path: 'outcomes[wound-closure @ day 7]', a: 'entered', b: null }]);
  });
});
