// /api/search under load: autocannon, 50 connections, 10 s, on loopback, against the real server process.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const bin = new URL('../../packages/cli/bin/exoatlas.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'exoatlas-bench-'));
const port = 40000 + Math.floor(Math.random() * 10000);
const server = spawn(process.execPath, [bin, 'serve', '--port', String(port)], { env: { ...process.env, EXOATLAS_DB: join(dir, 'atlas.sqlite') }, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve, reject) => {
  server.stdout.on('data', (d) => String(d).includes('serving') && resolve());
  server.on('exit', (code) => reject(new Error(`server exited ${code}`)));
});

const queries = ['miR-135b', 'osteoarthritis', 'PI3K', 'angiogenesis wound', 'ultracentrifugation', 'GvHD', 'exosomes'];
const result = await autocannon({
  url: `http://127.0.0.1:${port}`,
  connections: 50,
  duration: Number(process.env.DURATION ?? 10),
  requests: queries.map((q) => ({ method: 'GET', path: `/api/search?q=${encodeURIComponent(q)}` })),
});
server.kill('SIGTERM');
rmSync(dir, { recursive: true, force: true });

const errors = result.errors + result.timeouts + result.non2xx;
console.log('| /api/search, 50 connections, 10 s | value | target |');
console.log('|---|---:|---|');
console.log(`| requests/s (mean) | ${result.requests.average.toFixed(0)} | — |`);
console.log(`| latency p50 (ms) | ${result.latency.p50} | — |`);
console.log(`| latency p99 (ms) | ${result.latency.p99} | < 10 |`);
console.log(`| errors + timeouts + non-2xx | ${errors} | 0 |`);
if (result.latency.p99 >= 10 || errors > 0) process.exitCode = 1;
