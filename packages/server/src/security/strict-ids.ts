import type { FastifyInstance } from 'fastify';
import { ExoError, type ErrorCode } from '@exoatlas/schema';

/** Canonical positive decimal integers only: no sign, no leading zero, no hex, no exponent, no float. */
const CANONICAL_ID = /^[1-9]\d{0,15}$/;

/** A reference: its number in the review, or its id `ref-<number>`. */
const REFERENCE_ID = /^(ref-)?[1-9]\d{0,15}$/;

/** Numeric path parameters, by route URL pattern and parameter name, with the "not found" code each route answers. */
function numericParams(url: string): [name: string, code: ErrorCode, what: string, pattern?: RegExp][] {
  const out: [string, ErrorCode, string, RegExp?][] = [];
  if (url.includes('/:record')) out.push(['record', 'EXO_ERR_REVIEW_NOT_FOUND_RECORD', 'record']);
  if (url.startsWith('/api/imports/:id')) out.push(['id', 'EXO_ERR_NOT_FOUND_IMPORT', 'import']);
  if (url.startsWith('/api/records/:id')) out.push(['id', 'EXO_ERR_NOT_FOUND_RECORD', 'record']);
  if (url.includes('/syntheses/:id')) out.push(['id', 'EXO_ERR_EXTRACT_NOT_FOUND', 'synthesis']);
  if (url.startsWith('/api/references/:n')) out.push(['n', 'EXO_ERR_NOT_FOUND_REFERENCE', 'reference', REFERENCE_ID]);
  return out;
}

/**
 * Numeric ids in paths must be canonical (`7`, never `07`, `0x7`, `7.0`, `1e1`): one resource, one URL, and no
 * Number() surprises. Any other spelling is the route's own 404, before the handler runs.
 */
export function installStrictIds(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const checks = numericParams(route.url ?? route.path);
    if (checks.length === 0) return;
    const check = async (request: { params: unknown }): Promise<void> => {
      const params = request.params as Record<string, string | undefined>;
      for (const [name, code, what, pattern = CANONICAL_ID] of checks) {
        const raw = params[name];
        if (raw !== undefined && (!pattern.test(raw) || !Number.isSafeInteger(Number(raw.replace(/^ref-/, ''))))) throw new ExoError(code, `no ${what} '${raw.slice(0, 40)}'`, { id: raw.slice(0, 40) });
      }
    };
    const existing = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
    route.onRequest = [...existing, check] as typeof route.onRequest;
  });
}
