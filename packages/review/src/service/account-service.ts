import { ExoError } from '@exoatlas/schema';
import { accountKey, addressKey, DEFAULT_THROTTLE_LIMITS, retryAfterSeconds, type ThrottleLimits } from '../auth/login-throttle.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../auth/password.js';
import { checkPasswordPolicy, MAX_PASSWORD_BYTES } from '../auth/password-policy.js';
import { hashToken, newSessionToken, SESSION_DAYS } from '../auth/token.js';
import type { User } from '../types.js';
import { USERNAME, text } from './input.js';
import type { AccountAuditEntry, ReviewStore } from './review-store.js';

export interface AccountServiceOptions {
  now?: () => Date;
  /** How long a session lasts (default SESSION_DAYS). */
  sessionDays?: number;
  /** Login throttling limits (default DEFAULT_THROTTLE_LIMITS). */
  throttle?: Partial<ThrottleLimits>;
}

/**
 * Accounts and sessions: sign-up of the first account and by admins, sign-in with throttling, password changes,
 * disabling, unlocking, ending sessions, the account log. Store calls are awaited so that an asynchronous store fits.
 */
export class AccountService {
  private readonly now: () => Date;
  readonly sessionDays: number;
  readonly limits: ThrottleLimits;
  /** Password checks running now, by throttle address key (a per-process guard of the scrypt thread pool). */
  private readonly checking = new Map<string, number>();

  constructor(
    private readonly store: ReviewStore,
    options: AccountServiceOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.sessionDays = options.sessionDays ?? SESSION_DAYS;
    this.limits = { ...DEFAULT_THROTTLE_LIMITS, ...options.throttle };
  }

  requireUser(actor: User | undefined): User {
    if (!actor) throw new ExoError('EXO_ERR_AUTH_REQUIRED', 'sign in first (POST /api/reviews/auth/login), then send the session cookie or an Authorization: Bearer token');
    return actor;
  }

  requireAdmin(actor: User | undefined): User {
    const user = this.requireUser(actor);
    if (!user.isAdmin) throw new ExoError('EXO_ERR_AUTH_FORBIDDEN', 'only an admin can manage user accounts');
    return user;
  }

  private async userNamed(username: unknown): Promise<User & { passwordHash: string }> {
    const found = typeof username === 'string' ? await this.store.findUser(username.trim()) : undefined;
    if (!found) throw new ExoError('EXO_ERR_REVIEW_NOT_FOUND_USER', `no user '${String(username)}'`, { field: 'username' });
    return found;
  }

  /**
   * Creates an account. Without a session, only the very first account, which becomes an admin: the store creates it
   * only while no account exists, atomically, so of racing sign-ups one wins and the others get 401. After that only
   * admins add users.
   */
  async createUser(actor: User | undefined, input: { username?: unknown; password?: unknown; displayName?: unknown; isAdmin?: unknown }): Promise<User> {
    // Cheap refusals first: no password is hashed for a request that cannot succeed.
    if (actor) this.requireAdmin(actor);
    else if ((await this.store.countUsers()) > 0) this.requireUser(actor);
    const username = typeof input.username === 'string' ? input.username.trim() : '';
    if (!USERNAME.test(username)) throw new ExoError('EXO_ERR_AUTH_WEAK_PASSWORD', 'a user name has 2–40 letters, digits, dots, dashes or underscores, starting with a letter or digit', { field: 'username' });
    if (typeof input.password !== 'string') throw new ExoError('EXO_ERR_AUTH_WEAK_PASSWORD', 'a password is required', { field: 'password' });
    await checkPasswordPolicy(input.password, username);
    if (await this.store.findUser(username)) throw new ExoError('EXO_ERR_AUTH_USER_EXISTS', `a user '${username}' already exists`, { field: 'username' });
    const displayName = text(input.displayName, 'displayName', { max: 200 }) ?? username;
    const passwordHash = await hashPassword(input.password);
    if (actor) return this.store.createUser({ username, displayName, passwordHash, isAdmin: input.isAdmin === true, createdBy: actor.id });
    const first = await this.store.createFirstUser({ username, displayName, passwordHash });
    return first ?? this.requireUser(undefined);
  }

  private tooMany(until: string, now: string): never {
    const retryAfter = retryAfterSeconds(until, now);
    throw new ExoError('EXO_ERR_AUTH_TOO_MANY_ATTEMPTS', `too many failed sign-ins: try again in ${retryAfter} s, or ask an admin to unlock the account`, { retryAfter });
  }

  /**
   * Checks a password and opens a session; the token is returned once and only its hash is stored. The attempt is
   * counted against the account and the client address before scrypt runs; a locked key is refused at once, without
   * hashing. A disabled account is told so only after its correct password.
   */
  async login(username: unknown, password: unknown, address = 'unknown'): Promise<{ token: string; user: User; expiresAt: string }> {
    const key = addressKey(address);
    const running = this.checking.get(key) ?? 0;
    if (running >= this.limits.concurrentPerAddress) {
      throw new ExoError('EXO_ERR_AUTH_TOO_MANY_ATTEMPTS', 'another sign-in from your address is being checked: try again in a second', { retryAfter: 1 });
    }
    this.checking.set(key, running + 1);
    try {
      return await this.checkedLogin(username, password, address);
    } finally {
      const left = (this.checking.get(key) ?? 1) - 1;
      if (left > 0) this.checking.set(key, left);
      else this.checking.delete(key);
    }
  }

  private async checkedLogin(username: unknown, password: unknown, address: string): Promise<{ token: string; user: User; expiresAt: string }> {
    const name = typeof username === 'string' ? username.trim() : '';
    const at = this.now().toISOString();
    const keys = { account: accountKey(name), address: addressKey(address) };
    const reserved = await this.store.reserveLoginAttempt({
      keys: [
        { key: keys.account, limit: this.limits.accountFailures },
        { key: keys.address, limit: this.limits.addressFailures },
      ],
      now: at,
      limits: this.limits,
    });
    if (reserved.lockedUntil) this.tooMany(reserved.lockedUntil, at);
    const secret = typeof password === 'string' && Buffer.byteLength(password, 'utf8') <= MAX_PASSWORD_BYTES ? password : undefined;
    const found = name ? await this.store.findUser(name) : undefined;
    const ok = await verifyPassword(secret ?? '', found && secret !== undefined ? found.passwordHash : DUMMY_HASH);
    if (!found || !ok) throw new ExoError('EXO_ERR_AUTH_INVALID_CREDENTIALS', 'wrong user name or password');
    if (found.isDisabled) throw new ExoError('EXO_ERR_AUTH_ACCOUNT_DISABLED', `the account '${found.username}' is disabled; ask an admin to enable it`);
    await this.store.loginSucceeded(keys.account, keys.address);
    await this.purgeExpiredSessions();
    const token = newSessionToken();
    const expiresAt = new Date(Date.parse(at) + this.sessionDays * 86_400_000).toISOString();
    await this.store.createSession(found.id, hashToken(token), expiresAt);
    const { passwordHash: _drop, ...user } = found;
    return { token, user, expiresAt };
  }

  async authenticate(token: string | undefined): Promise<User | undefined> {
    if (!token) return undefined;
    return this.store.sessionUser(hashToken(token), this.now().toISOString());
  }

  async logout(token: string | undefined): Promise<void> {
    if (token) await this.store.deleteSession(hashToken(token));
  }

  /**
   * Changes one's own password: the current one is checked (and counted like a sign-in, so a stolen session cannot
   * guess it quickly), the new one must meet the policy; every other session of the user ends, this one stays.
   */
  async changePassword(actor: User | undefined, token: string | undefined, input: { currentPassword?: unknown; newPassword?: unknown }, address = 'unknown'): Promise<void> {
    const user = this.requireUser(actor);
    if (typeof input.newPassword !== 'string') throw new ExoError('EXO_ERR_AUTH_WEAK_PASSWORD', 'newPassword is required', { field: 'newPassword' });
    await checkPasswordPolicy(input.newPassword, user.username);
    const at = this.now().toISOString();
    const keys = { account: accountKey(user.username), address: addressKey(address) };
    const reserved = await this.store.reserveLoginAttempt({ keys: [{ key: keys.account, limit: this.limits.accountFailures }], now: at, limits: this.limits });
    if (reserved.lockedUntil) this.tooMany(reserved.lockedUntil, at);
    const found = await this.userNamed(user.username);
    const current = typeof input.currentPassword === 'string' && Buffer.byteLength(input.currentPassword, 'utf8') <= MAX_PASSWORD_BYTES ? input.currentPassword : undefined;
    if (current === undefined || !(await verifyPassword(current, found.passwordHash))) throw new ExoError('EXO_ERR_AUTH_INVALID_CREDENTIALS', 'the current password is wrong', { field: 'currentPassword' });
    await this.store.loginSucceeded(keys.account, keys.address);
    await this.store.setPasswordHash(user.id, await hashPassword(input.newPassword), token ? hashToken(token) : undefined, user.id);
  }

  /** An admin sets another user's password (a forgotten one): the policy applies and every session of that user ends. */
  async resetPassword(actor: User | undefined, username: unknown, newPassword: unknown): Promise<void> {
    const admin = this.requireAdmin(actor);
    const target = await this.userNamed(username);
    if (typeof newPassword !== 'string') throw new ExoError('EXO_ERR_AUTH_WEAK_PASSWORD', 'a new password is required', { field: 'newPassword' });
    await checkPasswordPolicy(newPassword, target.username);
    await this.store.setPasswordHash(target.id, await hashPassword(newPassword), undefined, admin.id);
  }

  /** Every account with whether it is disabled or locked now (admins). */
  async listUsers(actor: User | undefined): Promise<(User & { isDisabled: boolean; lockedUntil: string | null })[]> {
    this.requireAdmin(actor);
    const locks = new Map((await this.store.loginLocks(this.now().toISOString())).map((l) => [l.key, l.lockedUntil]));
    return (await this.store.listUsers()).map((u) => ({ ...u, isDisabled: u.isDisabled === true, lockedUntil: locks.get(accountKey(u.username)) ?? null }));
  }

  /** Disables or enables an account (admins; not one's own, so that an admin cannot lock everyone out). */
  async setDisabled(actor: User | undefined, username: unknown, isDisabled: boolean): Promise<User> {
    const admin = this.requireAdmin(actor);
    const target = await this.userNamed(username);
    if (target.id === admin.id) throw new ExoError('EXO_ERR_REVIEW_INVALID_INPUT', 'you cannot disable or enable your own account', { field: 'username' });
    await this.store.setDisabled(target.id, isDisabled, admin.id);
    return (await this.store.getUser(target.id))!;
  }

  /** Lifts a sign-in lock of an account (admins). */
  async unlock(actor: User | undefined, username: unknown): Promise<void> {
    const admin = this.requireAdmin(actor);
    const target = await this.userNamed(username);
    await this.store.clearLoginThrottle(accountKey(target.username), target.id, admin.id);
  }

  /** Ends every session of a user: one's own (sign out everywhere), or anyone's for an admin. Returns how many ended. */
  async revokeSessions(actor: User | undefined, username?: unknown): Promise<number> {
    const user = this.requireUser(actor);
    const target = username === undefined || username === user.username ? user : await this.userNamed(username);
    if (target.id !== user.id) this.requireAdmin(user);
    return this.store.deleteSessions(target.id, user.id);
  }

  /**
   * Deletes expired sessions (the server runs it periodically and at each sign-in), and throttle state idle for longer
   * than the longest lock (a lock's doubling is forgotten after that long without a failure).
   */
  async purgeExpiredSessions(): Promise<number> {
    const now = this.now();
    const idle = Math.max(this.limits.windowSeconds, this.limits.maxLockSeconds) * 1000;
    await this.store.purgeLoginThrottle(now.toISOString(), new Date(now.getTime() - idle).toISOString());
    return this.store.purgeExpiredSessions(now.toISOString());
  }

  async accountAudit(actor: User | undefined, options: { username?: string; limit?: number; offset?: number } = {}): Promise<{ total: number; items: AccountAuditEntry[] }> {
    this.requireAdmin(actor);
    return this.store.accountAudit(options);
  }
}
