// /api/search under load: autocannon, 50 connections, 10 s, on loopback, against the real server process, with
// 250 different queries (entity names of the knowledge base and common words). Run twice in one go: as shipped
// (recent results cached) and with the cache off (EXOATLAS_SEARCH_CACHE=0), so both figures come from one run.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const bin = new URL('../../packages/cli/bin/exoatlas.js', import.meta.url).pathname;
const duration = Number(process.env.DURATION ?? 10);

async function startServer(env) {
  const dir = mkdtempSync(join(tmpdir(), 'exoatlas-bench-'));
  const port = 40000 + Math.floor(Math.random() * 10000);
  const server = spawn(process.execPath, [bin, 'serve', '--port', String(port)], { env: { ...process.env, EXOATLAS_DB: join(dir, 'atlas.sqlite'), ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    server.stdout.on('data', (d) => String(d).includes('serving') && resolve());
    server.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return { port, stop: () => (server.kill('SIGTERM'), rmSync(dir, { recursive: true, force: true })) };
}

async function queries(port) {
  const entities = await (await fetch(`http://127.0.0.1:${port}/api/entities?limit=500`)).json();
  const names = entities.items.map((e) => e.name);
  const words = ['exosomes', 'angiogenesis wound', 'osteoarthritis mouse', 'PI3K', 'miR-135b', 'ultracentrifugation', 'GvHD', 'clinical trials', 'teratoma', 'immunogenicity'];
  return [...words, ...names].slice(0, 250);
}

async function load(label, env) {
  const server = await startServer(env);
  try {
    const qs = await queries(server.port);
    const result = await autocannon({
      url: `http://127.0.0.1:${server.port}`,
      connections: 50,
      duration,
      requests: qs.map((q) => ({ method: 'GET', path: `/api/search?q=${encodeURIComponent(q)}` })),
    });
    const errors = result.errors + result.timeouts + result.non2xx;
    return { label, queries: qs.length, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors };
  } finally {
    server.stop();
  }
}

const rows = [await load('as shipped (recent results cached)', {}), await load('cache off (every request runs FTS5)', { EXOATLAS_SEARCH_CACHE: '0' })];
console.log(`| /api/search, 50 connections, ${duration} s, ${rows[0].queries} different queries | req/s | p50 ms | p99 ms | errors |`);
console.log('|---|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.label} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} |`);
console.log('\nTarget: p99 < 10 ms with no errors (as shipped).');
if (rows[0].p99 >= 10 || rows.some((r) => r.errors > 0)) process.exitCode = 1;
