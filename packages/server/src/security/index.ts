import type { FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import { installSecurityHeaders } from './headers.js';
import { installOriginCheck, normaliseOrigin } from './origin-check.js';
import { DEFAULT_META_RATE_LIMIT, installRateLimit, type RateLimitOptions } from './rate-limit.js';
import { installSessionGate, type SessionGateOptions } from './session-gate.js';
import { installStrictIds } from './strict-ids.js';

export { sessionCookie, sessionToken } from './session-token.js';
export { CONTENT_SECURITY_POLICY } from './headers.js';
export { DEFAULT_META_RATE_LIMIT, type RateLimitOptions } from './rate-limit.js';

export interface SecurityOptions extends SessionGateOptions {
  allowedOrigins?: readonly string[];
  uploadTypes: Readonly<Record<string, readonly string[]>>;
  metaRateLimit?: RateLimitOptions | false;
}

/**
 * The HTTP layer's security controls, in the order a request meets them (see docs/security.md): cookies parsed
 * leniently, security headers, rate limits, then for every write the origin and media-type check and the session
 * gate, all before the body is read; numeric path ids are checked per route. Install before any route.
 */
export async function installSecurity(app: FastifyInstance, options: SecurityOptions): Promise<void> {
  await app.register(cookie);
  await installSecurityHeaders(app);
  await installRateLimit(app, options.metaRateLimit ?? DEFAULT_META_RATE_LIMIT);
  const allowedOrigins = (options.allowedOrigins ?? []).map((o) => normaliseOrigin(o) ?? o);
  installOriginCheck(app, { allowedOrigins, uploadTypes: options.uploadTypes });
  installSessionGate(app, options);
  installStrictIds(app);
}
