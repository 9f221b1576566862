#!/usr/bin/env node
/**
 * Benchmark of `exoatlas meta` against R's metafor on the same machine, data and settings, in one run:
 *   1. leave-one-out REML on 300 studies      2. one REML fit on 2,000 studies
 *   3. permutation test, 1,000 permutations on 200 studies (seed 42)
 *   4. one REML fit on 100,000 and on 1,000,000 studies (ExoAtlas only: metafor's k × k matrices would need
 *      ~80 GB at 10⁵), with the process's peak memory
 * metafor runs twice per task: with its defaults (what its users run: threshold 1e-5, stepadj 1) — the headline
 * ratio — and at ExoAtlas's precision (threshold 1e-12, stepadj 1). Timings are whole-process (start-up, CSV
 * reading, effect sizes, model, JSON output), the median of 3 runs for ExoAtlas and one run for each metafor
 * setting. Results are compared at the precision each metafor setting gives.
 * Usage: node bench/meta/run.mjs [--skip-metafor] [--runner] [--only=loo,reml,perm,big,huge] [--cli=DIR]
 *   --runner: time bench/meta/runner.ts (bundled here) even when the CLI bundle exists
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const work = join(tmpdir(), 'exoatlas-bench-meta');
mkdirSync(work, { recursive: true });
const argv = new Set(process.argv.slice(2));

// —— deterministic data ————————————————————————————————————————————————
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function normal(rand) {
  const u = 1 - rand();
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
const r4 = (x) => Number(x.toFixed(4));
function smdData(k, seed) {
  const rand = mulberry32(seed);
  const rows = ['study,m1i,sd1i,n1i,m2i,sd2i,n2i'];
  for (let i = 0; i < k; i++) {
    const n1 = 10 + Math.floor(rand() * 71);
    const n2 = 10 + Math.floor(rand() * 71);
    const delta = 0.4 + 0.3 * normal(rand);
    const sd1 = 1.5 + rand();
    const sd2 = 1.5 + rand();
    rows.push(`S${i + 1},${r4(10 + 2 * delta + (sd1 / Math.sqrt(n1)) * normal(rand))},${r4(sd1)},${n1},${r4(10 + (sd2 / Math.sqrt(n2)) * normal(rand))},${r4(sd2)},${n2}`);
  }
  return `${rows.join('\n')}\n`;
}
function permData(k, seed) {
  const rand = mulberry32(seed);
  const rows = ['study,yi,vi,dose'];
  for (let i = 0; i < k; i++) {
    const vi = 0.01 + 0.09 * rand();
    const dose = r4(10 * rand());
    rows.push(`S${i + 1},${r4(0.2 + 0.02 * dose + 0.2 * normal(rand) + Math.sqrt(vi) * normal(rand))},${r4(vi)},${dose}`);
  }
  return `${rows.join('\n')}\n`;
}

const tasks = [
  { id: 'loo', label: 'leave-one-out, REML', k: 300, csv: () => smdData(300, 1), args: ['--measure', 'SMD', '--method', 'REML', '--leave-one-out'], metafor: true },
  { id: 'reml', label: 'single REML fit', k: 2000, csv: () => smdData(2000, 2), args: ['--measure', 'SMD', '--method', 'REML'], metafor: true },
  { id: 'perm', label: 'permutation test, 1,000 permutations', k: 200, csv: () => permData(200, 3), args: ['--measure', 'GEN', '--mods', 'dose', '--permutations', '1000', '--seed', '42'], metafor: true },
  { id: 'big', label: 'single REML fit', k: 100000, csv: () => smdData(100000, 4), args: ['--measure', 'SMD', '--method', 'REML'], metafor: false },
  { id: 'huge', label: 'single REML fit', k: 1000000, csv: () => smdData(1000000, 5), args: ['--measure', 'SMD', '--method', 'REML'], metafor: false },
];
// issue 23's targets: whole-process ratio against metafor at its defaults, or time and memory for k = 10⁶
const TARGETS = { loo: { ratio: 100 }, reml: { ratio: 100 }, perm: { ratio: 100 }, huge: { seconds: 5, mb: 500 } };

// —— the exoatlas command ———————————————————————————————————————————————
// --cli=DIR times a copy of the bundle (e.g. a snapshot kept while the project is rebuilt during a long run)
const cliDir = process.argv.find((x) => x.startsWith('--cli='))?.slice(6);
const cliBundle = cliDir ? join(process.cwd(), cliDir, 'exoatlas.js') : join(root, 'packages', 'cli', 'dist', 'exoatlas.js');
let exo;
if (!argv.has('--runner') && existsSync(cliBundle) && spawnSync('node', [cliBundle, 'meta', '--help'], { encoding: 'utf8' }).status === 0) {
  exo = { how: `node ${cliDir ? join(cliDir, 'exoatlas.js') : 'packages/cli/dist/exoatlas.js'} meta`, cmd: (file, args) => ['node', [cliBundle, 'meta', file, ...args, '--json']] };
} else {
  const { build } = await import('esbuild');
  const out = join(work, 'meta-runner.mjs');
  await build({ entryPoints: [join(here, 'runner.ts')], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'silent' });
  exo = { how: `node bench/meta/runner.ts (esbuild bundle of the library${argv.has('--runner') ? '' : '; the CLI bundle is not built yet'})`, cmd: (file, args) => ['node', [out, file, ...args, '--json']] };
}

// a preload that reports the node process's peak resident memory on stderr as it exits
const rssProbe = join(work, 'peak-rss.cjs');
writeFileSync(rssProbe, "process.on('exit', () => process.stderr.write(`\\nPEAK_RSS_KB ${process.resourceUsage().maxRSS}\\n`));\n");
function time(cmd, args) {
  const full = cmd === 'node' ? ['--require', rssProbe, ...args] : args;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, full, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  const kb = /PEAK_RSS_KB (\d+)/.exec(r.stderr ?? '');
  return { s, out: r.stdout, mb: kb ? Number(kb[1]) / 1024 : null };
}

// —— metafor ————————————————————————————————————————————————————————————
function metaforVersion() {
  try {
    return execFileSync('Rscript', ['-e', 'cat(R.version$major, R.version$minor, as.character(packageVersion("metafor")))'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}
const rv = argv.has('--skip-metafor') ? null : metaforVersion();
if (!rv && !argv.has('--skip-metafor')) {
  console.log('metafor not found (Rscript with the metafor and jsonlite packages; Debian: apt-get install r-cran-metafor r-cran-jsonlite): skipping the metafor columns, reporting ExoAtlas figures only.\n');
}

const rel = (a, b) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
// metafor at its defaults stops when τ² moves by less than 1e-5, so its figures are good to about 1e-4;
// at threshold 1e-12 both sides should agree to 1e-6 (the conformance tolerance)
const TOLERANCE = { defaults: { rel: 1e-4, abs: 1e-5 }, precise: { rel: 1e-6, abs: 1e-9 } };
function agree(task, exoJson, rJson, tol) {
  const e = JSON.parse(exoJson);
  const r = JSON.parse(rJson);
  const pairs = [
    [e.estimate, r.estimate],
    [e.tau2, r.tau2],
  ];
  if (task === 'loo') e.leaveOneOut.forEach((l, i) => pairs.push([l.estimate, r.looEstimate[i]], [l.tau2, r.looTau2[i]]));
  if (task === 'reml') pairs.push([e.se, r.se], [e.i2, r.i2], [e.q, r.q]);
  if (task === 'perm') {
    [].concat(r.permPval).forEach((p, j) => pairs.push([e.permutation.pval[j], p]));
    pairs.push([e.permutation.qmPval, r.permQMp]);
  }
  const worst = Math.max(...pairs.map(([a, b]) => (Math.abs(a - b) <= tol.rel * Math.abs(b) + tol.abs ? 0 : rel(a, b))));
  const worstAbs = Math.max(...pairs.map(([a, b]) => Math.abs(a - b)));
  return { n: pairs.length, ok: worst === 0, worst, worstAbs, tol };
}

const results = [];
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const fmtAgree = (a) => (a.ok ? `agree (${a.n} values ≤ ${a.tol.rel}·|x| + ${a.tol.abs})` : `DIFFER: worst rel ${a.worst.toExponential(1)}, abs ${a.worstAbs.toExponential(1)}`);
for (const t of tasks.filter((x) => (only ? only.includes(x.id) : x.id !== 'huge' || !argv.has('--quick')))) {
  const file = join(work, `${t.id}-k${t.k}.csv`);
  if (!existsSync(file)) writeFileSync(file, t.csv());
  const [cmd, args] = exo.cmd(file, t.args);
  const runs = [0, 1, 2].map(() => time(cmd, args)).sort((a, b) => a.s - b.s);
  const exoS = runs[1].s;
  const mb = Math.max(...runs.map((r) => r.mb ?? 0)) || null;
  const row = { id: t.id, task: t.label, k: t.k, exo: exoS, mb, defaults: null, precise: null };
  if (t.metafor && rv) {
    for (const mode of ['defaults', 'precise']) {
      const m = time('Rscript', [join(here, 'metafor.R'), t.id, file, mode]);
      row[mode] = { s: m.s, ratio: m.s / exoS, agree: agree(t.id, runs[0].out, m.out, TOLERANCE[mode]) };
    }
  }
  const target = TARGETS[t.id];
  if (target?.ratio && row.defaults) row.holds = row.defaults.ratio >= target.ratio;
  if (target?.seconds) row.holds = exoS < target.seconds && mb !== null && mb < target.mb;
  results.push(row);
  console.error(`${t.id}: exoatlas ${exoS.toFixed(3)} s${mb ? ` (${mb.toFixed(0)} MB)` : ''}${row.defaults ? `; metafor defaults ${row.defaults.s.toFixed(1)} s (${fmtAgree(row.defaults.agree)}), at 1e-12 ${row.precise.s.toFixed(1)} s (${fmtAgree(row.precise.agree)})` : ''}`);
}

const cpu = (readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) ?? [])[1] ?? cpus()[0]?.model ?? 'unknown';
const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const targetText = (r) => {
  const t = TARGETS[r.id];
  if (!t) return '—';
  const want = t.ratio ? `≥ ${t.ratio}× vs defaults` : `< ${t.seconds} s, < ${t.mb} MB`;
  return r.holds === undefined ? `${want}: not measured` : `${want}: ${r.holds ? 'holds' : 'MISSED'}`;
};
const lines = [
  `Machine: ${cpus().length} cores (nproc), ${cpu}; load average ${load} at the end; node ${process.version}; ${rv ? `R ${rv.split(' ').slice(0, 2).join('.')}, metafor ${rv.split(' ')[2]}` : argv.has('--skip-metafor') ? 'metafor skipped' : 'metafor not available'}.`,
  `ExoAtlas timed as: ${exo.how}. metafor "defaults": rma() with no control list; "1e-12": control = list(threshold = 1e-12, maxiter = 10000, stepadj = 1), ExoAtlas's precision.`,
  '',
  '| task | k | exoatlas s | peak MB | metafor defaults s | ratio | metafor 1e-12 s | ratio | results (defaults; 1e-12) | target |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---|---|',
  ...results.map((r) => {
    const col = (m) => (m ? [m.s.toFixed(1), `${Math.round(m.ratio)}×`] : ['—', '—']);
    const res = r.defaults ? `${fmtAgree(r.defaults.agree)}; ${fmtAgree(r.precise.agree)}` : r.k > 10000 ? 'metafor cannot (k × k matrices)' : '—';
    return `| ${r.task} | ${r.k.toLocaleString('en')} | ${r.exo.toFixed(3)} | ${r.mb ? r.mb.toFixed(0) : '—'} | ${col(r.defaults).join(' | ')} | ${col(r.precise).join(' | ')} | ${res} | ${targetText(r)} |`;
  }),
];
console.log(lines.join('\n'));
const outDir = join(root, 'bench', 'results');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'meta.json'), JSON.stringify({ date: new Date().toISOString(), load, results }, null, 2));
