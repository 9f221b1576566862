import { createHash, randomBytes } from 'node:crypto';

/** The session cookie's name. */
export const SESSION_COOKIE = 'exoatlas_session';
/** Sessions last 14 days by default (ReviewServiceOptions.sessionDays, EXOATLAS_SESSION_DAYS). */
export const SESSION_DAYS = 14;

/** A new session token: 32 random bytes, base64url. Only its hash is stored. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 of a token, hex: what the store keeps, so that a copy of the database does not hold live sessions. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
