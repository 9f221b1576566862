#!/usr/bin/env node
// Load benchmark of the web app: initial JavaScript (gzip) from dist/, and first loads of pages on loopback in
// headless Chromium (each load in a fresh browser context, so with an empty cache).
// Usage: node bench/web/load.mjs [--runs 10]   (needs `npm run build` and /usr/bin/chromium)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(root, 'packages/web/dist');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 10;

if (!existsSync(join(dist, 'index.html'))) throw new Error('packages/web/dist is not built: run `npm run build` first');
if (!existsSync('/usr/bin/chromium')) throw new Error('/usr/bin/chromium is missing (apt-get install chromium)');

/** Every script the first page load asks for: the entry module and what index.html preloads. */
function initialJavaScript() {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((m) => m[1] ?? m[2]);
  const sizes = files.map((f) => {
    const body = readFileSync(join(dist, f.replace(/^\//, '')));
    return { file: f, rawKB: body.length / 1024, gzipKB: gzipSync(body, { level: 9 }).length / 1024 };
  });
  return { files: sizes, gzipKB: sizes.reduce((s, x) => s + x.gzipKB, 0), rawKB: sizes.reduce((s, x) => s + x.rawKB, 0) };
}

/** `exoatlas serve` on a free port with a fresh store; resolves with its URL. */
function startServer() {
  const tmp = mkdtempSync(join(tmpdir(), 'exoatlas-web-bench-'));
  const child = spawn(process.execPath, [join(root, 'packages/cli/bin/exoatlas.js'), 'serve', '--port', '0', '--db', join(tmp, 'atlas.sqlite')], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /serving (http:\/\/[^/\s]+)\//.exec(out);
      if (m) resolve({ url: m[1].replace('localhost', '127.0.0.1'), stop: () => (child.kill('SIGTERM'), rmSync(tmp, { recursive: true, force: true })) });
    });
    child.on('exit', (code) => reject(new Error(`exoatlas serve exited with ${code}: ${out}`)));
  });
}

const PAGES = [
  { name: 'overview', path: '/', ready: ['table.heatmap', '.stat-grid'] },
  { name: 'studies', path: '/studies', ready: ['table.study-table'] },
  { name: 'study', path: '/studies/zhu-2017-osteoarthritis', ready: ['dl.fields'] },
  { name: 'mechanisms (Cytoscape chunk)', path: '/mechanisms?focus=pi3k-akt', ready: ['.graph-canvas canvas', 'aside.graph-panel article.claim'] },
];

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: Math.round(q(0.5)), p90: Math.round(q(0.9)), min: Math.round(s[0]), max: Math.round(s.at(-1)) };
};

const js = initialJavaScript();
const server = await startServer();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const results = {};
try {
  for (const p of PAGES) {
    const times = [];
    for (let i = 0; i < runs + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(server.url + p.path, { waitUntil: 'commit' });
      for (const sel of p.ready) await page.locator(sel).first().waitFor({ timeout: 20_000 });
      const t = await page.evaluate(() => performance.now());
      if (i > 0) times.push(t); // the first run warms the server and the OS caches
      await context.close();
    }
    results[p.name] = stats(times);
  }
} finally {
  await browser.close();
  server.stop();
}

const report = {
  date: new Date().toISOString(),
  runs,
  initialJsGzipKB: Math.round(js.gzipKB * 10) / 10,
  initialJsRawKB: Math.round(js.rawKB * 10) / 10,
  initialJsFiles: js.files.map((f) => f.file),
  firstLoadMs: results,
};
console.log(`initial JavaScript: ${report.initialJsGzipKB} KB gzip (${report.initialJsRawKB} KB raw) in ${js.files.length} file(s); budget 250 KB`);
console.log(`first load on loopback, cold cache, ${runs} runs (navigation start → content shown):`);
for (const [name, s] of Object.entries(results)) console.log(`  ${name.padEnd(30)} median ${String(s.median).padStart(5)} ms   p90 ${String(s.p90).padStart(5)} ms   (min ${s.min}, max ${s.max})`);
mkdirSync(join(root, 'test-artifacts/web'), { recursive: true });
writeFileSync(join(root, 'test-artifacts/web/bench-load.json'), `${JSON.stringify(report, null, 2)}\n`);
