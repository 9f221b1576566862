/**
 * Login throttling: failed sign-ins are counted per account and per client address in the database (so the limits hold
 * across server processes); past a limit within the window, the key is locked for a period that doubles with each lock.
 * An attempt is counted before its password is checked, so parallel guesses cannot all slip through before the first
 * failure is recorded; a success clears the account's count and takes back the address's one.
 */
export interface ThrottleLimits {
  /** Failures allowed per account within the window; the attempt that reaches it locks the account. */
  accountFailures: number;
  /** Failures allowed per client address within the window. */
  addressFailures: number;
  windowSeconds: number;
  /** The first lock's length; each further lock (before a success or an unlock) doubles it, up to maxLockSeconds. */
  lockSeconds: number;
  maxLockSeconds: number;
  /**
   * Password checks one client address may have running at once in this process; more are refused at once (429), not
   * counted. scrypt runs on libuv's small thread pool: without this, one address's parallel flood would queue ahead of
   * everyone else's sign-in.
   */
  concurrentPerAddress: number;
}

export const DEFAULT_THROTTLE_LIMITS: ThrottleLimits = { accountFailures: 5, addressFailures: 30, windowSeconds: 15 * 60, lockSeconds: 15 * 60, maxLockSeconds: 24 * 3600, concurrentPerAddress: 2 };

/** One throttle key's state as the store keeps it. */
export interface ThrottleState {
  failures: number;
  windowStart: string;
  lockedUntil: string | null;
  /** Locks so far since the last success or unlock. */
  locks: number;
}

/** What the store is asked to do with each key of one attempt, atomically. */
export interface LoginAttempt {
  keys: { key: string; limit: number }[];
  now: string;
  limits: ThrottleLimits;
}

export const accountKey = (username: string): string => `user:${username.trim().toLowerCase()}`;
export const addressKey = (address: string): string => `addr:${address}`;

/** The time until which a key refuses attempts, or undefined if it takes this one. */
export function lockedUntil(state: ThrottleState | undefined, now: string): string | undefined {
  return state?.lockedUntil && state.lockedUntil > now ? state.lockedUntil : undefined;
}

/** The key's state after counting one more attempt (the caller has checked it is not locked). */
export function countAttempt(state: ThrottleState | undefined, limit: number, now: string, limits: ThrottleLimits): ThrottleState {
  const t = Date.parse(now);
  const isFresh = !state || t - Date.parse(state.windowStart) >= limits.windowSeconds * 1000;
  const failures = (isFresh ? 0 : state.failures) + 1;
  const locks = state?.locks ?? 0;
  if (failures < limit) return { failures, windowStart: isFresh ? now : state.windowStart, lockedUntil: null, locks };
  const seconds = Math.min(limits.lockSeconds * 2 ** locks, limits.maxLockSeconds);
  // The count starts again after the lock, so the next lock comes after another `limit` failures, twice as long.
  return { failures: 0, windowStart: now, lockedUntil: new Date(t + seconds * 1000).toISOString(), locks: locks + 1 };
}

/** Whole seconds until a lock ends, at least 1: the Retry-After header. */
export function retryAfterSeconds(until: string, now: string): number {
  return Math.max(1, Math.ceil((Date.parse(until) - Date.parse(now)) / 1000));
}
