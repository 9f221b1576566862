import type { FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import { constants } from 'node:zlib';
import { COMPRESS_THRESHOLD } from './response-cache.js';

/**
 * Text worth compressing: JSON, HTML, CSS, JavaScript, SVG and other text (CSV, RIS, BibTeX, Graphviz). Not images,
 * fonts, PDFs or octet streams: they are compressed already or opaque.
 */
export const COMPRESSIBLE = /^text\/(?!event-stream)|[+/]json(?:;|$)|[+/]xml(?:;|$)|^application\/(?:javascript|x-bibtex|x-research-info-systems)(?:;|$)/u;

/**
 * Brotli or gzip for every compressible answer of at least 1 KiB, as the client's Accept-Encoding allows (issue 20
 * "delivery"). Routes served from the response cache and the web app's pre-compressed files send their own encoded
 * bytes (a Content-Encoding already set is left alone). Brotli quality 5: per-request compression must stay cheap.
 */
export async function installCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    global: true,
    encodings: ['br', 'gzip'],
    threshold: COMPRESS_THRESHOLD,
    customTypes: COMPRESSIBLE,
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } },
  });
}
