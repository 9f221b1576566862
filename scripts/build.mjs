// Builds what the project runs: the `exoatlas` command (one ESM bundle with lazily loaded chunks) and the web app.
// Run by `npm ci` / `npm install` (the root "prepare" script) and by `npm run build`.
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = Date.now();

/** Workspace packages are bundled from source; every npm dependency stays an import. */
const externalDependencies = {
  name: 'external-dependencies',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@exoatlas/') ? undefined : { path: args.path, external: true }));
  },
};

rmSync(`${root}packages/cli/dist`, { recursive: true, force: true });
await build({
  // heavy-jobs.js is the server's worker-pool entry; packages/server/src/workers/job-pool.ts finds it next to its chunk.
  entryPoints: { exoatlas: `${root}packages/cli/src/exoatlas.ts`, 'heavy-jobs': `${root}packages/server/src/workers/heavy-jobs.ts` },
  outdir: `${root}packages/cli/dist`,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  plugins: [externalDependencies],
  logLevel: 'warning',
});

if (existsSync(`${root}packages/web/index.html`) && process.env.EXOATLAS_SKIP_WEB !== '1') {
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: `${root}packages/web`, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
console.log(`exoatlas built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
