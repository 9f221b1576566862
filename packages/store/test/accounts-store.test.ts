import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE_LIMITS } from '@exoatlas/review';
import { SqliteReviewStore, SqliteStore } from '../src/index.js';
import { MIGRATIONS } from '../src/sqlite/migrations.js';
import { tempDir } from '../../../test/helpers/paths.js';

const tmp = tempDir('exoatlas-accounts-store-');
afterAll(() => tmp.cleanup());
const path = () => join(tmp.dir, `${Math.random().toString(36).slice(2)}.sqlite`);
const user = (username: string) => ({ username, displayName: username, passwordHash: 'x' });

describe('issue 17: the account tables of the SQLite review store', async () => {
  it('creates the first account once: a second createFirstUser finds an account and creates nothing', async () => {
    const store = new SqliteStore(path());
    const reviews = new SqliteReviewStore(store.db);
    expect(await reviews.createFirstUser(user('first'))).toMatchObject({ username: 'first', isAdmin: true, isDisabled: false });
    expect(await reviews.createFirstUser(user('second'))).toBeUndefined();
    expect((await reviews.listUsers()).map((u) => u.username)).toEqual(['first']);
    await store.close();
  });

  it('a database upgraded with accounts already in it has its first account recorded, so no anonymous sign-up succeeds', async () => {
    const file = path();
    const store = new SqliteStore(file);
    const reviews = new SqliteReviewStore(store.db);
    await reviews.createUser({ ...user('old-admin'), isAdmin: true });
    // Roll back to the schema before the account migration, as a database of the previous version was.
    store.db.exec('DROP TABLE review_first_user; DROP TABLE review_login_throttle; DROP TABLE review_account_audit; DROP INDEX review_sessions_by_user; DROP INDEX review_sessions_by_expiry; ALTER TABLE review_users DROP COLUMN is_disabled;');
    store.db.pragma(`user_version = ${MIGRATIONS.length - 1}`);
    await store.close();
    const reopened = new SqliteStore(file);
    const again = new SqliteReviewStore(reopened.db);
    expect(reopened.db.prepare('SELECT user_id FROM review_first_user').get()).toEqual({ user_id: 1 });
    expect(await again.createFirstUser(user('intruder'))).toBeUndefined();
    expect(await again.findUser('old-admin')).toMatchObject({ isDisabled: false });
    await reopened.close();
  });

  it('a locked key refuses the attempt without counting it; loginSucceeded clears the account and takes one off the address', async () => {
    const store = new SqliteStore(path());
    const reviews = new SqliteReviewStore(store.db);
    const now = '2026-01-01T00:00:00.000Z';
    const attempt = { keys: [{ key: 'user:a', limit: 2 }, { key: 'addr:x', limit: 10 }], now, limits: DEFAULT_THROTTLE_LIMITS };
    expect(await reviews.reserveLoginAttempt(attempt)).toEqual({});
    expect(await reviews.reserveLoginAttempt(attempt)).toEqual({});
    expect(await reviews.reserveLoginAttempt(attempt)).toEqual({ lockedUntil: '2026-01-01T00:15:00.000Z' });
    expect(await reviews.loginLocks(now)).toEqual([{ key: 'user:a', lockedUntil: '2026-01-01T00:15:00.000Z' }]);
    const address = () => store.db.prepare("SELECT failures FROM review_login_throttle WHERE key = 'addr:x'").get();
    expect(address()).toEqual({ failures: 2 });
    await reviews.loginSucceeded('user:a', 'addr:x');
    expect(await reviews.loginLocks(now)).toEqual([]);
    expect(address()).toEqual({ failures: 1 });
    await store.close();
  });

  it('purgeLoginThrottle forgets idle keys but keeps locks in force', async () => {
    const store = new SqliteStore(path());
    const reviews = new SqliteReviewStore(store.db);
    const limits = DEFAULT_THROTTLE_LIMITS;
    await reviews.reserveLoginAttempt({ keys: [{ key: 'user:idle', limit: 5 }], now: '2026-01-01T00:00:00.000Z', limits });
    await reviews.reserveLoginAttempt({ keys: [{ key: 'user:locked', limit: 1 }], now: '2026-01-01T00:00:00.000Z', limits: { ...limits, lockSeconds: 7 * 86_400, maxLockSeconds: 7 * 86_400 } });
    expect(await reviews.purgeLoginThrottle('2026-01-03T00:00:00.000Z', '2026-01-02T00:00:00.000Z')).toBe(1);
    expect((await reviews.loginLocks('2026-01-03T00:00:00.000Z')).map((l) => l.key)).toEqual(['user:locked']);
    await store.close();
  });

  it('the account log is append-only', async () => {
    const store = new SqliteStore(path());
    const reviews = new SqliteReviewStore(store.db);
    await reviews.createFirstUser(user('first'));
    expect(() => store.db.exec('DELETE FROM review_account_audit')).toThrow(/append-only/);
    expect(() => store.db.exec("UPDATE review_account_audit SET action = 'x'")).toThrow(/append-only/);
    await store.close();
  });
});
