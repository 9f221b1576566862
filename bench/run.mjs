// Runs every benchmark in bench/ and prints their Markdown tables with the machine they ran on.
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { existsSync } from 'node:fs';

const benches = [
  ['Atlas CLI cold start', 'bench/atlas/cli-cold-start.mjs'],
  ['Atlas search under load', 'bench/atlas/search-load.mjs'],
  ['Atlas lists under load (cached, compressed) beside a bare node:http server', 'bench/atlas/list-load.mjs'],
  ['Server under heavy work (worker pool)', 'bench/server/heavy-load.mjs'],
  ['Every request path: longest hold of the server thread per route', 'bench/server/route-stalls.mjs'],
  ['Server throughput: SQLite vs PostgreSQL, one vs two servers', 'bench/server/throughput.mjs'],
  ['Meta-analysis against metafor', 'bench/meta/run.mjs'],
  ['Literature readers and de-duplication', 'bench/literature/run.mjs'],
  ['Web app size and first loads', 'bench/web/load.mjs'],
];
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`);
let failed = 0;
for (const [title, file] of benches) {
  if (!existsSync(file)) continue;
  console.log(`## ${title}\n`);
  const r = spawnSync(process.execPath, [file], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
  console.log('');
}
process.exitCode = failed ? 1 : 0;
