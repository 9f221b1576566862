import { Migrator, sql, type Kysely } from 'kysely';
import { ExoError } from '@exoatlas/schema';
import type { Database, OpenedDatabase } from '../database.js';
import { LEGACY_SQLITE_MIGRATIONS, migrations } from './index.js';

const MIGRATION_TABLE = 'kysely_migration';
/** Socket errors, and PostgreSQL's invalid password (28P01), authorization (28000) and unknown database (3D000). */
const CONNECTION_FAILURES = /^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EHOSTUNREACH|ECONNRESET|EAI_AGAIN|28P01|28000|3D000)$/;

/**
 * Brings the schema to the latest migration. On PostgreSQL the Migrator runs them in one transaction under an
 * advisory lock, so two processes starting at once apply each migration once. On SQLite (no transactional DDL in
 * Kysely's adapter) the whole run is wrapped in BEGIN IMMEDIATE … COMMIT here, for the same all-or-nothing and to keep
 * another process out meanwhile; a file made by the hand-written store is adopted first (see `adoptLegacySqlite`).
 */
export async function migrateToLatest(opened: OpenedDatabase): Promise<string[]> {
  const { db, dialect } = opened;
  // Unordered: a legacy file at user_version 6 has 0007 adopted but not 0006, which must still run (in name order).
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations(dialect) }, allowUnorderedMigrations: true });
  if (dialect === 'sqlite') await sql`BEGIN IMMEDIATE`.execute(db);
  try {
    if (dialect === 'sqlite') await adoptLegacySqlite(db);
    const { error, results } = await migrator.migrateToLatest();
    if (error) throw error;
    if (dialect === 'sqlite') await sql.raw(`PRAGMA user_version = ${LEGACY_SQLITE_MIGRATIONS.length}`).execute(db);
    if (dialect === 'sqlite') await sql`COMMIT`.execute(db);
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  } catch (error) {
    if (dialect === 'sqlite') await sql`ROLLBACK`.execute(db).catch(() => undefined);
    if (error instanceof ExoError) throw error;
    const code = String((error as { code?: unknown }).code ?? '');
    const reason = (error as Error).message || code || String(error);
    if (dialect === 'postgres' && CONNECTION_FAILURES.test(code)) {
      throw new ExoError('EXO_ERR_STORE_OPEN', `cannot connect to the PostgreSQL database at ${opened.location} (${reason}); check --database-url or DATABASE_URL`, { field: 'databaseUrl' });
    }
    throw new ExoError('EXO_ERR_STORE_OPEN', `cannot bring the database at ${opened.location} up to date: ${reason}`, { file: opened.location });
  }
}

/**
 * A SQLite file made by the hand-written store records its schema in `PRAGMA user_version` (n = the first n legacy
 * migrations applied) and has no Kysely migration table: record those n as applied, so the Migrator runs only what
 * came after and nothing already there is touched. `user_version` is kept at the legacy count afterwards, so the
 * hand-written store still opens a file made by this one while both exist.
 */
async function adoptLegacySqlite(db: Kysely<Database>): Promise<void> {
  const tables = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ${MIGRATION_TABLE}`.execute(db);
  if (tables.rows.length > 0) return;
  const version = (await sql<{ user_version: number }>`PRAGMA user_version`.execute(db)).rows[0]?.user_version ?? 0;
  if (version === 0) return;
  if (version > LEGACY_SQLITE_MIGRATIONS.length) {
    throw new ExoError('EXO_ERR_STORE_OPEN', `the database has schema version ${version}, newer than this release knows (${LEGACY_SQLITE_MIGRATIONS.length}); upgrade ExoAtlas`, {});
  }
  // The same table Kysely's Migrator creates (it skips creating one that exists).
  await sql`CREATE TABLE ${sql.id(MIGRATION_TABLE)} (name varchar(255) NOT NULL PRIMARY KEY, timestamp varchar(255) NOT NULL)`.execute(db);
  const at = new Date().toISOString();
  for (const name of LEGACY_SQLITE_MIGRATIONS.slice(0, version)) {
    await sql`INSERT INTO ${sql.id(MIGRATION_TABLE)} (name, timestamp) VALUES (${name}, ${at})`.execute(db);
  }
}

/**
 * Every migration with when it was applied (null: pending). A SQLite file of the hand-written store not yet adopted
 * reports its `PRAGMA user_version` as `legacyVersion`: its first migrations are in place and the next
 * `migrateToLatest` records them.
 */
export async function migrationStatus(opened: OpenedDatabase): Promise<{ migrations: { name: string; appliedAt: string | null }[]; legacyVersion?: number }> {
  const migrator = new Migrator({ db: opened.db, provider: { getMigrations: async () => migrations(opened.dialect) } });
  const list = (await migrator.getMigrations()).map((m) => ({ name: m.name, appliedAt: m.executedAt ? m.executedAt.toISOString() : null }));
  if (opened.dialect === 'sqlite' && list.every((m) => m.appliedAt === null)) {
    const version = (await sql<{ user_version: number }>`PRAGMA user_version`.execute(opened.db)).rows[0]?.user_version ?? 0;
    if (version > 0) return { migrations: list, legacyVersion: version };
  }
  return { migrations: list };
}
