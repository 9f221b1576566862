// Heavy work against a live server (issue 16 parts 5 and 7): the built CLI's `serve` on a temporary database; at once
// a 20,000-record RIS import (POST /api/imports), a meta-analysis of k = 1,000 with 10,000 permutations (POST /api/meta)
// and screening with ranking refits on a 10,000-record review project; meanwhile autocannon asks GET /api/health on 10
// connections. Run twice in one go: with the worker pool (as shipped) and without it (EXOATLAS_WORKERS=0), so one run
// gives the before/after ratio. Not a timed test: `node bench/server/heavy-load.mjs` (after `node scripts/build.mjs`).
// Environment: K (1000), PERMUTATIONS (10000), IMPORT_RECORDS (20000), PROJECT_RECORDS (10000), DECISIONS (20).
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { call, random, risFile, startServer } from './served.mjs';

const K = Number(process.env.K ?? 1000);
const PERMUTATIONS = Number(process.env.PERMUTATIONS ?? 10_000);
const IMPORT_RECORDS = Number(process.env.IMPORT_RECORDS ?? 20_000);
const PROJECT_RECORDS = Number(process.env.PROJECT_RECORDS ?? 10_000);
const DECISIONS = Number(process.env.DECISIONS ?? 20);

function metaRows(k) {
  const rnd = random(7);
  return Array.from({ length: k }, (_, i) => {
    const x = rnd();
    return { study: `S${i}`, yi: 0.2 + 0.5 * x + (rnd() - 0.5), vi: 0.01 + 0.1 * rnd(), x };
  });
}

/** A review project with PROJECT_RECORDS records, its ranker already built (the first fit is part of the import's cost). */
async function reviewProject(base) {
  const password = 'bench-correct-horse-battery';
  await call(base, 'POST', '/api/reviews/users', { json: { username: 'bench', password } });
  const { token } = (await call(base, 'POST', '/api/reviews/auth/login', { json: { username: 'bench', password } })).body;
  await call(base, 'POST', '/api/reviews', { token, json: { id: 'bench', name: 'Bench', mode: 'single', question: 'Do iPSC-derived MSC exosomes speed wound healing?' } });
  const imported = await call(base, 'POST', '/api/reviews/bench/searches', { token, json: { database: 'Embase', date: '2026-11-01', files: [{ name: 'project.ris', content: risFile(PROJECT_RECORDS, 2) }] } });
  if (imported.status !== 201) throw new Error(`project import: ${imported.status} ${JSON.stringify(imported.body)}`);
  await call(base, 'GET', '/api/reviews/bench/next', { token });
  return token;
}

/** Screening: the next record (the ranking refitted after the last decision), a decision, DECISIONS times. */
async function screen(base, token) {
  const started = Date.now();
  let ok = 0;
  const refused = [];
  const nextMs = [];
  const decideMs = [];
  for (let i = 0; i < DECISIONS; i++) {
    let t = performance.now();
    const next = await call(base, 'GET', '/api/reviews/bench/next', { token });
    nextMs.push(performance.now() - t);
    const record = next.body.record;
    if (!record) break;
    const decision = /wound|angiogenesis/.test(record.citation?.title ?? record.title ?? '') ? 'include' : 'exclude';
    t = performance.now();
    const res = await call(base, 'POST', `/api/reviews/bench/records/${record.id}/decisions`, { token, json: { decision, expectedVersion: 0 } });
    decideMs.push(performance.now() - t);
    if (res.status === 201) ok++;
    else refused.push(`${res.status} ${res.body?.error?.code ?? ''}`.trim());
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const summary = `next p50 ${median(nextMs).toFixed(0)} / max ${Math.max(0, ...nextMs).toFixed(0)} ms, decide p50 ${median(decideMs).toFixed(0)} / max ${Math.max(0, ...decideMs).toFixed(0)} ms`;
  return { label: `screening: ${DECISIONS} × (next record + decision)`, ms: Date.now() - started, status: `${ok} decided${refused.length ? `; refused: ${refused.join(', ')}` : ''}; ${summary}` };
}

async function timed(label, run) {
  const started = Date.now();
  const res = await run();
  return { label, ms: Date.now() - started, status: res.status === 200 || res.status === 201 ? res.status : `${res.status} ${res.body?.error?.code ?? ''}` };
}

async function heavyLoad(label, env) {
  const server = await startServer(env);
  const load = loadavg()[0].toFixed(1);
  let result;
  try {
    const token = await reviewProject(server.base);
    const ris = risFile(IMPORT_RECORDS, 1);
    const rows = metaRows(K);
    let stop;
    const health = new Promise((resolve, reject) => {
      const instance = autocannon({ url: `${server.base}/api/health`, connections: 10, duration: 3600, timeout: 300 }, (error, result) => (error ? reject(error) : resolve(result)));
      stop = () => instance.stop();
    });
    const tasks = await Promise.all([
      timed(`import: ${IMPORT_RECORDS.toLocaleString('en')} RIS records (${(Buffer.byteLength(ris) / 2 ** 20).toFixed(1)} MB)`, () => call(server.base, 'POST', '/api/imports?fileName=bench.ris', { token, body: ris, type: 'application/x-research-info-systems' })),
      timed(`meta: k = ${K.toLocaleString('en')}, ${PERMUTATIONS.toLocaleString('en')} permutations, leave-one-out, bias, plots`, () => call(server.base, 'POST', '/api/meta', { json: { rows, measure: 'GEN', mods: ['x'], permutations: PERMUTATIONS, seed: 1, bias: true, leaveOneOut: true } })),
      screen(server.base, token),
    ]);
    stop();
    const r = await health;
    result = { label, load, tasks, requests: r.requests.total, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, errors: r.errors + r.timeouts + r.non2xx, seconds: r.duration };
  } finally {
    const stalls = await server.stop();
    if (result) result.stalls = stalls;
  }
  return result;
}

const rows = [await heavyLoad('worker pool (as shipped)', {}), await heavyLoad('no pool (EXOATLAS_WORKERS=0)', { EXOATLAS_WORKERS: '0' })];
console.log('| GET /api/health, 10 connections, during the heavy work | load avg | requests | p50 ms | p99 ms | max ms | errors | run s | server loop delay p99 / max ms |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.label} | ${r.load} | ${r.requests} | ${r.p50} | ${r.p99} | ${r.max} | ${r.errors} | ${r.seconds.toFixed(0)} | ${r.stalls ? `${r.stalls.loopDelay.p99} / ${r.stalls.loopDelay.max}` : '?'} |`);
console.log(`\np99 without the pool / with it: ${(rows[1].p99 / Math.max(1, rows[0].p99)).toFixed(0)}×; max: ${(rows[1].max / Math.max(1, rows[0].max)).toFixed(0)}×. Target: p99 < 50 ms with the pool.\n`);
console.log('| heavy task | with the pool | without |');
console.log('|---|---:|---:|');
rows[0].tasks.forEach((t, i) => console.log(`| ${t.label} | ${(t.ms / 1000).toFixed(1)} s (${t.status}) | ${(rows[1].tasks[i].ms / 1000).toFixed(1)} s (${rows[1].tasks[i].status}) |`));
// Which routes were in flight when the server's loop stalled (≥ 30 ms): the path holding the thread is in all of its stalls.
for (const r of rows) {
  if (!r.stalls) continue;
  const routes = Object.entries(r.stalls.byRoute).sort((a, b) => b[1].longestMs - a[1].longestMs).slice(0, 8);
  console.log(`\n${r.label}: ${r.stalls.count} stalls ≥ ${r.stalls.thresholdMs} ms (longest ${r.stalls.stalls[0]?.ms ?? 0} ms); routes in flight: ${routes.map(([route, s]) => `${route} ×${s.stalls} (longest ${s.longestMs} ms)`).join('; ') || 'none'}`);
}
