import { ExoError } from '@exoatlas/schema';
import type { AccountServiceOptions, ThrottleLimits } from '@exoatlas/review';

/** The environment variables that set each account limit (all optional; the defaults are in @exoatlas/review). */
const THROTTLE_VARIABLES: Record<keyof ThrottleLimits, string> = {
  accountFailures: 'EXOATLAS_LOGIN_MAX_FAILURES',
  addressFailures: 'EXOATLAS_LOGIN_MAX_FAILURES_PER_ADDRESS',
  windowSeconds: 'EXOATLAS_LOGIN_WINDOW_SECONDS',
  lockSeconds: 'EXOATLAS_LOGIN_LOCK_SECONDS',
  maxLockSeconds: 'EXOATLAS_LOGIN_MAX_LOCK_SECONDS',
  concurrentPerAddress: 'EXOATLAS_LOGIN_CONCURRENT_PER_ADDRESS',
};

function positive(env: Record<string, string | undefined>, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new ExoError('EXO_ERR_CLI_USAGE', `${name} must be a positive number (got '${raw}')`);
  return value;
}

/** Session lifetime (EXOATLAS_SESSION_DAYS) and login throttling limits from the environment. */
export function accountOptionsFromEnv(env: Record<string, string | undefined>): AccountServiceOptions {
  const throttle: Partial<ThrottleLimits> = {};
  for (const [key, name] of Object.entries(THROTTLE_VARIABLES) as [keyof ThrottleLimits, string][]) {
    const value = positive(env, name);
    if (value !== undefined) throttle[key] = value;
  }
  const sessionDays = positive(env, 'EXOATLAS_SESSION_DAYS');
  return { ...(sessionDays !== undefined ? { sessionDays } : {}), throttle };
}
