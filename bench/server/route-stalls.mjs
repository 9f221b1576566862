// Does any request path hold the server's thread? (issue 16, "Done when": no request path holds the thread for more
// than a few tens of milliseconds of synchronous work). The built CLI's `serve` on a temporary SQLite database with its
// stall monitor on (EXOATLAS_STALL_REPORT, packages/server/src/stall-monitor.ts: every late tick of ≥ 30 ms is charged
// to the routes in flight). Set-up through the API as a team would: a literature import of IMPORT_RECORDS records, a
// review project of PROJECT_RECORDS records screened for DECISIONS decisions; then every GET path of
// /api/openapi.json, its parameters filled from what the set-up made, each asked twice (cold, then warm caches), one
// at a time, so each stall belongs to one route. Prints each route's longest stall and the event loop's delay.
// Not a timed test: `node bench/server/route-stalls.mjs` (after `node scripts/build.mjs`).
import { loadavg } from 'node:os';
import { call, risFile, startServer } from './served.mjs';

const IMPORT_RECORDS = Number(process.env.IMPORT_RECORDS ?? 20_000);
const PROJECT_RECORDS = Number(process.env.PROJECT_RECORDS ?? 10_000);
const DECISIONS = Number(process.env.DECISIONS ?? 50);

const expect = (res, what) => {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  return res.body;
};

const load = loadavg()[0].toFixed(1);
const server = await startServer();
const { base } = server;
let report;
const asked = [];
const skipped = [];
try {
  const password = 'bench-correct-horse-battery';
  expect(await call(base, 'POST', '/api/reviews/users', { json: { username: 'bench', password } }), 'first account');
  const { token } = expect(await call(base, 'POST', '/api/reviews/auth/login', { json: { username: 'bench', password } }), 'login');
  const imported = expect(await call(base, 'POST', '/api/imports?fileName=bench.ris', { token, body: risFile(IMPORT_RECORDS, 1), type: 'application/x-research-info-systems' }), 'literature import');
  const queued = expect(await call(base, 'POST', '/api/imports?fileName=queued.ris&async=true', { token, body: risFile(100, 3), type: 'application/x-research-info-systems' }), 'queued import');
  expect(await call(base, 'POST', '/api/reviews', { token, json: { id: 'bench', name: 'Bench', mode: 'single', question: 'Do iPSC-derived MSC exosomes speed wound healing?' } }), 'project');
  expect(await call(base, 'POST', '/api/reviews/bench/searches', { token, json: { database: 'Embase', date: '2026-11-01', files: [{ name: 'project.ris', content: risFile(PROJECT_RECORDS, 2) }] } }), 'project import');
  for (let i = 0; i < DECISIONS; i++) {
    const next = expect(await call(base, 'GET', '/api/reviews/bench/next', { token }), 'next');
    if (!next.record) break;
    const decision = i % 4 === 0 ? 'include' : 'exclude';
    expect(await call(base, 'POST', `/api/reviews/bench/records/${next.record.id}/decisions`, { token, json: { decision, reason: decision === 'exclude' ? 'Wrong outcome' : undefined, expectedVersion: 0 } }), 'decision');
  }

  const first = async (path, pick) => pick(expect(await call(base, 'GET', path, { token }), path));
  const values = {
    id: undefined, // depends on the path: set below
    idOrName: await first('/api/entities?limit=1', (b) => b.items[0].id),
    n: '1',
    jobId: String(queued.id),
    project: 'bench',
    record: await first('/api/reviews/bench/records?limit=1', (b) => String(b.items[0].id)),
    kind: 'extraction',
  };
  const studyId = await first('/api/studies?limit=1', (b) => b.items[0].id);
  const literatureRecord = await first(`/api/records?importId=${imported.id}&limit=1`, (b) => String(b.items?.[0]?.id ?? ''));
  const doc = expect(await call(base, 'GET', '/api/openapi.json'), 'openapi');
  const urls = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    if (!ops.get) continue;
    const id = path.startsWith('/api/studies/') ? studyId : path.startsWith('/api/imports/') ? String(imported.id) : path.startsWith('/api/records/') ? literatureRecord : undefined;
    let missing = false;
    const url = path.replace(/\{(\w+)\}/g, (_, name) => {
      const v = name === 'id' ? id : values[name];
      if (!v) missing = true;
      return encodeURIComponent(v ?? '');
    });
    if (missing) skipped.push(path);
    else urls.push(url);
  }
  // The heaviest variants of the list and export routes.
  urls.push('/api/studies?limit=500', '/api/search?q=exosome%20wound%20healing', '/api/graph/paths?from=mir-135b&to=wound-healing', '/api/records?limit=500', '/api/reviews/bench/records?limit=500&sort=score', '/api/reviews/bench/export?format=csv', '/api/reviews/bench/export?format=ris', '/api/reviews/bench/audit?limit=500');
  for (const url of urls) {
    for (let k = 0; k < 2; k++) {
      const t = performance.now();
      const res = await call(base, 'GET', url, { token });
      asked.push({ url, status: res.status, ms: performance.now() - t });
    }
  }
} finally {
  report = await server.stop();
}

console.log(`Load average at the start: ${load}. ${asked.length / 2} GET URLs, each twice; ${skipped.length ? `not filled: ${skipped.join(', ')}` : 'every GET path filled'}.`);
const failed = asked.filter((a) => a.status >= 500);
if (failed.length) console.log(`5xx answers: ${failed.map((a) => `${a.url} ${a.status}`).join('; ')}`);
console.log(`Event loop delay over the whole run: p50 ${report.loopDelay.p50} ms, p99 ${report.loopDelay.p99} ms, max ${report.loopDelay.max} ms; ${report.count} stalls ≥ ${report.thresholdMs} ms.\n`);
console.log('| route (method and pattern) | stalls ≥ 30 ms it was in flight for | longest ms |');
console.log('|---|---:|---:|');
for (const [route, s] of Object.entries(report.byRoute).sort((a, b) => b[1].longestMs - a[1].longestMs)) console.log(`| ${route} | ${s.stalls} | ${s.longestMs} |`);
const slowest = [...asked].sort((a, b) => b.ms - a.ms).slice(0, 10);
console.log(`\nSlowest answers (wall, as the client saw them): ${slowest.map((a) => `${a.url} ${a.ms.toFixed(0)} ms`).join('; ')}`);
