import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ExoError } from '@exoatlas/schema';
import { hasBearer } from './session-token.js';
import { isUnsafe } from './unsafe-methods.js';

/** "https://Example.org:443/" → "https://example.org"; undefined when it is not an http(s) origin. */
export function normaliseOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** The server's own origin as the browser sees it: protocol (https behind a trusted TLS proxy) and Host. */
function ownOrigin(request: FastifyRequest): string | undefined {
  return normaliseOrigin(`${request.protocol}://${request.host}`);
}

function mediaType(request: FastifyRequest): string {
  return (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

export interface OriginCheckOptions {
  /** Other origins whose pages may write (e.g. the web app served from another host); normalised. */
  allowedOrigins: readonly string[];
  /** Upload media types a route takes besides application/json, by route URL (e.g. '/api/imports'). */
  uploadTypes: Readonly<Record<string, readonly string[]>>;
}

/**
 * Cross-site request forgery defence for every unsafe method, before the body is read:
 * 1. a cookie-authenticated (or anonymous) write must come from this server's own origin or an allowed one — judged by
 *    `Origin`, or when absent by `Sec-Fetch-Site` (non-browser clients send neither and are let through: they carry no
 *    ambient cookie of a victim);
 * 2. a body must be application/json or an upload type the route documents, so no HTML form or "simple" text/plain
 *    request can write. Bearer-token requests skip 1 (a token is never sent by a browser on its own) but not 2.
 */
export function installOriginCheck(app: FastifyInstance, options: OriginCheckOptions): void {
  const allowed = new Set(options.allowedOrigins);
  app.addHook('onRequest', async (request) => {
    if (!isUnsafe(request)) return;
    if (!hasBearer(request)) {
      const origin = request.headers.origin;
      if (origin !== undefined) {
        const normalised = normaliseOrigin(origin);
        if (normalised === undefined || (normalised !== ownOrigin(request) && !allowed.has(normalised))) {
          throw new ExoError('EXO_ERR_HTTP_CROSS_ORIGIN', `a ${request.method} from origin '${origin.slice(0, 200)}' is refused: writes must come from this site`, { origin: origin.slice(0, 200) });
        }
      } else {
        const site = request.headers['sec-fetch-site'];
        if (site !== undefined && site !== 'same-origin' && site !== 'none') {
          throw new ExoError('EXO_ERR_HTTP_CROSS_ORIGIN', `a ${request.method} from another site (Sec-Fetch-Site: ${String(site).slice(0, 40)}) is refused: writes must come from this site`, { secFetchSite: String(site).slice(0, 40) });
        }
      }
    }
    if (hasBody(request)) {
      const type = mediaType(request);
      const uploads = request.routeOptions.url !== undefined ? (options.uploadTypes[request.routeOptions.url] ?? []) : [];
      if (type !== 'application/json' && !uploads.includes(type)) {
        const accepted = ['application/json', ...uploads].join(', ');
        throw new ExoError('EXO_ERR_HTTP_UNSUPPORTED_MEDIA_TYPE', `a request body of type '${type || 'none'}' is not accepted here; send ${accepted}`, { contentType: type, accepted });
      }
    }
  });
}
