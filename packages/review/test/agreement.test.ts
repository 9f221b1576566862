import { describe, expect, it } from 'vitest';
import { agreementStats, cohenKappa, cohenKappaVariance, kappaInterval, percentAgreement, type Decision } from '../src/index.js';

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

/** Pairs from run lengths: [[a, b, count], …]. */
const runs = (...cells: [string, string, number][]) => cells.flatMap(([a, b, count]) => Array.from({ length: count }, (): [string, string] => [a, b]));

describe("κ's standard error and 95% interval (Fleiss, Cohen & Everitt 1969)", () => {
  // Expected values from R 4.x, psych::cohen.kappa(cbind(a, b)): $kappa, $var.kappa and $confid[1, c(1, 3)] (alpha 0.05).
  const cases: { name: string; pairs: [string, string][]; kappa: number; variance: number; ci: [number, number] }[] = [
    {
      // a <- c(rep("i",25), rep("e",25)); b <- c(rep("i",20), rep("e",5), rep("i",10), rep("e",15))
      name: 'the 50-record example above',
      pairs: runs(['i', 'i', 20], ['i', 'e', 5], ['e', 'i', 10], ['e', 'e', 15]),
      kappa: 0.4,
      variance: 0.016128,
      ci: [0.151092290476661, 0.648907709523339],
    },
    {
      // 20 ii, 5 ie, 3 ei, 12 ee
      name: 'forty records, include or exclude',
      pairs: runs(['i', 'i', 20], ['i', 'e', 5], ['e', 'i', 3], ['e', 'e', 12]),
      kappa: 0.584415584415584,
      variance: 0.0169535261543944,
      ci: [0.329217087970823, 0.839614080860346],
    },
    {
      // 6 ii, 4 ie, 5 ei, 185 ee
      name: 'two hundred records, includes rare',
      pairs: runs(['i', 'i', 6], ['i', 'e', 4], ['e', 'i', 5], ['e', 'e', 185]),
      kappa: 0.547738693467337,
      variance: 0.0179716904679008,
      ci: [0.284988795521206, 0.810488591413467],
    },
    {
      // a <- c(rep("i",20), rep("e",30), rep("m",10)); b: i→(15 i, 3 e, 2 m), e→(4 i, 25 e, 1 m), m→(2 i, 3 e, 5 m)
      name: 'sixty records, three decisions',
      pairs: runs(['i', 'i', 15], ['i', 'e', 3], ['i', 'm', 2], ['e', 'i', 4], ['e', 'e', 25], ['e', 'm', 1], ['m', 'i', 2], ['m', 'e', 3], ['m', 'm', 5]),
      kappa: 0.585253456221198,
      variance: 0.00811306330863986,
      ci: [0.408714512614343, 0.761792399828054],
    },
    {
      // a <- c("i","i","e","e","m","i","e","e","i","e"); b <- c("i","e","e","e","m","i","e","i","i","e"): psych bounds the upper limit to 1
      name: 'ten records, the upper limit bounded to 1',
      pairs: [['i', 'i'], ['i', 'e'], ['e', 'e'], ['e', 'e'], ['m', 'm'], ['i', 'i'], ['e', 'e'], ['e', 'i'], ['i', 'i'], ['e', 'e']],
      kappa: 0.655172413793104,
      variance: 0.0518747145759606,
      ci: [0.208770599416399, 1],
    },
  ];
  for (const c of cases) {
    it(`matches psych::cohen.kappa: ${c.name}`, () => {
      expect(cohenKappaVariance(c.pairs)).toBeCloseTo(c.variance, 12);
      const interval = kappaInterval(c.pairs)!;
      expect(interval.kappa).toBeCloseTo(c.kappa, 12);
      expect(interval.se).toBeCloseTo(Math.sqrt(c.variance), 12);
      expect(interval.ci[0]).toBeCloseTo(c.ci[0], 9);
      expect(interval.ci[1]).toBeCloseTo(c.ci[1], 9);
      // Swapping the raters changes nothing.
      expect(cohenKappaVariance(c.pairs.map(([a, b]) => [b, a] as const))).toBeCloseTo(c.variance, 12);
    });
  }

  it('is undefined where κ is', () => {
    expect(cohenKappaVariance([])).toBeUndefined();
    expect(kappaInterval([['a', 'a'], ['a', 'a']])).toBeUndefined();
    // ten identical ratings: the margins are exactly 1 (no 0.1 added up ten times), so p_e = 1
    const same = Array.from({ length: 10 }, (): [string, string] => ['exclude', 'exclude']);
    expect(cohenKappa(same)).toBeUndefined();
    expect(kappaInterval(same)).toBeUndefined();
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
    expect(stats.pairs).toEqual([
      {
        reviewers: ['alice', 'bob'],
        records: 4,
        percentAgreement: 0.75,
        kappa: expect.closeTo(0.5, 12),
        // psych::cohen.kappa(cbind(c("i","i","e","e"), c("i","e","e","e")))$confid[1, c(1, 3)]: −0.234986494202520, 1 (bounded)
        kappaCi: [expect.closeTo(-0.23498649420252, 9), 1],
        kappaIncludeExclude: expect.closeTo(0.5, 12),
        kappaIncludeExcludeCi: [expect.closeTo(-0.23498649420252, 9), 1],
        table: { include: { include: 1, exclude: 1, maybe: 0 }, exclude: { include: 0, exclude: 2, maybe: 0 }, maybe: { include: 0, exclude: 0, maybe: 0 } },
      },
    ]);
  });

  it('gives each reviewer pair its own cross-table and κ (hand-computed)', () => {
    const names = ['', 'alice', 'bob', 'carol'];
    let nextId = 0;
    const byRecord = new Map<number, Decision[]>();
    /** One record decided by two reviewers, `a` first. */
    const rec = (a: number, da: Decision['decision'], b: number, db: Decision['decision']): void => {
      const recordId = byRecord.size + 1;
      const make = (reviewerId: number, decision: Decision['decision']): Decision => ({ id: ++nextId, projectId: 'p', recordId, stage: 'title-abstract', reviewerId, reviewer: names[reviewerId]!, decision, version: 1, createdAt: '' });
      byRecord.set(recordId, [make(a, da), make(b, db)]);
    };
    // alice (1) and bob (2), 8 records:      bob include  bob exclude  bob maybe
    //                      alice include          3            1           0
    //                      alice exclude          0            2           1
    //                      alice maybe            1            0           0
    for (let i = 0; i < 3; i++) rec(1, 'include', 2, 'include');
    for (let i = 0; i < 2; i++) rec(1, 'exclude', 2, 'exclude');
    rec(1, 'include', 2, 'exclude');
    rec(1, 'maybe', 2, 'include');
    rec(1, 'exclude', 2, 'maybe');
    // p_o = (3 + 2 + 0) / 8 = 0.625
    // alice: include 4, exclude 3, maybe 1; bob: include 4, exclude 3, maybe 1
    // p_e = (4·4 + 3·3 + 1·1) / 64 = 26/64 = 0.40625
    // κ = (0.625 − 0.40625) / (1 − 0.40625) = 0.21875 / 0.59375 = 7/19 ≈ 0.368421
    // With maybe as include: include/include 4, exclude/exclude 2, include/exclude 1, exclude/include 1;
    // p_o = 6/8 = 0.75; both include 5/8, exclude 3/8; p_e = (25 + 9) / 64 = 34/64; κ = (48 − 34) / (64 − 34) = 14/30 = 7/15
    //
    // bob (2) and carol (3), 4 records, carol deciding first on two: the table is still read from bob (named first).
    rec(2, 'include', 3, 'include');
    rec(3, 'exclude', 2, 'exclude');
    rec(3, 'include', 2, 'exclude');
    rec(2, 'exclude', 3, 'exclude');
    //                       carol include  carol exclude
    //          bob include        1              0
    //          bob exclude        1              2
    // p_o = 3/4; bob: include 1, exclude 3; carol: include 2, exclude 2
    // p_e = (1·2 + 3·2) / 16 = 0.5; κ = (0.75 − 0.5) / (1 − 0.5) = 0.5
    const stats = agreementStats(byRecord, 'title-abstract');
    expect(stats.records).toBe(12);
    const ab = stats.pairs.find((p) => p.reviewers.join() === 'alice,bob')!;
    expect(ab.records).toBe(8);
    expect(ab.percentAgreement).toBe(0.625);
    expect(ab.kappa).toBeCloseTo(7 / 19, 12);
    expect(ab.kappaIncludeExclude).toBeCloseTo(7 / 15, 12);
    expect(ab.table).toEqual({ include: { include: 3, exclude: 1, maybe: 0 }, exclude: { include: 0, exclude: 2, maybe: 1 }, maybe: { include: 1, exclude: 0, maybe: 0 } });
    const bc = stats.pairs.find((p) => p.reviewers.join() === 'bob,carol')!;
    expect(bc.records).toBe(4);
    expect(bc.percentAgreement).toBe(0.75);
    expect(bc.kappa).toBeCloseTo(0.5, 12);
    expect(bc.table).toEqual({ include: { include: 1, exclude: 0, maybe: 0 }, exclude: { include: 1, exclude: 2, maybe: 0 }, maybe: { include: 0, exclude: 0, maybe: 0 } });
    expect(stats.pairs).toHaveLength(2);
  });

  it('does not depend on who decided first: the pooled κ of one pair is the pair’s κ (two decisions at one moment commit in either order)', () => {
    // record 1: alice first; record 2: bob first; record 3: alice first. alice: include, include, exclude; bob: include, exclude, exclude.
    const byRecord = new Map<number, Decision[]>([
      [1, [d(1, 1, 1, 'include'), d(2, 1, 2, 'include')]],
      [2, [d(3, 2, 2, 'exclude'), d(4, 2, 1, 'include')]],
      [3, [d(5, 3, 1, 'exclude'), d(6, 3, 2, 'exclude')]],
    ]);
    const swapped = new Map<number, Decision[]>([...byRecord].map(([id, ds]) => [id, [...ds].reverse().map((x, i) => ({ ...x, id: 10 * id + i }))]));
    const a = agreementStats(byRecord, 'title-abstract');
    const b = agreementStats(swapped, 'title-abstract');
    // p_o = 2/3; alice: include 2/3, bob: include 1/3; p_e = (2·1 + 1·2)/9 = 4/9; κ = (2/3 − 4/9)/(1 − 4/9) = 0.4
    expect(a.kappa).toBeCloseTo(0.4, 12);
    expect(b.kappa).toBeCloseTo(0.4, 12);
    expect(a.pairs[0]!.kappa).toBeCloseTo(a.kappa!, 12);
    expect(a.table).toEqual(b.table);
  });
});
