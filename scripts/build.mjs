// Builds what the project runs: the `exoatlas` command (one ESM bundle with lazily loaded chunks) and the web app.
// Run by `npm ci` / `npm install` (the root "prepare" script) and by `npm run build`.
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
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
  precompress(`${root}packages/web/dist`);
}

/**
 * Brotli (quality 11) and gzip (level 9) copies beside each text file of at least 1 KiB, made once here so that the
 * server sends them without compressing per request (@fastify/static preCompressed); smaller files go as they are.
 */
function precompress(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) precompress(path);
    else if (/\.(js|mjs|css|html|svg|json|txt|map)$/.test(entry.name)) {
      const body = readFileSync(path);
      if (body.length < 1024) continue;
      writeFileSync(`${path}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
      writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
    }
  }
}
console.log(`exoatlas built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
