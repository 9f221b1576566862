import type { FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '@exoatlas/review';

/** True when the request authenticates with `Authorization: Bearer <token>` (not a cookie, so no CSRF exposure). */
export function hasBearer(request: FastifyRequest): boolean {
  return /^Bearer\s+\S/i.test(request.headers.authorization ?? '');
}

/**
 * The session token: `Authorization: Bearer <token>`, or the `exoatlas_session` cookie as parsed by @fastify/cookie.
 * A cookie that does not decode (e.g. `%`) is kept raw by the parser and simply matches no session.
 */
export function sessionToken(request: FastifyRequest): string | undefined {
  const auth = request.headers.authorization;
  if (auth !== undefined && /^Bearer\s/i.test(auth)) return auth.slice(7).trim() || undefined;
  const value = request.cookies?.[SESSION_COOKIE];
  return value ? value : undefined;
}

/** The Set-Cookie value of the session: HttpOnly, SameSite=Strict (no cross-site request carries it), Secure over https. */
export function sessionCookie(token: string, maxAge: number, isSecure: boolean): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${isSecure ? '; Secure' : ''}`;
}
