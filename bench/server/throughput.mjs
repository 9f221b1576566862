// Throughput of real `exoatlas serve` processes (issue 16 part 9): GET /api/studies?limit=50 and GET /api/search?q=…
// (autocannon, CONNECTIONS connections, SECONDS each) and the stateful review loop (CLIENTS clients, each repeating
// GET …/next then POST …/decisions with the record's expectedVersion, for REVIEW_SECONDS) on a PROJECT_RECORDS-record review
// project, for SQLite, PostgreSQL with one server and PostgreSQL with two servers (requests spread across both ports).
// PostgreSQL is a throw-away cluster (as .ci/start-postgres.sh) stopped and deleted at the end; without PostgreSQL
// installed only the SQLite rows run and the script says so. Loopback only. Writes bench/results/server-throughput.json.
// Not a timed test: `node bench/server/throughput.mjs` (after `node scripts/build.mjs`).
// All review clients act as the one reviewer, so they are often handed the same record: the loser's 409 is counted
// as a race, not an error. Environment: SECONDS (10), REVIEW_SECONDS (30), CONNECTIONS (10), CLIENTS (10),
// PROJECT_RECORDS (10000).
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { bin, call, risFile } from './served.mjs';

const SECONDS = Number(process.env.SECONDS ?? 10);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);
const CLIENTS = Number(process.env.CLIENTS ?? 10);
// Longer for the review loop: each next + decide takes seconds on a loaded machine, and 10 s gave only tens of samples.
const REVIEW_SECONDS = Number(process.env.REVIEW_SECONDS ?? 30);
const PROJECT_RECORDS = Number(process.env.PROJECT_RECORDS ?? 10_000);
const QUERY = 'exosome wound';


function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** A throw-away PostgreSQL cluster as the postgres user when run as root (initdb refuses root), or null when none is installed. */
async function startPostgres() {
  const root = '/usr/lib/postgresql';
  const version = existsSync(root) ? readdirSync(root).sort((a, b) => Number(a) - Number(b)).at(-1) : undefined;
  const pgBin = version && join(root, version, 'bin');
  if (!pgBin || !existsSync(join(pgBin, 'initdb'))) return null;
  const dir = mkdtempSync(join(tmpdir(), 'exoatlas-bench-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    chownSync(dir, Number(id.stdout), Number(gid.stdout));
  }
  const run = (cmd, args) => {
    const r = asRoot ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' }) : spawnSync(cmd, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
  };
  const port = await freePort();
  run(join(pgBin, 'initdb'), ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  run(join(pgBin, 'pg_ctl'), ['-D', join(dir, 'data'), '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200`, 'start']);
  const databases = new Set();
  return {
    version,
    /** A fresh database on the cluster, so each configuration starts empty. */
    database(name) {
      run(join(pgBin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', name]);
      databases.add(name);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stop() {
      try {
        run(join(pgBin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

async function startServer(dbArgs) {
  const port = await freePort();
  const server = spawn(process.execPath, [bin, 'serve', ...dbArgs, '--port', String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start within 120 s')), 120_000);
    server.stdout.on('data', (d) => String(d).includes('serving') && (clearTimeout(timer), resolve()));
    server.on('exit', (code, signal) => signal !== 'SIGTERM' && (clearTimeout(timer), reject(new Error(`server exited ${code ?? signal}`))));
  });
  // Stopping waits for the process to exit, so PostgreSQL is never stopped under a live server's pool.
  const exited = new Promise((resolve) => server.on('exit', resolve));
  return { base: `http://127.0.0.1:${port}`, stop: () => (server.kill('SIGTERM'), exited) };
}

/** The first account, one login (the login is throttled), a single-screening project and its PROJECT_RECORDS-record import. */
async function reviewProject(base) {
  const password = 'bench-correct-horse-battery';
  const user = await call(base, 'POST', '/api/reviews/users', { json: { username: 'bench', password } });
  if (user.status !== 201) throw new Error(`first account: ${user.status} ${JSON.stringify(user.body)}`);
  const { token } = (await call(base, 'POST', '/api/reviews/auth/login', { json: { username: 'bench', password } })).body;
  await call(base, 'POST', '/api/reviews', { token, json: { id: 'bench', name: 'Bench', mode: 'single', question: 'Do iPSC-derived MSC exosomes speed wound healing?' } });
  const started = Date.now();
  const imported = await call(base, 'POST', '/api/reviews/bench/searches', { token, json: { database: 'Embase', date: '2026-11-01', files: [{ name: 'project.ris', content: risFile(PROJECT_RECORDS, 2) }] } });
  if (imported.status !== 201) throw new Error(`project import: ${imported.status} ${JSON.stringify(imported.body)}`);
  return { token, importSeconds: (Date.now() - started) / 1000 };
}

/** autocannon on one path, its requests spread over every server (one autocannon per server, connections split). */
async function getLoad(bases, path) {
  const per = Math.max(1, Math.floor(CONNECTIONS / bases.length));
  const results = await Promise.all(bases.map((base) => new Promise((resolve, reject) => autocannon({ url: base + path, connections: per, duration: SECONDS, timeout: 30 }, (e, r) => (e ? reject(e) : resolve(r))))));
  const requests = results.reduce((s, r) => s + r.requests.total, 0);
  const seconds = Math.max(...results.map((r) => r.duration));
  return {
    requests,
    rps: requests / seconds,
    // With two servers the percentiles are the worse of the two autocannon runs (their histograms are not merged).
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((s, r) => s + r.errors + r.timeouts + r.non2xx, 0),
  };
}

const pct = (xs, p) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] : NaN);

/** CLIENTS clients, each repeating next + decide for REVIEW_SECONDS (client i on server i mod n); a 409 is a lost race with another client. */
async function reviewLoad(bases, token) {
  const deadline = Date.now() + REVIEW_SECONDS * 1000;
  const nextMs = [];
  const decideMs = [];
  let decided = 0;
  let conflicts = 0;
  let errors = 0;
  const client = async (i) => {
    const base = bases[i % bases.length];
    for (let n = 0; n < 10_000 && Date.now() < deadline; n++) {
      try {
        let t = performance.now();
        const next = await call(base, 'GET', '/api/reviews/bench/next', { token });
        nextMs.push(performance.now() - t);
        const record = next.body?.record;
        if (next.status !== 200 || !record) {
          errors++;
          continue;
        }
        const expectedVersion = record.stages?.['title-abstract']?.mine?.version ?? 0;
        const decision = /wound|angiogenesis/.test(record.title ?? '') ? { decision: 'include' } : { decision: 'exclude', reason: 'Other' };
        t = performance.now();
        const res = await call(base, 'POST', `/api/reviews/bench/records/${record.id}/decisions`, { token, json: { ...decision, expectedVersion } });
        decideMs.push(performance.now() - t);
        if (res.status === 201) decided++;
        else if (res.status === 409) conflicts++;
        else errors++;
      } catch {
        errors++;
      }
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
  const seconds = (Date.now() - started) / 1000;
  return { requests: nextMs.length + decideMs.length, rps: (nextMs.length + decideMs.length) / seconds, decisionsPerSecond: decided / seconds, decided, conflicts, errors, next: { p50: pct(nextMs, 0.5), p99: pct(nextMs, 0.99) }, decide: { p50: pct(decideMs, 0.5), p99: pct(decideMs, 0.99) } };
}

async function measure(label, dbArgs, servers) {
  const first = await startServer(dbArgs);
  const all = [first];
  try {
    const { token, importSeconds } = await reviewProject(first.base);
    for (let i = 1; i < servers; i++) all.push(await startServer(dbArgs));
    const bases = all.map((s) => s.base);
    await call(first.base, 'GET', '/api/reviews/bench/next', { token }); // the first ranking fit, not part of the loop
    const load = loadavg()[0];
    const studies = await getLoad(bases, '/api/studies?limit=50');
    const search = await getLoad(bases, `/api/search?q=${encodeURIComponent(QUERY)}`);
    const review = await reviewLoad(bases, token);
    return { label, servers, importSeconds, loadAverage1m: load, studies, search, review };
  } finally {
    await Promise.all(all.map((s) => s.stop()));
  }
}

const rows = [];
const skipped = [];
const work = mkdtempSync(join(tmpdir(), 'exoatlas-throughput-'));
try {
  rows.push(await measure('SQLite, 1 server', ['--db', join(work, 'atlas.sqlite')], 1));
  const pg = await startPostgres();
  if (!pg) skipped.push('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): the two PostgreSQL rows were skipped.');
  else {
    try {
      rows.push(await measure(`PostgreSQL ${pg.version}, 1 server`, ['--database-url', pg.database('bench_one')], 1));
      rows.push(await measure(`PostgreSQL ${pg.version}, 2 servers`, ['--database-url', pg.database('bench_two')], 2));
    } finally {
      pg.stop();
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const f = (x) => (Number.isFinite(x) ? x.toFixed(0) : '–');
console.log(`Loaded machine: ${cpus().length} cores shared with other jobs; load average at start of each row below (1 min). ${SECONDS} s per GET measurement, ${REVIEW_SECONDS} s review loop, ${CONNECTIONS} autocannon connections, ${CLIENTS} review clients, ${PROJECT_RECORDS.toLocaleString('en')}-record project.\n`);
console.log('| configuration | load avg | studies?limit=50 req/s | p50 ms | p99 ms | errors | search req/s | p50 ms | p99 ms | errors | review req/s (decisions/s) | next p50 / p99 ms | decide p50 / p99 ms | 409 races | errors |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const { studies: s, search: q, review: v } = r;
  console.log(`| ${r.label} | ${r.loadAverage1m.toFixed(1)} | ${f(s.rps)} | ${f(s.p50)} | ${f(s.p99)} | ${s.errors} | ${f(q.rps)} | ${f(q.p50)} | ${f(q.p99)} | ${q.errors} | ${v.rps.toFixed(1)} (${v.decisionsPerSecond.toFixed(1)}) | ${f(v.next.p50)} / ${f(v.next.p99)} | ${f(v.decide.p50)} / ${f(v.decide.p99)} | ${v.conflicts} | ${v.errors} |`);
}
for (const s of skipped) console.log(`\nSKIPPED: ${s}`);
const results = new URL('../results/', import.meta.url).pathname;
mkdirSync(results, { recursive: true });
writeFileSync(join(results, 'server-throughput.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, cores: cpus().length, cpu: cpus()[0]?.model, loadAverageAtEnd: loadavg(), settings: { SECONDS, REVIEW_SECONDS, CONNECTIONS, CLIENTS, PROJECT_RECORDS, query: QUERY }, rows, skipped }, null, 2) + '\n');
console.log('\nWritten: bench/results/server-throughput.json');
