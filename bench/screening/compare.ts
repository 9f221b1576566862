// ExoAtlas's ranking against ASReview's default model rebuilt on the real scikit-learn (asreview-reference.py), in
// the same run, from the same starting records, scored by the same code.
// `npx tsx bench/screening/compare.ts <csv…>` (default: every CSV in ../shared/benchmarks/screening beside the repository); SEEDS=1,…,5;
// PEER=nb-double (ASReview 1's default, the default here) or elas-u4 (ASReview 2's default); MODEL=… (ours).
// Needs python3 with scikit-learn (Debian: apt-get install python3-sklearn); says so and stops when it is missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { labelledFiles } from './labelled-files.js';
import { featuresFor, readLabelledSet, screeningMetrics, simulateScreening, startingRecords, tfidf, DEFAULT_MODEL, type ModelName } from '../../packages/review/src/index.js';

const files = labelledFiles(process.argv.slice(2));
// Debian's scikit-learn belongs to /usr/bin/python3, which a python3 earlier on PATH (pyenv, venv) may hide.
const python = [process.env.PYTHON, 'python3', '/usr/bin/python3'].find((p) => p && spawnSync(p, ['-c', 'import sklearn'], { stdio: 'ignore' }).status === 0);
if (python === undefined) {
  console.log('skipped: python3 with scikit-learn is needed for the peer (apt-get install python3-sklearn)');
  process.exit(0);
}
const model = (process.env.MODEL ?? DEFAULT_MODEL) as ModelName;
const peer = process.env.PEER ?? 'nb-double';
const seeds = (process.env.SEEDS ?? '1,2,3,4,5').split(',').map(Number);
const reference = fileURLToPath(new URL('./asreview-reference.py', import.meta.url));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const pct = (v: number) => (v * 100).toFixed(1);

console.log(`ExoAtlas ${model} vs ASReview's ${peer} (scikit-learn), seeds ${seeds.join(',')}; mean WSS@95 / RRF@10 / ATD %\n`);
console.log('| review | records | included | ExoAtlas WSS@95 | ASReview WSS@95 | ExoAtlas RRF@10 | ASReview RRF@10 | ExoAtlas ATD | ASReview ATD | s/run ExoAtlas | s/run ASReview |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const file of files) {
  const set = await readLabelledSet(readFileSync(file), { fileName: basename(file) });
  const starts = seeds.map((seed) => startingRecords(set.labels, seed));
  let t = performance.now();
  const x = tfidf(set.texts, featuresFor(model));
  const ours = seeds.map((seed) => screeningMetrics(simulateScreening(x, set.labels, { seed, model }), set.labels));
  const oursSeconds = (performance.now() - t) / 1000 / seeds.length;
  t = performance.now();
  const out = JSON.parse(execFileSync(python, [reference, file, set.labelColumn, JSON.stringify(starts), peer], { encoding: 'utf8', maxBuffer: 1 << 28 })) as { rows: number; orders: number[][] };
  const theirSeconds = (performance.now() - t) / 1000 / seeds.length;
  if (out.rows !== set.labels.length) throw new Error(`${file}: the peer read ${out.rows} rows, ExoAtlas ${set.labels.length}`);
  const theirs = out.orders.map((order) => screeningMetrics(order, set.labels));
  const col = (runs: typeof ours, k: 'wss95' | 'rrf10' | 'atd') => pct(mean(runs.map((r) => r[k])));
  console.log(
    `| ${basename(file, '.csv')} | ${set.labels.length} | ${ours[0]!.relevant} | ${col(ours, 'wss95')} | ${col(theirs, 'wss95')} | ${col(ours, 'rrf10')} | ${col(theirs, 'rrf10')} | ${col(ours, 'atd')} | ${col(theirs, 'atd')} | ${oursSeconds.toFixed(1)} | ${theirSeconds.toFixed(1)} |`,
  );
}
