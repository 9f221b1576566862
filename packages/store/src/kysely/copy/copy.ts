import { sql, type Kysely } from 'kysely';
import { ExoError } from '@exoatlas/schema';
import type { Database, OpenedDatabase } from '../database.js';
import { writeTransaction } from '../transaction.js';
import { indexRule } from './search-tables.js';
import { readSchema, type Schema, type TableInfo } from './tables.js';

export interface CopyOptions {
  /** Replace whatever the target holds (otherwise a non-empty target is refused). */
  force?: boolean;
  /** Called after each table is written, inside the target transaction (progress; a throw aborts the whole copy). */
  onTable?: (table: string, rows: number) => void | Promise<void>;
}

export interface CopyResult {
  /** Rows copied per table, base tables in the order they were written, then the rebuilt full-text indexes. */
  tables: { table: string; rows: number; isIndex: boolean }[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Values per INSERT: under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const VALUES_PER_INSERT = 4000;

/**
 * Copies a whole installation from one database to another, across dialects: every base table in foreign-key order
 * with its ids, then the full-text indexes rebuilt through the target's SearchIndex, then PostgreSQL's id sequences set
 * past the copied ids. Both databases must already be at the latest migration (`migrateToLatest`). The source is read
 * in one snapshot (a read transaction); the target is written in one transaction, so a failure leaves it as it was.
 * Nothing is updated on the target, so the append-only triggers (which refuse UPDATE and DELETE) do not stand in the
 * way; only `force` deletes, with those triggers suspended inside the same transaction.
 */
export async function copyDatabase(source: OpenedDatabase, target: OpenedDatabase, options: CopyOptions = {}): Promise<CopyResult> {
  if (source.dialect === target.dialect && source.location === target.location) {
    throw new ExoError('EXO_ERR_CLI_USAGE', `the source and the target are the same database (${source.location})`);
  }
  const from = await readSchema(source);
  const to = await readSchema(target);
  checkSameSchema(from, to, target.location);
  return readSnapshot(source, (reader) =>
    writeTransaction(target, async (trx) => {
      const held = await rowsHeld(trx, to);
      if (held.length > 0) {
        if (!options.force) {
          throw new ExoError('EXO_ERR_STORE_TARGET_NOT_EMPTY', `the target database ${target.location} is not empty (${held.join(', ')}); copy into an empty database, or give --force to replace its contents`, { field: 'to' });
        }
        await clear(trx, target.dialect, to);
      }
      const result: CopyResult = { tables: [] };
      let current = '';
      try {
        for (const table of from.tables) {
          current = table.name;
          const rows = await copyTable(reader, trx, table);
          result.tables.push({ table: table.name, rows, isIndex: false });
          await options.onTable?.(table.name, rows);
        }
        for (const name of from.indexes) {
          current = name;
          const rule = indexRule(name);
          const rows = await rule.read(reader, source.dialect);
          await rule.write(trx, target.dialect, rows);
          result.tables.push({ table: name, rows: rows.length, isIndex: true });
          await options.onTable?.(name, rows.length);
        }
        if (target.dialect === 'postgres') await resetSequences(trx, from.tables);
      } catch (error) {
        if (error instanceof ExoError) throw error;
        throw new ExoError('EXO_ERR_STORE_COPY_FAILED', `the copy failed at table ${current} (${(error as Error).message}); the target ${target.location} was left as it was`, { field: current });
      }
      return result;
    }),
  );
}

/** Runs `work` inside one read transaction of the source, so every table is read from the same moment. */
async function readSnapshot<T>(source: OpenedDatabase, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  if (source.dialect === 'postgres') return source.db.transaction().setIsolationLevel('repeatable read').execute(work);
  return source.db.connection().execute(async (conn) => {
    await sql`BEGIN`.execute(conn);
    try {
      return await work(conn);
    } finally {
      await sql`COMMIT`.execute(conn).catch(() => undefined);
    }
  });
}

async function copyTable(reader: AnyDb, writer: AnyDb, table: TableInfo): Promise<number> {
  const order = table.primaryKey.length > 0 ? table.primaryKey : table.columns;
  const batch = Math.max(1, Math.floor(VALUES_PER_INSERT / table.columns.length));
  let copied = 0;
  for (;;) {
    const rows = (
      await sql<Record<string, unknown>>`SELECT ${sql.join(table.columns.map((c) => sql.ref(c)))} FROM ${sql.table(table.name)}
        ORDER BY ${sql.join(order.map((c) => sql.ref(c)))} LIMIT ${batch} OFFSET ${copied}`.execute(reader)
    ).rows;
    if (rows.length === 0) return copied;
    await writer.insertInto(table.name).values(rows).execute();
    copied += rows.length;
    if (rows.length < batch) return copied;
  }
}

/** The base tables of both sides must match, column for column, or rows would be dropped or misplaced. */
function checkSameSchema(from: Schema, to: Schema, target: string): void {
  const describe = (s: Schema): Map<string, string> => new Map([...s.tables.map((t) => [t.name, [...t.columns].sort().join(',')] as const), ...s.indexes.map((i) => [i, 'index'] as const)]);
  const a = describe(from);
  const b = describe(to);
  const differ = [...new Set([...a.keys(), ...b.keys()])].filter((n) => a.get(n) !== b.get(n)).sort();
  if (differ.length > 0) {
    throw new ExoError('EXO_ERR_STORE_COPY_FAILED', `the source and the target ${target} have different tables or columns (${differ.join(', ')}); upgrade both to the same release first`, { field: differ[0]! });
  }
}

/** The tables of `schema` that hold rows, as "name (n rows)". */
async function rowsHeld(db: AnyDb, schema: Schema): Promise<string[]> {
  const held: string[] = [];
  for (const name of [...schema.tables.map((t) => t.name), ...schema.indexes]) {
    const { n } = (await sql<{ n: number }>`SELECT cast(count(*) AS integer) AS n FROM ${sql.table(name)}`.execute(db)).rows[0]!;
    if (n > 0) held.push(`${name}: ${n} rows`);
  }
  return held;
}

/** Empties every table, children first, with the append-only triggers suspended inside the caller's transaction. */
async function clear(db: AnyDb, dialect: OpenedDatabase['dialect'], schema: Schema): Promise<void> {
  for (const name of schema.indexes) await sql`DELETE FROM ${sql.table(name)}`.execute(db);
  for (const table of [...schema.tables].reverse()) {
    const name = table.name;
    if (dialect === 'postgres') {
      await sql`ALTER TABLE ${sql.table(name)} DISABLE TRIGGER USER`.execute(db);
      await sql`DELETE FROM ${sql.table(name)}`.execute(db);
      await sql`ALTER TABLE ${sql.table(name)} ENABLE TRIGGER USER`.execute(db);
    } else {
      const triggers = (await sql<{ name: string; sql: string }>`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ${name}`.execute(db)).rows;
      for (const t of triggers) await sql`DROP TRIGGER ${sql.id(t.name)}`.execute(db);
      await sql`DELETE FROM ${sql.table(name)}`.execute(db);
      for (const t of triggers) await sql.raw(t.sql).execute(db);
    }
  }
}

/** Sets each serial column's sequence past the largest copied id, so the next insert does not collide. */
async function resetSequences(db: AnyDb, tables: readonly TableInfo[]): Promise<void> {
  for (const t of tables) {
    if (!t.identity) continue;
    const col = sql.ref(t.identity);
    await sql`SELECT setval(pg_get_serial_sequence(${t.name}, ${t.identity}), coalesce(max(${col}), 1), max(${col}) IS NOT NULL) FROM ${sql.table(t.name)}`.execute(db);
  }
}
