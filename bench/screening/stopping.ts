// How far the stopping guidance's recall estimate can be trusted: in seeded simulations with the default model, the
// first point at which the estimate reaches 90% and 95%, and the true recall there.
// `npx tsx bench/screening/stopping.ts [csv…]` (default: every CSV in ../shared/benchmarks/screening); SEEDS=1,2,3;
// DUMP=file.jsonl appends each run's include/exclude sequence, for trying other estimators on the same runs.
import { appendFileSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { labelledFiles } from './labelled-files.js';
import { featuresFor, readLabelledSet, screeningMetrics, simulateScreening, stoppingGuidance, tfidf, DEFAULT_MODEL } from '../../packages/review/src/index.js';

const files = labelledFiles(process.argv.slice(2));
const seeds = (process.env.SEEDS ?? '1,2,3').split(',').map(Number);
const targets = [0.9, 0.95];
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const pct = (v: number) => (v * 100).toFixed(1);

interface Point { recall: number; screenedShare: number }

/** The first k (records screened) at which the estimated recall reaches the target, and the true recall there. */
function firstReaching(sequence: (0 | 1)[], n: number, relevant: number, target: number): Point {
  let found = 0;
  for (let k = 1; k <= n; k++) {
    found += sequence[k - 1]!;
    const estimate = stoppingGuidance(sequence.slice(0, k), n - k).estimatedRecall;
    if (estimate !== undefined && estimate >= target) return { recall: found / relevant, screenedShare: k / n };
  }
  return { recall: 1, screenedShare: 1 };
}

console.log(`Model ${DEFAULT_MODEL}, seeds ${seeds.join(', ')}; at the first point where the estimated recall reaches the target: true recall (mean, lowest) and records screened (mean)\n`);
console.log('| review | records | included | ≥ 90%: true recall | lowest | screened | ≥ 95%: true recall | lowest | screened | true 95% reached at |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
const all: Record<number, number[]> = { 0.9: [], 0.95: [] };
for (const file of files) {
  const set = await readLabelledSet(readFileSync(file), { fileName: basename(file) });
  const x = tfidf(set.texts, featuresFor(DEFAULT_MODEL));
  const n = set.labels.length;
  const relevant = set.labels.reduce<number>((a, b) => a + b, 0);
  const byTarget = new Map<number, Point[]>(targets.map((t) => [t, []]));
  const true95: number[] = [];
  for (const seed of seeds) {
    const order = simulateScreening(x, set.labels, { seed });
    const sequence = order.map((row) => set.labels[row]!);
    if (process.env.DUMP) appendFileSync(process.env.DUMP, `${JSON.stringify({ review: basename(file, '.csv'), seed, sequence: sequence.join('') })}\n`);
    for (const t of targets) byTarget.get(t)!.push(firstReaching(sequence, n, relevant, t));
    true95.push(screeningMetrics(order, set.labels).screenedAt95 / n);
  }
  const cells = targets.flatMap((t) => {
    const points = byTarget.get(t)!;
    all[t]!.push(...points.map((p) => p.recall));
    return [pct(mean(points.map((p) => p.recall))), pct(Math.min(...points.map((p) => p.recall))), pct(mean(points.map((p) => p.screenedShare)))];
  });
  console.log(`| ${basename(file, '.csv')} | ${n} | ${relevant} | ${cells.join(' | ')} | ${pct(mean(true95))} |`);
}
for (const t of targets) {
  const rs = all[t]!;
  console.log(`\nestimate first ≥ ${t * 100}%: true recall mean ${pct(mean(rs))}%, at or above ${t * 100}% in ${rs.filter((r) => r >= t).length} of ${rs.length} runs, lowest ${pct(Math.min(...rs))}%`);
}
