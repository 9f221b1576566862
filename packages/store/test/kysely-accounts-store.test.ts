/** Issue 17 (items 3, 4, 9) on the Kysely review store: the account behaviours of accounts-store.test.ts, on SQLite and on PostgreSQL. */
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_EXCLUSION_REASONS, DEFAULT_THROTTLE_LIMITS } from '@exoatlas/review';
import { createKyselyStores, type KyselyStores } from '../src/kysely/create-stores.js';
import { testBackends } from './helpers/backends.js';

const backends = await testBackends();
const user = (username: string) => ({ username, displayName: username, passwordHash: 'x' });

describe.each(backends)('issue 17: the account tables of the Kysely review store on $name', (backend) => {
  const open: KyselyStores[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });
  async function fresh() {
    const stores = await createKyselyStores({ url: await backend.newUrl() });
    open.push(stores);
    return { stores, reviews: stores.review, db: stores.database.db };
  }

  it.skipIf(!backend.isAvailable)('item 3: creates the first account once: a second createFirstUser finds an account and creates nothing', async () => {
    const { reviews } = await fresh();
    expect(await reviews.createFirstUser(user('first'))).toMatchObject({ username: 'first', isAdmin: true, isDisabled: false });
    expect(await reviews.createFirstUser(user('second'))).toBeUndefined();
    expect((await reviews.listUsers()).map((u) => u.username)).toEqual(['first']);
    expect((await reviews.accountAudit()).items.map((e) => [e.action, e.actor, e.target, e.details])).toEqual([['user.create', 'first', 'first', { isAdmin: true, isFirst: true }]]);
  });

  it.skipIf(!backend.isAvailable)('item 3: 8 concurrent createFirstUser calls create exactly one account', async () => {
    const url = await backend.newUrl();
    // On PostgreSQL eight stores (eight processes' worth) on one database, each connected beforehand, so that the
    // transactions overlap. On SQLite one store: a process has one connection, whose writes take turns (several
    // better-sqlite3 connections in one process would block the event loop in their busy wait on each other).
    const racers: KyselyStores[] = [];
    for (let i = 0; i < (backend.name === 'postgres' ? 8 : 1); i++) racers.push(await createKyselyStores({ url }));
    open.push(...racers);
    await Promise.all(racers.map((r) => r.review.countUsers()));
    const { review: reviews, database } = racers[0]!;
    const db = database.db;
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => racers[i % racers.length]!.review.createFirstUser(user(`racer-${i}`))));
    expect(results.filter((u) => u !== undefined)).toHaveLength(1);
    expect(await reviews.countUsers()).toBe(1);
    expect((await sql<{ n: number }>`SELECT cast(count(*) as integer) AS n FROM review_first_user`.execute(db)).rows).toEqual([{ n: 1 }]);
    expect((await reviews.accountAudit()).total).toBe(1);
  });

  it.skipIf(!backend.isAvailable)('item 4: a locked key refuses the attempt without counting it; loginSucceeded clears the account and takes one off the address', async () => {
    const { reviews, db } = await fresh();
    await reviews.createUser({ ...user('a'), isAdmin: false });
    const now = '2026-01-01T00:00:00.000Z';
    const attempt = { keys: [{ key: 'user:a', limit: 2 }, { key: 'addr:x', limit: 10 }], now, limits: DEFAULT_THROTTLE_LIMITS };
    expect(await reviews.reserveLoginAttempt(attempt)).toEqual({});
    expect(await reviews.reserveLoginAttempt(attempt)).toEqual({});
    expect(await reviews.reserveLoginAttempt(attempt)).toEqual({ lockedUntil: '2026-01-01T00:15:00.000Z' });
    expect(await reviews.loginLocks(now)).toEqual([{ key: 'user:a', lockedUntil: '2026-01-01T00:15:00.000Z' }]);
    const address = async () => (await sql<{ failures: number }>`SELECT failures FROM review_login_throttle WHERE key = 'addr:x'`.execute(db)).rows;
    expect(await address()).toEqual([{ failures: 2 }]);
    // The lock is in the account log, against the user the key names.
    expect((await reviews.accountAudit({ username: 'A' })).items.map((e) => [e.action, e.actorId, e.target])).toEqual([['login.locked', null, 'a']]);
    await reviews.loginSucceeded('user:a', 'addr:x');
    expect(await reviews.loginLocks(now)).toEqual([]);
    expect(await address()).toEqual([{ failures: 1 }]);
  });

  it.skipIf(!backend.isAvailable)('item 4: a refused attempt on a new key leaves no state behind', async () => {
    const { reviews } = await fresh();
    const now = '2026-01-01T00:00:00.000Z';
    await reviews.reserveLoginAttempt({ keys: [{ key: 'user:a', limit: 1 }], now, limits: DEFAULT_THROTTLE_LIMITS });
    expect(await reviews.reserveLoginAttempt({ keys: [{ key: 'user:a', limit: 1 }, { key: 'addr:new', limit: 10 }], now, limits: DEFAULT_THROTTLE_LIMITS })).toMatchObject({ lockedUntil: expect.any(String) });
    expect(await reviews.purgeLoginThrottle(now, '2027-01-01T00:00:00.000Z')).toBe(0);
    expect((await reviews.loginLocks(now)).map((l) => l.key)).toEqual(['user:a']);
  });

  it.skipIf(!backend.isAvailable)('item 4: concurrent attempts on one key are each counted (the rows are locked)', async () => {
    const { reviews } = await fresh();
    const now = '2026-01-01T00:00:00.000Z';
    const attempt = { keys: [{ key: 'user:b', limit: 100 }, { key: 'addr:y', limit: 100 }], now, limits: DEFAULT_THROTTLE_LIMITS };
    await Promise.all(Array.from({ length: 8 }, () => reviews.reserveLoginAttempt(attempt)));
    // The 9th attempt with a limit of 9 locks only if all 8 before it were counted.
    expect(await reviews.reserveLoginAttempt({ ...attempt, keys: [{ key: 'user:b', limit: 9 }] })).toEqual({});
    expect((await reviews.loginLocks(now)).map((l) => l.key)).toEqual(['user:b']);
  });

  it.skipIf(!backend.isAvailable)('item 4: purgeLoginThrottle forgets idle keys but keeps locks in force', async () => {
    const { reviews } = await fresh();
    const limits = DEFAULT_THROTTLE_LIMITS;
    await reviews.reserveLoginAttempt({ keys: [{ key: 'user:idle', limit: 5 }], now: '2026-01-01T00:00:00.000Z', limits });
    await reviews.reserveLoginAttempt({ keys: [{ key: 'user:locked', limit: 1 }], now: '2026-01-01T00:00:00.000Z', limits: { ...limits, lockSeconds: 7 * 86_400, maxLockSeconds: 7 * 86_400 } });
    expect(await reviews.purgeLoginThrottle('2026-01-03T00:00:00.000Z', '2026-01-02T00:00:00.000Z')).toBe(1);
    expect((await reviews.loginLocks('2026-01-03T00:00:00.000Z')).map((l) => l.key)).toEqual(['user:locked']);
  });

  it.skipIf(!backend.isAvailable)('item 9: passwords, disabling, sessions, unlock and member removal, each logged', async () => {
    const { reviews } = await fresh();
    const admin = (await reviews.createFirstUser(user('admin')))!;
    const bob = await reviews.createUser({ ...user('bob'), isAdmin: false, createdBy: admin.id });
    const future = '2999-01-01T00:00:00.000Z';
    const at = '2026-01-01T00:00:00.000Z';
    for (const t of ['t1', 't2', 't3']) await reviews.createSession(bob.id, t, future);
    await reviews.setPasswordHash(bob.id, 'new-hash', 't1', bob.id);
    expect((await reviews.findUser('bob'))?.passwordHash).toBe('new-hash');
    expect(await reviews.sessionUser('t1', at)).toMatchObject({ id: bob.id });
    expect(await reviews.sessionUser('t2', at)).toBeUndefined();
    await expect(reviews.setPasswordHash(999, 'h', undefined, admin.id)).rejects.toMatchObject({ code: 'EXO_ERR_REVIEW_NOT_FOUND_USER' });
    await reviews.setDisabled(bob.id, true, admin.id);
    expect(await reviews.sessionUser('t1', at)).toBeUndefined();
    expect(await reviews.getUser(bob.id)).toMatchObject({ isDisabled: true });
    await reviews.setDisabled(bob.id, false, admin.id);
    await reviews.createSession(bob.id, 't4', future);
    await reviews.createSession(bob.id, 'old', '2000-01-01T00:00:00.000Z');
    expect(await reviews.sessionUser('t4', at)).toMatchObject({ id: bob.id, isDisabled: false });
    expect(await reviews.purgeExpiredSessions(at)).toBe(1);
    expect(await reviews.deleteSessions(bob.id, admin.id)).toBe(1);
    await reviews.reserveLoginAttempt({ keys: [{ key: 'user:bob', limit: 1 }], now: at, limits: DEFAULT_THROTTLE_LIMITS });
    await reviews.clearLoginThrottle('user:bob', bob.id, admin.id);
    expect(await reviews.loginLocks(at)).toEqual([]);
    await reviews.createProject({ id: 'p', name: 'P', question: 'Q', criteria: {}, mode: 'dual', exclusionReasons: DEFAULT_EXCLUSION_REASONS }, admin.id);
    await expect(reviews.removeMember('p', admin.id, admin.id)).rejects.toMatchObject({ code: 'EXO_ERR_REVIEW_LAST_OWNER' });
    await expect(reviews.removeMember('p', bob.id, admin.id)).rejects.toMatchObject({ code: 'EXO_ERR_REVIEW_NOT_FOUND_USER' });
    await reviews.setMember('p', bob.id, 'reviewer', admin.id);
    await reviews.removeMember('p', bob.id, admin.id);
    expect((await reviews.members('p')).map((m) => m.username)).toEqual(['admin']);
    expect((await reviews.audit('p')).items[0]).toMatchObject({ action: 'member.remove', before: { userId: bob.id, role: 'reviewer' }, after: { userId: bob.id, role: null, decisionsKept: 0 } });
    const log = await reviews.accountAudit({ username: 'bob' });
    expect(log.items.map((e) => [e.action, e.actor, e.details])).toEqual([
      ['user.unlock', 'admin', { lockedUntil: '2026-01-01T00:15:00.000Z' }],
      ['login.locked', null, { key: 'user:bob', until: '2026-01-01T00:15:00.000Z', lock: 1 }],
      ['user.sessions.revoke', 'admin', { sessionsEnded: 1 }],
      ['user.enable', 'admin', null],
      ['user.disable', 'admin', { sessionsEnded: 1 }],
      ['user.password', 'bob', { sessionsEnded: 2 }],
      ['user.create', 'admin', { isAdmin: false }],
    ]);
    expect(log.total).toBe(7);
    expect((await reviews.accountAudit({ limit: 2, offset: 7 })).items.map((e) => e.action)).toEqual(['user.create']);
    expect((await reviews.listUsers()).map((u) => u.username)).toEqual(['admin', 'bob']);
  });

  it.skipIf(!backend.isAvailable)('the account log is append-only in the database', async () => {
    const { reviews, db } = await fresh();
    await reviews.createFirstUser(user('first'));
    await expect(sql`DELETE FROM review_account_audit`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`UPDATE review_account_audit SET action = 'x'`.execute(db)).rejects.toThrow(/append-only/);
  });
});
