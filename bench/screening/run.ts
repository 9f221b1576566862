// The screening benchmark: 15 seeded simulations per labelled review, mean WSS@95, RRF@10 and ATD.
// `npx tsx bench/screening/run.ts [csv…]` (default: every CSV in ../shared/benchmarks/screening beside the repository); MODEL=nb|nb-double|svm|nb+svm, SEEDS=1,…,15.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { labelledFiles } from './labelled-files.js';
import { featuresFor, readLabelledSet, screeningMetrics, simulateScreening, tfidf, DEFAULT_MODEL, type ModelName } from '../../packages/review/src/index.js';

const files = labelledFiles(process.argv.slice(2));
const model = (process.env.MODEL ?? DEFAULT_MODEL) as ModelName;
const seeds = (process.env.SEEDS ?? Array.from({ length: 15 }, (_, i) => i + 1).join(',')).split(',').map(Number);
const pct = (v: number) => (v * 100).toFixed(1);
const sd = (xs: number[]) => {
  if (xs.length < 2) return 0;
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
};
console.log(`Model ${model}, seeds ${seeds[0]}–${seeds[seeds.length - 1]} (${seeds.length} runs per review); mean (SD) over runs\n`);
console.log('| review | records | included | WSS@95 % | RRF@10 % | ATD % | s/run |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const file of files) {
  const set = await readLabelledSet(readFileSync(file), { fileName: basename(file) });
  const x = tfidf(set.texts, featuresFor(model));
  const started = performance.now();
  const runs = seeds.map((seed) => screeningMetrics(simulateScreening(x, set.labels, { seed, model }), set.labels));
  const seconds = (performance.now() - started) / 1000 / seeds.length;
  const col = (k: 'wss95' | 'rrf10' | 'atd') => {
    const xs = runs.map((r) => r[k]);
    return `${pct(xs.reduce((a, b) => a + b, 0) / xs.length)} (${pct(sd(xs))})`;
  };
  console.log(`| ${basename(file, '.csv')} | ${runs[0]!.n} | ${runs[0]!.relevant} | ${col('wss95')} | ${col('rrf10')} | ${col('atd')} | ${seconds.toFixed(1)} |`);
}
