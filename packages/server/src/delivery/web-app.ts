import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Files under assets/ carry a content hash in their names (Vite): a new build makes new names, so they never change. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The built web app at `/`: hashed assets cached for a year as immutable, everything else (index.html) revalidated on
 * each use (`no-cache`, with its ETag), so a deployment is seen at once. The build writes Brotli and gzip copies of
 * the larger text files (scripts/build.mjs), sent as the client accepts; the others are compressed on the fly.
 */
export async function serveWebApp(app: FastifyInstance, root: string): Promise<boolean> {
  if (!existsSync(join(root, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    // The .br and .gz copies are found through their originals, not served at URLs of their own.
    globIgnore: ['**/*.br', '**/*.gz'],
    cacheControl: false,
    setHeaders: (reply, path) => {
      const inAssets = relative(root, path).split(sep)[0] === 'assets';
      reply.header('cache-control', inAssets ? IMMUTABLE : 'no-cache');
    },
  });
  return true;
}
