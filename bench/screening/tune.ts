// Compares model and feature settings on some labelled reviews (fewer seeds than the benchmark): `npx tsx bench/screening/tune.ts <csv…>`.
// Settings come from TUNE (JSON list of {name, model, c, alpha, ngrams, minDf}).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readCitations } from '@exoatlas/literature';
import { tfidf } from '../../packages/review/src/ranking/tfidf.js';
import { NaiveBayes } from '../../packages/review/src/ranking/naive-bayes.js';
import { LinearSvm } from '../../packages/review/src/ranking/linear-svm.js';
import type { Classifier, Label } from '../../packages/review/src/ranking/classifier.js';
import { startingRecords } from '../../packages/review/src/simulation/simulate.js';
import { screeningMetrics } from '../../packages/review/src/simulation/metrics.js';
import type { SparseMatrix } from '../../packages/review/src/ranking/sparse.js';

interface Setting { name: string; model: 'nb' | 'svm'; c?: number; alpha?: number; ngrams?: 1 | 2; minDf?: number; balanced?: boolean; tol?: number; fresh?: boolean }
const settings: Setting[] = JSON.parse(process.env.TUNE ?? '[{"name":"svm","model":"svm"},{"name":"nb","model":"nb"}]');
const seeds = (process.env.SEEDS ?? '1,2,3,4,5').split(',').map(Number);

function simulate(x: SparseMatrix, labels: Label[], seed: number, make: () => Classifier, fresh = false): number[] {
  const n = labels.length;
  const [a, b] = startingRecords(labels, seed);
  const clf = make();
  const labelled = new Map<number, Label>([[a, labels[a]!], [b, labels[b]!]]);
  const order = [a, b];
  const done = new Uint8Array(n);
  done[a] = 1; done[b] = 1;
  let clf2 = clf;
  while (order.length < n) {
    if (fresh) clf2 = make();
    clf2.fit(x, labelled);
    let best = -1, bs = -Infinity;
    for (let i = 0; i < n; i++) if (!done[i]) { const s = clf2.score(x, i); if (best === -1 || s > bs) { best = i; bs = s; } }
    done[best] = 1; order.push(best); labelled.set(best, labels[best]!);
  }
  return order;
}

for (const file of process.argv.slice(2)) {
  const { records } = await readCitations(readFileSync(file), { fileName: basename(file), format: 'csv' });
  const labels = records.map((r) => (r.raw.fields['label_included']?.[0] === '1' ? 1 : 0) as Label);
  const texts = records.map((r) => `${r.title ?? ''}\n${r.abstract ?? ''}`);
  for (const s of settings) {
    const x = tfidf(texts, { ngrams: s.ngrams ?? 2, minDf: s.minDf ?? 1 });
    const t0 = performance.now();
    const ms = seeds.map((seed) => screeningMetrics(simulate(x, labels, seed, () => (s.model === 'nb' ? new NaiveBayes({ alpha: s.alpha, balanced: s.balanced }) : new LinearSvm({ c: s.c, balanced: s.balanced, tolerance: s.tol })), s.fresh), labels));
    const mean = (k: 'wss95' | 'rrf10' | 'atd') => (ms.reduce((a, m) => a + m[k], 0) / ms.length) * 100;
    console.log(`${basename(file).padEnd(36)} ${s.name.padEnd(16)} WSS@95 ${mean('wss95').toFixed(1).padStart(5)}  RRF@10 ${mean('rrf10').toFixed(1).padStart(5)}  ATD ${mean('atd').toFixed(2).padStart(5)}  (${((performance.now() - t0) / 1000 / seeds.length).toFixed(1)} s/run)`);
  }
}
