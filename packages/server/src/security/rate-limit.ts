import type { FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { ExoError } from '@exoatlas/schema';

export interface RateLimitOptions {
  /** Requests per client address per window. */
  max: number;
  /** The window in milliseconds. */
  timeWindowMs: number;
}

/** The anonymous meta-analysis workbench: 30 analyses a minute per client address by default. */
export const DEFAULT_META_RATE_LIMIT: RateLimitOptions = { max: 30, timeWindowMs: 60_000 };

/** Routes that anyone may call and that cost real CPU: each is rate limited per client address (request.ip). */
const LIMITED_ROUTES = new Set(['POST /api/meta']);

/**
 * Rate limits the anonymous, expensive writes (429 with Retry-After and our JSON error). Must be installed before the
 * routes: the limit is attached as each route is added.
 */
export async function installRateLimit(app: FastifyInstance, options: RateLimitOptions | false): Promise<void> {
  if (options === false) return;
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.some((m) => LIMITED_ROUTES.has(`${m} ${route.url}`))) return;
    route.config = { ...(route.config as object), rateLimit: { max: options.max, timeWindow: options.timeWindowMs } } as typeof route.config;
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new ExoError('EXO_ERR_HTTP_RATE_LIMITED', `too many requests: at most ${context.max} per ${Math.round(options.timeWindowMs / 1000)} s; try again in ${context.after}`, { retryAfterSeconds: Math.ceil(context.ttl / 1000) }),
  });
}
