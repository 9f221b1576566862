import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ExoError } from '@exoatlas/schema';
import type { ReviewService, User } from '@exoatlas/review';
import { intParam, parseQuery } from '../query.js';

const NoQuery = z.object({}).strict();
const AuditQuery = z.object({ user: z.string().min(1).max(40).optional(), limit: intParam(1, 500).optional(), offset: intParam(0, 10_000_000).optional() }).strict();
/** Expired sessions are deleted at each sign-in and at least this often. */
const PURGE_EVERY_MS = 60 * 60 * 1000;

/** A throttled sign-in answers 429 with Retry-After (seconds), taken from the coded error's context. */
async function withRetryAfter<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ExoError && error.code === 'EXO_ERR_AUTH_TOO_MANY_ATTEMPTS') void reply.header('retry-after', String(error.context.retryAfter));
    throw error;
  }
}

function bodyOf(request: FastifyRequest): Record<string, unknown> {
  const b = request.body;
  if (b === undefined || b === null || typeof b !== 'object' || Array.isArray(b)) throw new ExoError('EXO_ERR_HTTP_BAD_REQUEST', 'the request body must be a JSON object');
  return b as Record<string, unknown>;
}

export interface AccountRouteHelpers {
  /** The signed-in user (awaited: the service's authenticate may be synchronous or not). */
  actor(request: FastifyRequest): User | undefined | Promise<User | undefined>;
  token(request: FastifyRequest): string | undefined;
  /** The Set-Cookie value for a session (empty token and 0 to clear it). */
  cookie(request: FastifyRequest, token: string, maxAgeSeconds: number): string;
}

/**
 * Account lifecycle (issue 17): sign-in with throttling, password change, sign out everywhere, and the admin's user
 * list, account log, disable/enable, unlock and session revocation. Sign-in and sign-up themselves stay in
 * review-routes.ts; this adds the rest and the periodic purge of expired sessions.
 */
export function accountRoutes(app: FastifyInstance, service: ReviewService, h: AccountRouteHelpers): void {
  const accounts = service.accounts;

  app.post('/api/reviews/auth/login', async (request, reply) => {
    const b = bodyOf(request);
    const { token, user, expiresAt } = await withRetryAfter(reply, () => service.login(b.username, b.password, request.ip));
    void reply.header('set-cookie', h.cookie(request, token, accounts.sessionDays * 86_400));
    return { user, token, expiresAt };
  });

  app.post('/api/reviews/auth/password', async (request, reply) => {
    const b = bodyOf(request);
    const actor = await h.actor(request);
    await withRetryAfter(reply, () => accounts.changePassword(actor, h.token(request), b, request.ip));
    return reply.status(204).send();
  });

  app.post('/api/reviews/auth/sessions/revoke', async (request) => {
    const ended = await accounts.revokeSessions(await h.actor(request));
    return { ended };
  });

  app.get('/api/reviews/users', async (request) => {
    parseQuery(NoQuery, request.query);
    return { items: await accounts.listUsers(await h.actor(request)) };
  });

  app.get('/api/reviews/users/audit', async (request) => {
    const q = parseQuery(AuditQuery, request.query);
    return accounts.accountAudit(await h.actor(request), { username: q.user, limit: q.limit, offset: q.offset });
  });

  app.post<{ Params: { username: string } }>('/api/reviews/users/:username/disable', async (request) => ({ user: await accounts.setDisabled(await h.actor(request), request.params.username, true) }));
  app.post<{ Params: { username: string } }>('/api/reviews/users/:username/enable', async (request) => ({ user: await accounts.setDisabled(await h.actor(request), request.params.username, false) }));
  app.post<{ Params: { username: string } }>('/api/reviews/users/:username/unlock', async (request, reply) => {
    await accounts.unlock(await h.actor(request), request.params.username);
    return reply.status(204).send();
  });
  app.post<{ Params: { username: string } }>('/api/reviews/users/:username/sessions/revoke', async (request) => ({ ended: await accounts.revokeSessions(await h.actor(request), request.params.username) }));

  app.delete<{ Params: { project: string; username: string } }>('/api/reviews/:project/members/:username', async (request) => ({
    members: await service.removeMember(await h.actor(request), request.params.project, request.params.username),
  }));

  const purge = setInterval(() => void accounts.purgeExpiredSessions().catch(() => undefined), PURGE_EVERY_MS);
  purge.unref();
  app.addHook('onClose', async () => clearInterval(purge));
}

/**
 * Whether this server has any account yet (issue 20: "Create the first account" was offered when accounts existed,
 * then refused). One boolean, nothing more: anyone could learn it by trying to create the first account.
 */
export function accountSetupRoute(app: FastifyInstance, countUsers: () => Promise<number>): void {
  app.get('/api/reviews/auth/setup', async (request, reply) => {
    parseQuery(NoQuery, request.query);
    void reply.header('cache-control', 'no-store');
    return { hasAccounts: (await countUsers()) > 0 };
  });
}
