// The atlas's lists under load (issue 23 "lists from cache", issue 20 "delivery"): GET /api/studies?limit=50 and
// GET /api/graph with autocannon, CONNECTIONS connections, DURATION s each, against a real `exoatlas serve` process on
// loopback, as they are (no Accept-Encoding) and as a browser asks (Brotli). Beside each, the ceiling: a bare
// node:http server in its own process sending the very same bytes and headers. Prints the load average before and
// after (the machine may be shared). Target: ≥ 1,000 req/s for both routes. After `node scripts/build.mjs`.
import { spawn } from 'node:child_process';
import { get } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const bin = new URL('../../packages/cli/bin/exoatlas.js', import.meta.url).pathname;
const DURATION = Number(process.env.DURATION ?? 10);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);
const TARGET = 1000;
const ROUTES = ['/api/studies?limit=50', '/api/graph'];
const CODINGS = [
  ['identity', {}],
  ['br', { 'accept-encoding': 'gzip, deflate, br' }],
];

function waitFor(child, word) {
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => String(d).includes(word) && resolve());
    child.on('exit', (code) => reject(new Error(`exited ${code}`)));
  });
}

async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'exoatlas-bench-'));
  const port = 40000 + Math.floor(Math.random() * 10000);
  const child = spawn(process.execPath, [bin, 'serve', '--port', String(port)], { env: { ...process.env, EXOATLAS_DB: join(dir, 'atlas.sqlite') }, stdio: ['ignore', 'pipe', 'inherit'] });
  await waitFor(child, 'serving');
  return { port, stop: () => (child.kill('SIGTERM'), rmSync(dir, { recursive: true, force: true })) };
}

/** A bare node:http server (its own process, like ours) answering every request with one recorded response. */
const BARE = `
const http = require('node:http');
let body, headers;
process.stdin.on('data', (d) => chunks.push(d));
const chunks = [];
process.stdin.on('end', () => {
  const r = JSON.parse(Buffer.concat(chunks).toString());
  body = Buffer.from(r.body, 'base64');
  headers = r.headers;
  const server = http.createServer((req, res) => { res.writeHead(200, headers); res.end(body); });
  server.listen(0, '127.0.0.1', () => console.log('listening ' + server.address().port));
});`;

async function startBare(recorded) {
  const child = spawn(process.execPath, ['-e', BARE], { stdio: ['pipe', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      const m = /listening (\d+)/.exec(String(d));
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`bare server exited ${code}`)));
    child.stdin.end(JSON.stringify(recorded));
  });
  return { port, stop: () => child.kill('SIGTERM') };
}

/** The encoded bytes and headers our server sends for one request (node:http: fetch would decode them). */
function record(port, path, headers) {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, headers }, (r) => {
      const chunks = [];
      r.on('data', (c) => chunks.push(c));
      r.on('end', () => {
        const body = Buffer.concat(chunks);
        const keep = ['content-type', 'content-encoding', 'etag', 'vary', 'cache-control'];
        const out = Object.fromEntries(keep.filter((k) => r.headers[k]).map((k) => [k, r.headers[k]]));
        resolve({ body: body.toString('base64'), bytes: body.length, headers: { ...out, 'content-length': String(body.length) } });
      });
    }).on('error', reject);
  });
}

async function load(port, path, headers) {
  const r = await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections: CONNECTIONS, duration: DURATION, headers });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx };
}

const fmt = (n) => n.toFixed(2);
console.log(`Load average before: ${loadavg().map(fmt).join(' ')}`);
const server = await startServer();
const rows = [];
try {
  for (const path of ROUTES) {
    for (const [coding, headers] of CODINGS) {
      const recorded = await record(server.port, path, headers);
      // Warm-up (JIT, the cache entry, the sockets) so that a fresh process is not what is measured.
      await autocannon({ url: `http://127.0.0.1:${server.port}${path}`, connections: CONNECTIONS, duration: 2, headers });
      const ours = await load(server.port, path, headers);
      const bare = await startBare(recorded);
      let ceiling;
      try {
        ceiling = await load(bare.port, path, headers);
      } finally {
        bare.stop();
      }
      rows.push({ path, coding, bytes: recorded.bytes, ours, ceiling });
    }
  }
} finally {
  server.stop();
}
console.log(`Load average after: ${loadavg().map(fmt).join(' ')}\n`);
console.log(`| ${CONNECTIONS} connections, ${DURATION} s | coding | bytes | req/s | p50 ms | p99 ms | errors | bare node:http req/s | ratio |`);
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.path} | ${r.coding} | ${r.bytes} | ${r.ours.rps.toFixed(0)} | ${r.ours.p50} | ${r.ours.p99} | ${r.ours.errors} | ${r.ceiling.rps.toFixed(0)} | ${(r.ours.rps / r.ceiling.rps).toFixed(2)} |`);
}
console.log(`\nTarget: ≥ ${TARGET} req/s for each route and coding, with no errors.`);
if (rows.some((r) => r.ours.rps < TARGET || r.ours.errors > 0)) process.exitCode = 1;
