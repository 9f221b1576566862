// What the server benchmarks share: the built CLI's `serve` on a temporary SQLite database (with its stall report),
// a fetch wrapper, and generated search exports that are the same in every run.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const bin = new URL('../../packages/cli/bin/exoatlas.js', import.meta.url).pathname;

/** A fixed pseudo-random sequence (Park–Miller), so every run sends the same data. */
export function random(seed) {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

const WORDS = 'exosome vesicle mesenchymal stromal induced pluripotent stem cell wound healing angiogenesis osteoarthritis cartilage fibroblast keratinocyte inflammation macrophage polarisation microRNA signalling pathway murine model rat infarct ischaemia renal hepatic fibrosis bone regeneration ultracentrifugation isolation proteomic therapy dose injection scaffold hydrogel'.split(' ');

/** A RIS export of n distinct records of about 850 bytes each (a 20,000-record file is about 17 MB). */
export function risFile(n, seed) {
  const rnd = random(seed);
  const words = (m) => Array.from({ length: m }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ');
  const out = [];
  for (let i = 0; i < n; i++) {
    out.push(
      `TY  - JOUR\nTI  - ${words(8)} study ${seed}-${i}\nAU  - Author${i % 997}, A.\nAU  - Writer${i % 389}, B.\nPY  - ${2000 + (i % 25)}\nJO  - Journal of ${words(2)}\nDO  - 10.9999/bench.${seed}.${i}\nAB  - ${words(90)}\nKW  - ${words(1)}\nKW  - ${words(1)}\nER  - \n`,
    );
  }
  return out.join('\n');
}

/** `exoatlas serve` on a new SQLite file, its stall report on; `stop()` ends it and returns that report. */
export async function startServer(env = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'exoatlas-bench-serve-'));
  const port = 40000 + Math.floor(Math.random() * 10000);
  const stallFile = join(dir, 'stalls.json');
  const server = spawn(process.execPath, [bin, 'serve', '--port', String(port)], { env: { ...process.env, EXOATLAS_DB: join(dir, 'atlas.sqlite'), EXOATLAS_STALL_REPORT: stallFile, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => server.on('exit', resolve));
  await new Promise((resolve, reject) => {
    server.stdout.on('data', (d) => String(d).includes('serving') && resolve());
    server.on('exit', (code, signal) => (signal === 'SIGTERM' ? undefined : reject(new Error(`server exited ${code ?? signal}`))));
    server.on('exit', (code, signal) => signal !== 'SIGTERM' && code !== 0 && console.error(`the server exited (${code ?? signal})`));
  });
  // Stopping waits for the exit: the server writes its stall report (packages/server/src/stall-monitor.ts) as it closes.
  const stop = async () => {
    server.kill('SIGTERM');
    await exited;
    let stalls;
    try {
      stalls = JSON.parse(readFileSync(stallFile, 'utf8'));
    } catch {
      stalls = undefined;
    }
    rmSync(dir, { recursive: true, force: true });
    return stalls;
  };
  return { base: `http://127.0.0.1:${port}`, stop };
}

/** One request; JSON bodies parsed. */
export async function call(base, method, path, { token, json, body, type } = {}) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (json !== undefined) headers['content-type'] = 'application/json';
  if (type) headers['content-type'] = type;
  // Two minutes at most: a request that long is a hung server, not a slow one.
  const init = { method, headers, body: json !== undefined ? JSON.stringify(json) : body, signal: globalThis.AbortSignal.timeout(120_000) };
  // A kept-alive socket the server closed as the request left is reset: send it once more on a new one.
  const res = await fetch(base + path, init).catch((error) => (error.cause?.code === 'ECONNRESET' ? fetch(base + path, init) : Promise.reject(error)));
  const text = await res.text();
  return { status: res.status, body: text.startsWith('{') ? JSON.parse(text) : text };
}
