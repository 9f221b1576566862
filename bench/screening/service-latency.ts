// What a reviewer waits for on a 10,000-record project: the review service on a real SQLite store, one reviewer
// screening in ranked order (single screening), timing each decision (POST …/decisions) and each "next record"
// (GET …/next: rebuilds the screening state, refits the ranking on every label so far, scores, picks, and computes
// the progress and the stopping guidance). Here the refit happens inside next(); the server starts it right after a
// decision instead, so a reviewer who reads for a moment finds it done. Records: every labelled review in
// shared/benchmarks/screening pooled, then repeated with their words reversed to reach 10,000 (as retrain-time.ts).
// `npx tsx bench/screening/service-latency.ts [decisions=1000]`
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCitations, writeCitations, type CitationRecord } from '../../packages/literature/src/index.js';
import { ReviewService } from '../../packages/review/src/index.js';
import { createStores } from '../../packages/store/src/index.js';
import { labelledFiles } from './labelled-files.js';

const decisions = Number(process.argv[2] ?? 1000);
const records: CitationRecord[] = [];
const labelOf = new Map<string, boolean>();
for (const file of labelledFiles([])) {
  for (const r of (await readCitations(readFileSync(file, 'utf8'), { format: 'csv' })).records) {
    records.push(r);
  }
}
const reversed = (s: string | undefined) => s?.split(/\s+/).map((w) => [...w].reverse().join('')).join(' ');
for (let i = 0; records.length < 10_000; i++) records.push({ ...records[i]!, title: reversed(records[i]!.title), abstract: reversed(records[i]!.abstract), doi: undefined, pmid: undefined });
for (const r of records) labelOf.set(r.title ?? '', r.label === 1);

const dir = mkdtempSync(join(tmpdir(), 'exoatlas-latency-'));
const stores = await createStores({ sqlitePath: join(dir, 'bench.sqlite') });
const service = new ReviewService(stores.review);
const owner = await service.createUser(undefined, { username: 'bench', password: 'bench-password' });
await service.createProject(owner, { id: 'latency', name: 'Latency' });
let t = performance.now();
const imported = await service.importSearches(owner, 'latency', [{ name: 'pooled.csv', data: writeCitations(records, 'csv') }], { database: 'Bench', date: '2026-11-27' });
console.log(`import of ${imported.identified} records (${imported.added} unique): ${((performance.now() - t) / 1000).toFixed(1)} s`);

const nextMs: number[] = [];
const decideMs: number[] = [];
for (let k = 0; k < decisions; k++) {
  t = performance.now();
  const next = await service.next(owner, 'latency');
  nextMs.push(performance.now() - t);
  if (!next.record) break;
  const include = labelOf.get(next.record.title) ?? false;
  t = performance.now();
  await service.decide(owner, 'latency', next.record.id, include ? { decision: 'include', expectedVersion: 0 } : { decision: 'exclude', reason: 'Other', expectedVersion: 0 });
  decideMs.push(performance.now() - t);
}
await stores.close();
rmSync(dir, { recursive: true, force: true });

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
console.log(`| decisions so far | next: median ms | next: 95th percentile ms | next: max ms | decision: median ms | decision: max ms |`);
console.log('|---:|---:|---:|---:|---:|---:|');
for (const [from, to] of [[0, 100], [100, 500], [500, 1000], [1000, 2000], [2000, 5000]] as const) {
  if (from >= nextMs.length) break;
  const n = nextMs.slice(from, to);
  const d = decideMs.slice(from, to);
  console.log(`| ${from}–${Math.min(to, nextMs.length)} | ${pct(n, 0.5).toFixed(0)} | ${pct(n, 0.95).toFixed(0)} | ${Math.max(...n).toFixed(0)} | ${pct(d, 0.5).toFixed(0)} | ${Math.max(...d).toFixed(0)} |`);
}
