import { sql, type Kysely } from 'kysely';
import { ExoError } from '@exoatlas/schema';
import { countAttempt, lockedUntil, type AccountAuditEntry, type LoginAttempt, type ThrottleState, type User } from '@exoatlas/review';
import { userFromRow } from './rows.js';
import type { Database, OpenedDatabase } from './database.js';
import { countAll, isUniqueViolation, writeTransaction } from './transaction.js';

// Account lifecycle (issue 17) on either dialect, called by KyselyReviewStore; the same behaviour as
// review/sqlite-accounts.ts. Each write is one transaction with its entry in the account log.

type Db = Kysely<Database>;
const now = (): string => new Date().toISOString();
const sameName = (column: string, username: string) => sql<boolean>`lower(${sql.ref(column)}) = lower(${username})`;

export async function accountLog(db: Db, actorId: number | null, action: string, targetId: number | null, details?: Record<string, unknown>): Promise<void> {
  await db
    .insertInto('review_account_audit')
    .values({ actor_id: actorId, action, target_id: targetId, details: details === undefined ? null : JSON.stringify(details), at: now() })
    .execute();
}

/**
 * INSERT … WHERE NOT EXISTS, then the singleton row of review_first_user. On PostgreSQL (READ COMMITTED) racing calls
 * all pass the NOT EXISTS, but every one after the first waits on the singleton's primary key and then fails it with a
 * unique violation, which rolls its account back: that one returns undefined. SQLite's BEGIN IMMEDIATE serialises them.
 */
export async function createFirstUser(opened: OpenedDatabase, input: { username: string; displayName: string; passwordHash: string }): Promise<User | undefined> {
  try {
    return await writeTransaction(opened, async (trx): Promise<User | undefined> => {
      const inserted = await sql<{ id: number }>`INSERT INTO review_users (username, display_name, password_hash, is_admin, created_at)
        SELECT ${input.username}, ${input.displayName}, ${input.passwordHash}, 1, ${now()} WHERE NOT EXISTS (SELECT 1 FROM review_users) RETURNING id`.execute(trx);
      const id = inserted.rows[0]?.id;
      if (id === undefined) return undefined;
      await trx.insertInto('review_first_user').values({ singleton: 1, user_id: id }).execute();
      await accountLog(trx, id, 'user.create', id, { isAdmin: true, isFirst: true });
      return userFromRow(await trx.selectFrom('review_users').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
    });
  } catch (error) {
    // Another first account won the race (the singleton's key, or the same user name): nothing of ours stays.
    if (isUniqueViolation(error)) return undefined;
    throw error;
  }
}

export async function listUsers(db: Db): Promise<User[]> {
  return (await db.selectFrom('review_users').selectAll().orderBy(sql`lower(username)`).orderBy('username').execute()).map(userFromRow);
}

const notFound = (userId: number) => new ExoError('EXO_ERR_REVIEW_NOT_FOUND_USER', `no user ${userId}`);

export async function setPasswordHash(opened: OpenedDatabase, userId: number, passwordHash: string, keepTokenHash: string | undefined, byUserId: number): Promise<void> {
  await writeTransaction(opened, async (trx) => {
    const updated = await trx.updateTable('review_users').set({ password_hash: passwordHash }).where('id', '=', userId).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw notFound(userId);
    let query = trx.deleteFrom('review_sessions').where('user_id', '=', userId);
    if (keepTokenHash !== undefined) query = query.where('token_hash', '<>', keepTokenHash);
    const ended = Number((await query.executeTakeFirst()).numDeletedRows);
    await accountLog(trx, byUserId, 'user.password', userId, { sessionsEnded: ended });
  });
}

export async function setDisabled(opened: OpenedDatabase, userId: number, isDisabled: boolean, byUserId: number): Promise<void> {
  await writeTransaction(opened, async (trx) => {
    const updated = await trx
      .updateTable('review_users')
      .set({ is_disabled: isDisabled ? 1 : 0 })
      .where('id', '=', userId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw notFound(userId);
    const ended = isDisabled ? Number((await trx.deleteFrom('review_sessions').where('user_id', '=', userId).executeTakeFirst()).numDeletedRows) : 0;
    await accountLog(trx, byUserId, isDisabled ? 'user.disable' : 'user.enable', userId, isDisabled ? { sessionsEnded: ended } : undefined);
  });
}

export async function deleteSessions(opened: OpenedDatabase, userId: number, byUserId: number): Promise<number> {
  return writeTransaction(opened, async (trx) => {
    const ended = Number((await trx.deleteFrom('review_sessions').where('user_id', '=', userId).executeTakeFirst()).numDeletedRows);
    await accountLog(trx, byUserId, 'user.sessions.revoke', userId, { sessionsEnded: ended });
    return ended;
  });
}

export async function purgeExpiredSessions(db: Db, at: string): Promise<number> {
  return Number((await db.deleteFrom('review_sessions').where('expires_at', '<=', at).executeTakeFirst()).numDeletedRows);
}

/**
 * Reads every key's state, refuses if one is locked, else writes `countAttempt` of each; one transaction. On
 * PostgreSQL the rows are locked first (missing ones inserted as placeholders, then SELECT … FOR UPDATE, in key order
 * so that attempts sharing keys cannot deadlock), so concurrent attempts on a key are counted one after the other.
 * A placeholder reads as no state, and is removed again if the attempt is refused.
 */
export async function reserveLoginAttempt(opened: OpenedDatabase, attempt: LoginAttempt): Promise<{ lockedUntil?: string }> {
  return writeTransaction(opened, async (trx): Promise<{ lockedUntil?: string }> => {
    const keys = [...new Set(attempt.keys.map((k) => k.key))].sort();
    if (keys.length === 0) return {};
    const placeholders = new Set<string>();
    if (opened.dialect === 'postgres') {
      const inserted = await trx
        .insertInto('review_login_throttle')
        .values(keys.map((key) => ({ key, failures: 0, window_start: attempt.now, locked_until: null, locks: 0 })))
        .onConflict((oc) => oc.column('key').doNothing())
        .returning('key')
        .execute();
      for (const r of inserted) placeholders.add(r.key);
    }
    let read = trx.selectFrom('review_login_throttle').selectAll().where('key', 'in', keys).orderBy('key');
    if (opened.dialect === 'postgres') read = read.forUpdate();
    const known = new Map<string, ThrottleState>();
    for (const row of await read.execute()) {
      if (!placeholders.has(row.key)) known.set(row.key, { failures: row.failures, windowStart: row.window_start, lockedUntil: row.locked_until, locks: row.locks });
    }
    const states = attempt.keys.map(({ key }) => known.get(key));
    const locks = states.map((s) => lockedUntil(s, attempt.now)).filter((u): u is string => u !== undefined);
    if (locks.length > 0) {
      if (placeholders.size > 0) await trx.deleteFrom('review_login_throttle').where('key', 'in', [...placeholders]).execute();
      return { lockedUntil: locks.sort().at(-1)! };
    }
    for (const [i, { key, limit }] of attempt.keys.entries()) {
      const next = countAttempt(states[i], limit, attempt.now, attempt.limits);
      await trx
        .insertInto('review_login_throttle')
        .values({ key, failures: next.failures, window_start: next.windowStart, locked_until: next.lockedUntil, locks: next.locks })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            failures: (eb) => eb.ref('excluded.failures'),
            window_start: (eb) => eb.ref('excluded.window_start'),
            locked_until: (eb) => eb.ref('excluded.locked_until'),
            locks: (eb) => eb.ref('excluded.locks'),
          }),
        )
        .execute();
      if (next.lockedUntil) {
        const target = key.startsWith('user:') ? ((await trx.selectFrom('review_users').select('id').where(sameName('username', key.slice(5))).executeTakeFirst())?.id ?? null) : null;
        await accountLog(trx, null, 'login.locked', target, { key, until: next.lockedUntil, lock: next.locks });
      }
    }
    return {};
  });
}

export async function loginSucceeded(opened: OpenedDatabase, accountKey: string, addressKey: string): Promise<void> {
  await writeTransaction(opened, async (trx) => {
    await trx.deleteFrom('review_login_throttle').where('key', '=', accountKey).execute();
    await trx
      .updateTable('review_login_throttle')
      .set({ failures: sql<number>`CASE WHEN failures > 0 THEN failures - 1 ELSE 0 END` })
      .where('key', '=', addressKey)
      .execute();
  });
}

export async function purgeLoginThrottle(db: Db, at: string, before: string): Promise<number> {
  const deleted = await db
    .deleteFrom('review_login_throttle')
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at)]))
    .where('window_start', '<', before)
    .executeTakeFirst();
  return Number(deleted.numDeletedRows);
}

export async function loginLocks(db: Db, at: string): Promise<{ key: string; lockedUntil: string }[]> {
  const rows = await db.selectFrom('review_login_throttle').select(['key', 'locked_until']).where('locked_until', '>', at).orderBy('key').execute();
  return rows.map((r) => ({ key: r.key, lockedUntil: r.locked_until! }));
}

export async function clearLoginThrottle(opened: OpenedDatabase, key: string, targetUserId: number, byUserId: number): Promise<void> {
  await writeTransaction(opened, async (trx) => {
    const was = await trx.selectFrom('review_login_throttle').select('locked_until').where('key', '=', key).executeTakeFirst();
    await trx.deleteFrom('review_login_throttle').where('key', '=', key).execute();
    await accountLog(trx, byUserId, 'user.unlock', targetUserId, { lockedUntil: was?.locked_until ?? null });
  });
}

/** Refuses to remove the last owner; on PostgreSQL the project's owner rows are locked first, so two removals cannot both pass the check. */
export async function removeMember(opened: OpenedDatabase, projectId: string, userId: number, byUserId: number): Promise<void> {
  await writeTransaction(opened, async (trx) => {
    if (opened.dialect === 'postgres') await trx.selectFrom('review_members').select('user_id').where('project_id', '=', projectId).where('role', '=', 'owner').forUpdate().execute();
    const row = await trx.selectFrom('review_members').select('role').where('project_id', '=', projectId).where('user_id', '=', userId).executeTakeFirst();
    if (!row) throw new ExoError('EXO_ERR_REVIEW_NOT_FOUND_USER', `user ${userId} is not a member of '${projectId}'`, { field: 'username' });
    const { n: owners } = await trx.selectFrom('review_members').select(countAll.as('n')).where('project_id', '=', projectId).where('role', '=', 'owner').executeTakeFirstOrThrow();
    if (row.role === 'owner' && owners === 1) throw new ExoError('EXO_ERR_REVIEW_LAST_OWNER', `the last owner of '${projectId}' cannot be removed: make another member an owner first`, { id: projectId });
    await trx.deleteFrom('review_members').where('project_id', '=', projectId).where('user_id', '=', userId).execute();
    const { n: decisions } = await trx.selectFrom('review_decisions').select(countAll.as('n')).where('project_id', '=', projectId).where('reviewer_id', '=', userId).executeTakeFirstOrThrow();
    await trx
      .insertInto('review_audit')
      .values({ project_id: projectId, user_id: byUserId, action: 'member.remove', record_id: null, stage: null, before: JSON.stringify({ userId, role: row.role }), after: JSON.stringify({ userId, role: null, decisionsKept: decisions }), at: now() })
      .execute();
  });
}

export async function accountAudit(db: Db, options: { username?: string; limit?: number; offset?: number } = {}): Promise<{ total: number; items: AccountAuditEntry[] }> {
  let base = db.selectFrom('review_account_audit as a').leftJoin('review_users as actor', 'actor.id', 'a.actor_id').leftJoin('review_users as target', 'target.id', 'a.target_id');
  const username = options.username;
  if (username !== undefined) base = base.where((eb) => eb.or([sameName('actor.username', username), sameName('target.username', username)]));
  const { n: total } = await base.select(countAll.as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll('a')
    .select(['actor.username as actor', 'target.username as target'])
    .orderBy('a.id', 'desc')
    .limit(options.limit ?? 100)
    .offset(options.offset ?? 0)
    .execute();
  return {
    total,
    items: rows.map((r) => ({ id: r.id, actorId: r.actor_id, actor: r.actor, action: r.action, targetId: r.target_id, target: r.target, details: r.details === null ? null : (JSON.parse(r.details) as Record<string, unknown>), at: r.at })),
  };
}
