import type { FastifyInstance } from 'fastify';
import { ExoError } from '@exoatlas/schema';
import { sessionToken } from './session-token.js';
import { isUnsafe, routeKey } from './unsafe-methods.js';

/** Writes anyone may send: signing in and out, and the meta-analysis workbench (rate limited instead). */
const ANONYMOUS_WRITES = new Set(['POST /api/reviews/auth/login', 'POST /api/reviews/auth/logout', 'POST /api/meta']);
/** Creating the very first account (it becomes the admin) needs no session; every later account needs an admin's. */
const FIRST_ACCOUNT = 'POST /api/reviews/users';

export interface SessionGateOptions {
  /** The signed-in user of a session token, if any (sync or async store). Absent: no accounts, so no writes. */
  authenticate?: (token: string | undefined) => unknown;
  /** The number of accounts, to let the first one be created. */
  countUsers?: () => number | Promise<number>;
}

/**
 * Every unsafe method on a known route needs a valid session, checked before the body is read, except the few
 * anonymous writes above. The routes still check roles; this gate makes "forgot to authenticate" impossible.
 */
export function installSessionGate(app: FastifyInstance, options: SessionGateOptions): void {
  app.addHook('onRequest', async (request) => {
    if (!isUnsafe(request)) return;
    const key = routeKey(request);
    if (key === undefined || ANONYMOUS_WRITES.has(key)) return;
    const token = sessionToken(request);
    if (token !== undefined && options.authenticate && (await options.authenticate(token))) return;
    if (key === FIRST_ACCOUNT && options.countUsers && (await options.countUsers()) === 0) return;
    throw new ExoError('EXO_ERR_AUTH_REQUIRED', 'sign in first (POST /api/reviews/auth/login), then send the session cookie or an Authorization: Bearer token');
  });
}
