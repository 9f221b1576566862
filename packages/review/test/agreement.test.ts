import { describe, expect, it } from 'vitest';
import { agreementStats, cohenKappa, percentAgreement, type Decision } from '../src/index.js';

describe("Cohen's kappa (Cohen 1960)", () => {
  it('matches a hand-computed example', () => {
    // 50 records, two reviewers:            B include  B exclude
    //                          A include        20          5
    //                          A exclude        10         15
    // p_o = (20 + 15) / 50 = 0.70
    // A includes 25/50 = 0.5, B includes 30/50 = 0.6
    // p_e = 0.5·0.6 + 0.5·0.4 = 0.30 + 0.20 = 0.50
    // κ = (0.70 − 0.50) / (1 − 0.50) = 0.40
    const pairs: [string, string][] = [
      ...Array.from({ length: 20 }, (): [string, string] => ['include', 'include']),
      ...Array.from({ length: 5 }, (): [string, string] => ['include', 'exclude']),
      ...Array.from({ length: 10 }, (): [string, string] => ['exclude', 'include']),
      ...Array.from({ length: 15 }, (): [string, string] => ['exclude', 'exclude']),
    ];
    expect(percentAgreement(pairs)).toBeCloseTo(0.7, 12);
    expect(cohenKappa(pairs)).toBeCloseTo(0.4, 12);
    // Swapping the raters changes nothing.
    expect(cohenKappa(pairs.map(([a, b]) => [b, a] as const))).toBeCloseTo(0.4, 12);
  });

  it('is 1 for perfect agreement, undefined when chance agreement is certain or there is nothing to compare', () => {
    expect(cohenKappa([['a', 'a'], ['b', 'b']])).toBe(1);
    expect(cohenKappa([['a', 'a'], ['a', 'a']])).toBeUndefined();
    expect(cohenKappa([])).toBeUndefined();
    expect(percentAgreement([])).toBeUndefined();
  });

  it('handles three categories (include, exclude, maybe)', () => {
    // 3×3 table: diagonal 4, 3, 1; off-diagonal (include, maybe) 1, (exclude, include) 1. n = 10.
    // p_o = 0.8; A: include 5, exclude 4, maybe 1; B: include 5, exclude 3, maybe 2.
    // p_e = 0.5·0.5 + 0.4·0.3 + 0.1·0.2 = 0.25 + 0.12 + 0.02 = 0.39; κ = 0.41 / 0.61 = 0.672131…
    const pairs = [
      ...Array(4).fill(['include', 'include']),
      ...Array(3).fill(['exclude', 'exclude']),
      ['maybe', 'maybe'],
      ['include', 'maybe'],
      ['exclude', 'include'],
    ] as [string, string][];
    expect(cohenKappa(pairs)).toBeCloseTo(0.41 / 0.61, 12);
  });
});

describe('agreementStats', () => {
  const d = (id: number, recordId: number, reviewerId: number, decision: Decision['decision'], version = 1): Decision => ({
    id,
    projectId: 'p',
    recordId,
    stage: 'title-abstract',
    reviewerId,
    reviewer: reviewerId === 1 ? 'alice' : 'bob',
    decision,
    version,
    createdAt: '',
  });

  it('uses each reviewer’s latest decision and skips singly screened records', () => {
    const byRecord = new Map<number, Decision[]>([
      [1, [d(1, 1, 1, 'include'), d(2, 1, 2, 'include')]],
      [2, [d(3, 2, 1, 'exclude'), d(4, 2, 2, 'include'), d(9, 2, 2, 'exclude', 2)]],
      [3, [d(5, 3, 1, 'include'), d(6, 3, 2, 'exclude')]],
      [4, [d(7, 4, 1, 'exclude'), d(8, 4, 2, 'exclude')]],
      [5, [d(10, 5, 1, 'exclude')]],
    ]);
    const stats = agreementStats(byRecord, 'title-abstract');
    expect(stats.records).toBe(4);
    expect(stats.percentAgreement).toBe(0.75);
    // A: include 2, exclude 2; B: include 1, exclude 3. p_e = 0.5·0.25 + 0.5·0.75 = 0.5; κ = (0.75 − 0.5) / 0.5 = 0.5
    expect(stats.kappa).toBeCloseTo(0.5, 12);
    expect(stats.table.include.exclude).toBe(1);
    expect(stats.pairs).toEqual([{ reviewers: ['alice', 'bob'], records: 4, percentAgreement: 0.75, kappa: expect.closeTo(0.5, 12) }]);
  });
});
