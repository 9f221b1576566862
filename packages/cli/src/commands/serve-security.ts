import { ExoError } from '@exoatlas/schema';

/** The serve options of the HTTP security layer (docs/security.md), from flags first, then the environment. */
export interface ServeSecurity {
  allowedOrigins: string[];
  trustProxy: boolean | number | string;
  metaRateLimit: { max: number; timeWindowMs: number } | false;
}

/** `https://a.example, https://b.example` → each an http(s) origin without path, or a usage error naming it. */
function parseOrigins(values: readonly string[]): string[] {
  return values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '')
    .map((v) => {
      let url: URL | undefined;
      try {
        url = new URL(v);
      } catch {
        url = undefined;
      }
      if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== v.replace(/\/$/, '')) {
        throw new ExoError('EXO_ERR_CLI_USAGE', `--allowed-origin must be an origin like https://atlas.example.org (scheme, host, optional port; no path), got '${v}'`, { field: 'allowed-origin' });
      }
      return url.origin;
    });
}

/** `true`/`false`, a hop count, or proxy addresses/CIDRs separated by commas (Fastify's trustProxy). */
function parseTrustProxy(value: string | boolean | undefined): boolean | number | string {
  if (value === undefined || value === false || value === '' || value === 'false') return false;
  if (value === true || value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/** Requests a minute per client address for POST /api/meta; 0 turns the limit off. */
function parseRateLimit(value: string | undefined): ServeSecurity['metaRateLimit'] {
  if (value === undefined) return { max: 30, timeWindowMs: 60_000 };
  if (!/^\d+$/.test(value)) throw new ExoError('EXO_ERR_CLI_USAGE', `--meta-rate-limit must be a whole number of requests a minute (0 for no limit), got '${value}'`, { field: 'meta-rate-limit' });
  return Number(value) === 0 ? false : { max: Number(value), timeWindowMs: 60_000 };
}

export function serveSecurity(values: { 'allowed-origin'?: string[]; 'trust-proxy'?: string | boolean; 'meta-rate-limit'?: string }, env: Record<string, string | undefined>): ServeSecurity {
  const origins = values['allowed-origin']?.length ? values['allowed-origin'] : env.EXOATLAS_ALLOWED_ORIGINS ? [env.EXOATLAS_ALLOWED_ORIGINS] : [];
  return {
    allowedOrigins: parseOrigins(origins),
    trustProxy: parseTrustProxy(values['trust-proxy'] ?? env.TRUST_PROXY),
    metaRateLimit: parseRateLimit(values['meta-rate-limit'] ?? env.EXOATLAS_META_RATE_LIMIT),
  };
}
