import { sql, type CreateTableBuilder, type Kysely, type RawBuilder } from 'kysely';
import type { Dialect } from '../database.js';

/* The few schema statements that differ by dialect; everything else in the migrations is Kysely's schema builder. */

// Migrations see the database as it is at their point in history, not as the current `Database` type describes it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;

/** An auto-numbered integer primary key: SQLite's INTEGER PRIMARY KEY (the rowid) or PostgreSQL's serial. */
export function withId<T extends string>(dialect: Dialect, table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'> {
  return dialect === 'postgres' ? table.addColumn('id', 'serial', (c) => c.primaryKey()) : table.addColumn('id', 'integer', (c) => c.primaryKey());
}

/**
 * Refuses UPDATE and DELETE (and, on PostgreSQL, TRUNCATE) of a table in the database itself, whoever connects:
 * SQLite triggers that RAISE(ABORT), PostgreSQL triggers calling a function that raises an exception.
 */
export async function appendOnly(db: AnyDb, dialect: Dialect, table: string, message: string, operations: readonly ('update' | 'delete')[]): Promise<void> {
  for (const op of operations) {
    const name = sql.id(`${table}_no_${op}`);
    if (dialect === 'sqlite') {
      await sql`CREATE TRIGGER ${name} BEFORE ${sql.raw(op.toUpperCase())} ON ${sql.id(table)} BEGIN SELECT RAISE(ABORT, ${sql.lit(message)}); END`.execute(db);
    } else {
      await sql`CREATE TRIGGER ${name} BEFORE ${sql.raw(op.toUpperCase())} ON ${sql.id(table)} FOR EACH ROW EXECUTE FUNCTION exoatlas_refuse_change(${sql.lit(message)})`.execute(db);
    }
  }
  if (dialect === 'postgres' && operations.includes('delete')) {
    await sql`CREATE TRIGGER ${sql.id(`${table}_no_truncate`)} BEFORE TRUNCATE ON ${sql.id(table)} FOR EACH STATEMENT EXECUTE FUNCTION exoatlas_refuse_change(${sql.lit(message)})`.execute(db);
  }
}

/** The PostgreSQL trigger function behind `appendOnly`: raises its first argument as the error message. */
export async function createRefuseChangeFunction(db: AnyDb): Promise<void> {
  await sql`CREATE OR REPLACE FUNCTION exoatlas_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation'; END $$`.execute(db);
}

/**
 * The text PostgreSQL indexes: punctuation (dashes included) turned into spaces, so that the default parser, given
 * only words and numbers, splits text as FTS5's unicode61 tokenizer does. Left alone it reads "miR-21" as 'mir' and
 * the signed number '-21', and "wound-healing" as one compound that the two words "wound healing" do not match.
 * Queries go through the same function (see search/postgres-search-index.ts).
 */
export function searchText(text: RawBuilder<unknown> | ReturnType<typeof sql.ref>): RawBuilder<string> {
  return sql<string>`regexp_replace(${text}, ${sql.lit(SEARCH_PUNCTUATION)}, ' ', 'g')`;
}

/** ASCII punctuation and the Unicode dashes and quotes that scientific text uses. */
export const SEARCH_PUNCTUATION = '[[:punct:]\u2010-\u2015\u2018-\u201f\u2026\u00b7]+';
