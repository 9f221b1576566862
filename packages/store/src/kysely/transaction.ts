import { sql, type Kysely } from 'kysely';
import type { Database, OpenedDatabase } from './database.js';

/**
 * Runs `work` as one write transaction, all or nothing. On SQLite it is BEGIN IMMEDIATE on the one connection (Kysely
 * would BEGIN DEFERRED, which lets another process's write slip in between our read and our write and then fail the
 * upgrade to a write lock); the connection stays ours until COMMIT, so other queries of this process wait their turn.
 */
export async function writeTransaction<T>(opened: OpenedDatabase, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (opened.dialect === 'postgres') return opened.db.transaction().execute(work);
  return opened.db.connection().execute(async (conn) => {
    await sql`BEGIN IMMEDIATE`.execute(conn);
    try {
      const result = await work(conn);
      await sql`COMMIT`.execute(conn);
      return result;
    } catch (error) {
      // SQLite has already rolled back after some errors (SQLITE_FULL, SQLITE_IOERR…): a failing second ROLLBACK
      // ("no transaction is active") must not hide the real cause.
      await sql`ROLLBACK`.execute(conn).catch(() => undefined);
      throw error;
    }
  });
}

/** A UNIQUE (or primary key) violation, whichever driver raised it. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/** count(*) as a number on both drivers (pg returns bigint counts as strings). */
export const countAll = sql<number>`cast(count(*) as integer)`;
