// Refit + scoring time of the default ranker on 10,000 real abstracts (every benchmark review pooled; the first
// rows repeated with their words reversed to reach 10,000): `[MODEL=lr] npx tsx bench/screening/retrain-time.ts`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LABELLED_DIR } from './labelled-files.js';
import { DEFAULT_MODEL, Ranker, readLabelledSet, type Label, type ModelName } from '../../packages/review/src/index.js';

const dir = LABELLED_DIR;
const texts: string[] = [];
const labels: Label[] = [];
for (const f of readdirSync(dir).filter((f) => f.endsWith('.csv'))) {
  const set = await readLabelledSet(readFileSync(join(dir, f)), { fileName: f });
  texts.push(...set.texts);
  labels.push(...set.labels);
}
for (let i = 0; texts.length < 10_000; i++) {
  texts.push(texts[i]!.split(/\s+/).map((w) => [...w].reverse().join('')).join(' '));
  labels.push(labels[i]!);
}
const t = performance.now();
const model = (process.env.MODEL ?? DEFAULT_MODEL) as ModelName;
const ranker = new Ranker(texts, { model });
console.log(`TF-IDF of ${texts.length} records: ${(performance.now() - t).toFixed(0)} ms`);
const classifier = ranker.newClassifier();
const seen = new Map<number, Label>();
for (let i = 0; i < 10_000; i += 5) seen.set(i, labels[i]!);
const first = ranker.rank(seen, classifier);
const times: number[] = [];
for (let k = 1; k <= 5; k++) {
  seen.set(k, labels[k]!);
  times.push(ranker.rank(seen, classifier).millis);
}
console.log(`${model}: refit + score (${seen.size} labels): first ${first.millis.toFixed(0)} ms, then ${times.map((x) => x.toFixed(0)).join(', ')} ms`);
