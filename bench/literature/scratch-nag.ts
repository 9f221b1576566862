import { readFileSync } from 'node:fs';
import { readCitations, deduplicate } from '@exoatlas/literature';
const f = '/work/shared/benchmarks/screening/nagtegaal-2019.csv';
const { records } = await readCitations(readFileSync(f), { fileName: 'nagtegaal-2019.csv' });
console.log(records.length);
const t0 = performance.now();
const res = deduplicate(records);
console.log('ms', performance.now() - t0, 'groups', res.groups.length, 'unique', res.unique.length, 'comparisons', res.comparisons);
const byId = new Map(records.map((r) => [r.id, r]));
const truth = new Set<string>();
for (const r of records) { const d = r.raw.fields.duplicate_record_id?.[0]; if (d) truth.add([r.sourceId, d].sort().join('|')); }
const found = new Set<string>();
for (const l of res.links) found.add([byId.get(l.a)!.sourceId, byId.get(l.b)!.sourceId].sort().join('|'));
let tp = 0; for (const p of found) if (truth.has(p)) tp++;
console.log('truth', truth.size, 'found', found.size, 'tp', tp);
for (const l of res.links) { const k = [byId.get(l.a)!.sourceId, byId.get(l.b)!.sourceId].sort().join('|'); if (!truth.has(k)) console.log('FP', l.reason, l.score, '\n  ', byId.get(l.a)!.title, '\n  ', byId.get(l.b)!.title); }
for (const k of truth) if (!found.has(k)) console.log('FN', k);
