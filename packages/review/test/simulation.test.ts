import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mulberry32, readLabelledSet, screeningMetrics, simulateScreening, startingRecords, tfidf, type Label } from '../src/index.js';

const fixture = readFileSync(new URL('./fixtures/synthetic-labelled.csv', import.meta.url));

describe('mulberry32', () => {
  it('is deterministic per seed and uniform enough', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeGreaterThan(0.45);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeLessThan(0.55);
    expect(mulberry32(43)()).not.toBe(mulberry32(42)());
  });
});

describe('screening metrics', () => {
  it('compute WSS@95, RRF@10 and ATD from an order (hand-worked)', () => {
    // 20 records, rows 0–3 relevant. Order screens 0, 5, 1, 2, then the rest, with row 3 last.
    const labels: Label[] = Array.from({ length: 20 }, (_, i) => (i < 4 ? 1 : 0));
    const order = [0, 5, 1, 2, ...Array.from({ length: 16 }, (_, i) => i + 4).filter((r) => r !== 5), 3];
    expect(order).toHaveLength(20);
    const m = screeningMetrics(order, labels);
    // ⌈0.95·4⌉ = 4 relevant needed: the fourth is found at position 20 → WSS = (20 − 20)/20 − 0.05 = −0.05
    expect(m.wss95).toBeCloseTo(-0.05, 12);
    // First ⌊0.1·20⌋ = 2 records hold 1 of 4 relevant.
    expect(m.rrf10).toBe(0.25);
    // Positions 1, 3, 4, 20 → mean 7 → ATD 7/20.
    expect(m.atdRecords).toBe(7);
    expect(m.atd).toBeCloseTo(0.35, 12);
    // A perfect order: 4 relevant first → WSS = 16/20 − 0.05.
    expect(screeningMetrics([0, 1, 2, 3, ...Array.from({ length: 16 }, (_, i) => i + 4)], labels).wss95).toBeCloseTo(0.75, 12);
  });
});

describe('simulated screening', () => {
  it('starts from one included and one excluded record chosen by the seed, and screens every row exactly once', async () => {
    const set = await readLabelledSet(fixture, { fileName: 'synthetic-labelled.csv' });
    expect(set.labelColumn).toBe('label_included');
    expect(set.labels.length).toBe(60);
    const x = tfidf(set.texts);
    for (const seed of [1, 2]) {
      const order = simulateScreening(x, set.labels, { seed });
      expect(order.slice(0, 2)).toEqual(startingRecords(set.labels, seed));
      expect(set.labels[order[0]!]).toBe(1);
      expect(set.labels[order[1]!]).toBe(0);
      expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i));
      expect(simulateScreening(x, set.labels, { seed })).toEqual(order);
      // The synthetic includes share their vocabulary: the ranking finds them all early.
      expect(screeningMetrics(order, set.labels).wss95).toBeGreaterThan(0.6);
    }
    expect(startingRecords(set.labels, 1)).not.toEqual(startingRecords(set.labels, 3));
  });

  it('reads a named label column and refuses a file without one', async () => {
    const csv = 'title,abstract,relevant_final\nA,exosome wound,1\nB,traffic model,0\nC,exosome skin,1\n';
    expect((await readLabelledSet(csv, { labelColumn: 'relevant_final' })).labels).toEqual([1, 0, 1]);
    await expect(readLabelledSet(csv)).rejects.toMatchObject({ code: 'EXO_ERR_REVIEW_LABELS' });
    await expect(readLabelledSet(csv, { labelColumn: 'nope' })).rejects.toThrow(/no column 'nope'/);
    await expect(readLabelledSet('title,label_included\nA,1\nB,1\n')).rejects.toThrow(/at least one included \(1\) and one excluded \(0\)/);
    await expect(readLabelledSet('title,label_included\nA,1\nB,maybe\n')).rejects.toThrow(/label 'maybe'/);
  });
});
