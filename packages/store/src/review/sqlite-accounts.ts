import { ExoError } from '@exoatlas/schema';
import { countAttempt, lockedUntil, type AccountAuditEntry, type LoginAttempt, type ThrottleState, type User } from '@exoatlas/review';
import type { SqliteDatabase } from '../sqlite/open-database.js';
import { userFromRow, type UserRow } from './rows.js';

// Account lifecycle over SQLite (issue 17), called by SqliteReviewStore: the first account, passwords, disabling,
// sessions, login throttling and the account log. Each write is one IMMEDIATE transaction with its log entry.

const now = (): string => new Date().toISOString();

export function accountLog(db: SqliteDatabase, actorId: number | null, action: string, targetId: number | null, details?: Record<string, unknown>): void {
  db.prepare('INSERT INTO review_account_audit (actor_id, action, target_id, details, at) VALUES (?, ?, ?, ?, ?)').run(actorId, action, targetId, details === undefined ? null : JSON.stringify(details), now());
}

/** INSERT … WHERE NOT EXISTS, and the singleton row's primary key behind it: of racing first sign-ups, one account is created. */
export function createFirstUser(db: SqliteDatabase, input: { username: string; displayName: string; passwordHash: string }): User | undefined {
  return db
    .transaction((): User | undefined => {
      const info = db
        .prepare('INSERT INTO review_users (username, display_name, password_hash, is_admin, created_at) SELECT ?, ?, ?, 1, ? WHERE NOT EXISTS (SELECT 1 FROM review_users)')
        .run(input.username, input.displayName, input.passwordHash, now());
      if (info.changes === 0) return undefined;
      const id = Number(info.lastInsertRowid);
      db.prepare('INSERT INTO review_first_user (singleton, user_id) VALUES (1, ?)').run(id);
      accountLog(db, id, 'user.create', id, { isAdmin: true, isFirst: true });
      return userFromRow(db.prepare('SELECT * FROM review_users WHERE id = ?').get(id) as UserRow);
    })
    .immediate();
}

export function listUsers(db: SqliteDatabase): User[] {
  return (db.prepare('SELECT * FROM review_users ORDER BY username').all() as UserRow[]).map(userFromRow);
}

export function setPasswordHash(db: SqliteDatabase, userId: number, passwordHash: string, keepTokenHash: string | undefined, byUserId: number): void {
  db.transaction(() => {
    if (db.prepare('UPDATE review_users SET password_hash = ? WHERE id = ?').run(passwordHash, userId).changes === 0) throw new ExoError('EXO_ERR_REVIEW_NOT_FOUND_USER', `no user ${userId}`);
    const ended = db.prepare('DELETE FROM review_sessions WHERE user_id = ? AND token_hash IS NOT ?').run(userId, keepTokenHash ?? null).changes;
    accountLog(db, byUserId, 'user.password', userId, { sessionsEnded: ended });
  }).immediate();
}

export function setDisabled(db: SqliteDatabase, userId: number, isDisabled: boolean, byUserId: number): void {
  db.transaction(() => {
    if (db.prepare('UPDATE review_users SET is_disabled = ? WHERE id = ?').run(isDisabled ? 1 : 0, userId).changes === 0) throw new ExoError('EXO_ERR_REVIEW_NOT_FOUND_USER', `no user ${userId}`);
    const ended = isDisabled ? db.prepare('DELETE FROM review_sessions WHERE user_id = ?').run(userId).changes : 0;
    accountLog(db, byUserId, isDisabled ? 'user.disable' : 'user.enable', userId, isDisabled ? { sessionsEnded: ended } : undefined);
  }).immediate();
}

export function deleteSessions(db: SqliteDatabase, userId: number, byUserId: number): number {
  return db
    .transaction(() => {
      const ended = db.prepare('DELETE FROM review_sessions WHERE user_id = ?').run(userId).changes;
      accountLog(db, byUserId, 'user.sessions.revoke', userId, { sessionsEnded: ended });
      return ended;
    })
    .immediate();
}

export function purgeExpiredSessions(db: SqliteDatabase, at: string): number {
  return db.prepare('DELETE FROM review_sessions WHERE expires_at <= ?').run(at).changes;
}

interface ThrottleRow {
  key: string;
  failures: number;
  window_start: string;
  locked_until: string | null;
  locks: number;
}

export function reserveLoginAttempt(db: SqliteDatabase, attempt: LoginAttempt): { lockedUntil?: string } {
  return db
    .transaction((): { lockedUntil?: string } => {
      const read = db.prepare('SELECT * FROM review_login_throttle WHERE key = ?');
      const states = attempt.keys.map(({ key }) => {
        const row = read.get(key) as ThrottleRow | undefined;
        return row ? ({ failures: row.failures, windowStart: row.window_start, lockedUntil: row.locked_until, locks: row.locks } satisfies ThrottleState) : undefined;
      });
      const locks = states.map((s) => lockedUntil(s, attempt.now)).filter((u): u is string => u !== undefined);
      if (locks.length > 0) return { lockedUntil: locks.sort().at(-1)! };
      const write = db.prepare(
        'INSERT INTO review_login_throttle (key, failures, window_start, locked_until, locks) VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, window_start = excluded.window_start, locked_until = excluded.locked_until, locks = excluded.locks',
      );
      attempt.keys.forEach(({ key, limit }, i) => {
        const next = countAttempt(states[i], limit, attempt.now, attempt.limits);
        write.run(key, next.failures, next.windowStart, next.lockedUntil, next.locks);
        if (next.lockedUntil) {
          const target = key.startsWith('user:') ? (db.prepare('SELECT id FROM review_users WHERE username = ?').get(key.slice(5)) as { id: number } | undefined)?.id ?? null : null;
          accountLog(db, null, 'login.locked', target, { key, until: next.lockedUntil, lock: next.locks });
        }
      });
      return {};
    })
    .immediate();
}

export function loginSucceeded(db: SqliteDatabase, accountKey: string, addressKey: string): void {
  db.transaction(() => {
    db.prepare('DELETE FROM review_login_throttle WHERE key = ?').run(accountKey);
    db.prepare('UPDATE review_login_throttle SET failures = max(failures - 1, 0) WHERE key = ?').run(addressKey);
  }).immediate();
}

export function purgeLoginThrottle(db: SqliteDatabase, at: string, before: string): number {
  return db.prepare('DELETE FROM review_login_throttle WHERE (locked_until IS NULL OR locked_until <= ?) AND window_start < ?').run(at, before).changes;
}

export function loginLocks(db: SqliteDatabase, at: string): { key: string; lockedUntil: string }[] {
  return (db.prepare('SELECT key, locked_until FROM review_login_throttle WHERE locked_until > ? ORDER BY key').all(at) as { key: string; locked_until: string }[]).map((r) => ({ key: r.key, lockedUntil: r.locked_until }));
}

export function clearLoginThrottle(db: SqliteDatabase, key: string, targetUserId: number, byUserId: number): void {
  db.transaction(() => {
    const was = db.prepare('SELECT locked_until FROM review_login_throttle WHERE key = ?').get(key) as { locked_until: string | null } | undefined;
    db.prepare('DELETE FROM review_login_throttle WHERE key = ?').run(key);
    accountLog(db, byUserId, 'user.unlock', targetUserId, { lockedUntil: was?.locked_until ?? null });
  }).immediate();
}

export function removeMember(db: SqliteDatabase, projectId: string, userId: number, byUserId: number): void {
  db.transaction(() => {
    const row = db.prepare('SELECT role FROM review_members WHERE project_id = ? AND user_id = ?').get(projectId, userId) as { role: string } | undefined;
    if (!row) throw new ExoError('EXO_ERR_REVIEW_NOT_FOUND_USER', `user ${userId} is not a member of '${projectId}'`, { field: 'username' });
    const owners = (db.prepare("SELECT count(*) AS n FROM review_members WHERE project_id = ? AND role = 'owner'").get(projectId) as { n: number }).n;
    if (row.role === 'owner' && owners === 1) throw new ExoError('EXO_ERR_REVIEW_LAST_OWNER', `the last owner of '${projectId}' cannot be removed: make another member an owner first`, { id: projectId });
    db.prepare('DELETE FROM review_members WHERE project_id = ? AND user_id = ?').run(projectId, userId);
    const decisions = (db.prepare('SELECT count(*) AS n FROM review_decisions WHERE project_id = ? AND reviewer_id = ?').get(projectId, userId) as { n: number }).n;
    db.prepare('INSERT INTO review_audit (project_id, user_id, action, before, after, at) VALUES (?, ?, ?, ?, ?, ?)').run(
      projectId,
      byUserId,
      'member.remove',
      JSON.stringify({ userId, role: row.role }),
      JSON.stringify({ userId, role: null, decisionsKept: decisions }),
      now(),
    );
  }).immediate();
}

export function accountAudit(db: SqliteDatabase, options: { username?: string; limit?: number; offset?: number } = {}): { total: number; items: AccountAuditEntry[] } {
  const from = 'review_account_audit a LEFT JOIN review_users actor ON actor.id = a.actor_id LEFT JOIN review_users target ON target.id = a.target_id';
  const where = options.username === undefined ? '' : 'WHERE actor.username = ? OR target.username = ?';
  const params = options.username === undefined ? [] : [options.username, options.username];
  const total = (db.prepare(`SELECT count(*) AS n FROM ${from} ${where}`).get(...params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT a.*, actor.username AS actor, target.username AS target FROM ${from} ${where} ORDER BY a.id DESC LIMIT ? OFFSET ?`)
    .all(...params, options.limit ?? 100, options.offset ?? 0) as { id: number; actor_id: number | null; actor: string | null; action: string; target_id: number | null; target: string | null; details: string | null; at: string }[];
  return {
    total,
    items: rows.map((r) => ({ id: r.id, actorId: r.actor_id, actor: r.actor, action: r.action, targetId: r.target_id, target: r.target, details: r.details === null ? null : (JSON.parse(r.details) as Record<string, unknown>), at: r.at })),
  };
}
