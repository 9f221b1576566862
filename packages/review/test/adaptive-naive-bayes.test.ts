import { describe, expect, it } from 'vitest';
import { mulberry32, NaiveBayes, tfidf, type Label } from '../src/index.js';
import { AdaptiveNaiveBayes, auc, type NaiveBayesSetting } from '../src/ranking/adaptive-naive-bayes.js';
import type { SparseMatrix } from '../src/ranking/sparse.js';

/** n synthetic abstracts; every `every`-th on the topic, with a few topic words leaking into the rest. */
function corpus(n: number, every = 8, seed = 7): { texts: string[]; labels: Label[] } {
  const random = mulberry32(seed);
  const common = 'patients study results analysis group treatment effect data model trial cohort risk outcome sample method clinical'.split(' ');
  const topic = 'exosome vesicle wound healing angiogenesis fibroblast keratinocyte collagen'.split(' ');
  const pick = (pool: string[]) => pool[Math.floor(random() * pool.length)]!;
  const texts: string[] = [];
  const labels: Label[] = [];
  for (let i = 0; i < n; i++) {
    const relevant = i % every === 0;
    const words = Array.from({ length: 40 }, () => pick(common));
    for (let k = 0; k < (relevant ? 6 : 1); k++) words.push(pick(topic));
    texts.push(words.join(' '));
    labels.push(relevant ? 1 : 0);
  }
  return { texts, labels };
}

/** Leave-one-out AUC by brute force: a fresh NaiveBayes fitted without each labelled record in turn. */
function bruteForceAuc(x: SparseMatrix, labelled: Map<number, Label>, s: NaiveBayesSetting): number {
  const scored: { score: number; label: Label }[] = [];
  for (const [row, label] of labelled) {
    const rest = new Map(labelled);
    rest.delete(row);
    if (![...rest.values()].includes(0) || ![...rest.values()].includes(1)) continue;
    const nb = new NaiveBayes({ alpha: s.alpha, includeShare: s.includeShare });
    nb.fit(x, rest);
    scored.push({ score: nb.score(x, row), label });
  }
  return auc(scored);
}

describe('AUC', () => {
  it('is the share of include–exclude pairs in the right order, ties counting half', () => {
    // includes 3 and 1, excludes 2 and 0: pairs (3,2) (3,0) (1,0) right, (1,2) wrong → 3/4.
    expect(auc([{ score: 3, label: 1 }, { score: 1, label: 1 }, { score: 2, label: 0 }, { score: 0, label: 0 }])).toBe(0.75);
    // include 1 ties exclude 1 (½), beats exclude 0 (1) → 1.5/2.
    expect(auc([{ score: 1, label: 1 }, { score: 1, label: 0 }, { score: 0, label: 0 }])).toBe(0.75);
  });
});

describe('AdaptiveNaiveBayes', () => {
  const { texts, labels } = corpus(240);
  const x = tfidf(texts);
  const labelled = new Map<number, Label>();
  for (let i = 0; i < 120; i++) labelled.set(i, labels[i]!);
  const settings: NaiveBayesSetting[] = [
    { alpha: 3.822, includeShare: 0.5 },
    { alpha: 0.5, includeShare: 0.9 },
  ];

  it('with one setting scores exactly as NaiveBayes with the same smoothing and weighting', () => {
    const adaptive = new AdaptiveNaiveBayes({ settings: [settings[1]!] });
    const plain = new NaiveBayes({ alpha: 0.5, includeShare: 0.9 });
    adaptive.fit(x, labelled);
    plain.fit(x, labelled);
    for (let i = 0; i < x.rows; i++) expect(adaptive.score(x, i)).toBeCloseTo(plain.score(x, i), 10);
  });

  it('scores each setting by the leave-one-out AUC a refit without each record gives, and ranks with the best', () => {
    const adaptive = new AdaptiveNaiveBayes({ settings, margin: 0 });
    adaptive.fit(x, labelled);
    settings.forEach((s, k) => expect(adaptive.lastScores[k]).toBeCloseTo(bruteForceAuc(x, labelled, s), 10));
    const best = adaptive.lastScores[1]! > adaptive.lastScores[0]! ? 1 : 0;
    expect(adaptive.selected).toBe(best);
    const plain = new NaiveBayes({ alpha: settings[best]!.alpha, includeShare: settings[best]!.includeShare });
    plain.fit(x, labelled);
    for (let i = 0; i < x.rows; i++) expect(adaptive.score(x, i)).toBeCloseTo(plain.score(x, i), 10);
    // The unseen topic records come first.
    const test = Array.from({ length: 120 }, (_, k) => 120 + k);
    const ranked = [...test].sort((a, b) => adaptive.score(x, b) - adaptive.score(x, a));
    expect(ranked.slice(0, 15).filter((i) => labels[i] === 1).length).toBeGreaterThanOrEqual(13);
  });

  it('leaves the first setting only for one better by more than the margin', () => {
    const strict = new AdaptiveNaiveBayes({ settings: [settings[1]!, settings[0]!], margin: 1 });
    strict.fit(x, labelled);
    expect(strict.lastScores).toHaveLength(2);
    expect(strict.selected).toBe(0);
    const [worse, better] = [...settings].sort((p, q) => bruteForceAuc(x, labelled, p) - bruteForceAuc(x, labelled, q));
    const eager = new AdaptiveNaiveBayes({ settings: [worse!, better!], margin: 0 });
    eager.fit(x, labelled);
    expect(eager.selected).toBe(1);
  });

  it('keeps the first setting until it knows three includes and three excludes, and says which it uses', () => {
    const adaptive = new AdaptiveNaiveBayes({ settings });
    adaptive.fit(x, new Map<number, Label>([[0, 1], [8, 1], [1, 0], [2, 0], [3, 0]]));
    expect(adaptive.selected).toBe(0);
    expect(adaptive.lastScores).toEqual([]);
    expect(adaptive.describe()).toBe('naive Bayes on TF-IDF word and word-pair features, includes and excludes weighted alike (the weighting is chosen from 3 includes and 3 excludes on)');
    const eager = new AdaptiveNaiveBayes({ settings: [settings[1]!, { alpha: 3.822, includeShare: 0.9 }], margin: 1 });
    eager.fit(x, labelled);
    expect(eager.describe()).toBe(`naive Bayes on TF-IDF word and word-pair features, includes carry 90% of the training weight — chosen by leave-one-out AUC ${eager.lastScores[0]!.toFixed(3)} over your decisions`);
  });

  it('follows relabelled records (warm start stays correct)', () => {
    const warm = new AdaptiveNaiveBayes({ settings });
    warm.fit(x, labelled);
    const changed = new Map(labelled);
    changed.set(8, 0);
    changed.set(9, 1);
    warm.fit(x, changed);
    const fresh = new AdaptiveNaiveBayes({ settings });
    fresh.fit(x, changed);
    expect(warm.selected).toBe(fresh.selected);
    for (let i = 0; i < x.rows; i++) expect(warm.score(x, i)).toBeCloseTo(fresh.score(x, i), 10);
  });
});
