// Cold-process time of `exoatlas studies --json` (a new Node process each run, store already built), median of N.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = new URL('../../packages/cli/bin/exoatlas.js', import.meta.url).pathname;
const runs = Number(process.env.RUNS ?? 15);
const dir = mkdtempSync(join(tmpdir(), 'exoatlas-bench-'));
const env = { ...process.env, EXOATLAS_DB: join(dir, 'atlas.sqlite') };

const time = (args) => {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`exoatlas ${args.join(' ')} failed`);
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const firstBuild = time(['studies', '--json']);
const node = median(Array.from({ length: runs }, () => {
  const start = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', '0']);
  return Number(process.hrtime.bigint() - start) / 1e6;
}));
const studies = median(Array.from({ length: runs }, () => time(['studies', '--json'])));
const search = median(Array.from({ length: runs }, () => time(['search', 'miR-135b', '--json'])));
rmSync(dir, { recursive: true, force: true });

console.log('| task | median (ms) | target |');
console.log('|---|---:|---|');
console.log(`| \`exoatlas studies --json\`, first run (builds the store from data/) | ${firstBuild.toFixed(0)} | — |`);
console.log(`| \`exoatlas studies --json\`, cold process | ${studies.toFixed(0)} | < 300 ms |`);
console.log(`| \`exoatlas search miR-135b --json\`, cold process | ${search.toFixed(0)} | — |`);
console.log(`| \`node -e 0\` (the floor: Node's own start-up) | ${node.toFixed(0)} | — |`);
if (studies >= 300) process.exitCode = 1;
