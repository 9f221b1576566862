import { sql, type Kysely } from 'kysely';
import { ExoError } from '@exoatlas/schema';
import type { Database, OpenedDatabase } from '../database.js';

/** A base table as the database itself describes it (sqlite_master / information_schema), not as code lists it. */
export interface TableInfo {
  name: string;
  /** Column names in the table's own order. */
  columns: string[];
  /** Primary key columns, in key order (empty when the table has none: rows are then ordered by every column). */
  primaryKey: string[];
  /** Tables this one references (foreign keys), itself excluded. */
  parents: string[];
  /** The auto-numbered id column (INTEGER PRIMARY KEY / serial), if any. */
  identity?: string;
}

/** The tables and full-text indexes of a database: base tables are copied row by row, indexes rebuilt. */
export interface Schema {
  tables: TableInfo[];
  /** Full-text index tables (FTS5 virtual tables on SQLite; tables with a tsvector column on PostgreSQL). */
  indexes: string[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;
const MIGRATION_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);
const FTS5_SHADOWS = ['_data', '_idx', '_content', '_docsize', '_config'];

/** Reads the schema of `opened`; base tables come back in foreign-key order (parents first). */
export async function readSchema(opened: OpenedDatabase): Promise<Schema> {
  const raw = opened.dialect === 'sqlite' ? await readSqlite(opened.db) : await readPostgres(opened.db);
  return { tables: inForeignKeyOrder(raw.tables), indexes: raw.indexes.sort() };
}

async function readSqlite(db: Kysely<Database>): Promise<Schema> {
  const all = (await sql<{ name: string; sql: string | null }>`SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name`.execute(db)).rows;
  const indexes = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql ?? '')).map((t) => t.name);
  const isShadow = (name: string): boolean => indexes.some((v) => FTS5_SHADOWS.some((s) => name === v + s));
  const tables: TableInfo[] = [];
  for (const { name } of all) {
    if (name.startsWith('sqlite_') || MIGRATION_TABLES.has(name) || indexes.includes(name) || isShadow(name)) continue;
    const cols = (await sql<{ name: string; type: string; pk: number }>`SELECT name, type, pk FROM pragma_table_info(${name}) ORDER BY cid`.execute(db)).rows;
    const fks = (await sql<{ table: string }>`SELECT "table" FROM pragma_foreign_key_list(${name})`.execute(db)).rows;
    const primaryKey = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    const only = primaryKey.length === 1 ? cols.find((c) => c.name === primaryKey[0]) : undefined;
    tables.push({
      name,
      columns: cols.map((c) => c.name),
      primaryKey,
      parents: [...new Set(fks.map((f) => f.table))].filter((t) => t !== name),
      ...(only && only.type.toUpperCase() === 'INTEGER' ? { identity: only.name } : {}),
    });
    if (fks.some((f) => f.table === name)) throw unorderable(name, 'it references itself');
  }
  return { tables, indexes };
}

async function readPostgres(db: AnyDb): Promise<Schema> {
  const cols = (
    await sql<{ table_name: string; column_name: string; data_type: string; column_default: string | null; is_generated: string }>`
      SELECT table_name, column_name, data_type, column_default, is_generated FROM information_schema.columns
      WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`.execute(db)
  ).rows;
  const kinds = (await sql<{ table_name: string }>`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`.execute(db)).rows;
  const keys = (
    await sql<{ table_name: string; column_name: string; constraint_type: string; position: number; parent: string | null }>`
      SELECT tc.table_name, kcu.column_name, tc.constraint_type, kcu.ordinal_position AS position, ccu.table_name AS parent
      FROM information_schema.table_constraints tc
      JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
      LEFT JOIN information_schema.constraint_column_usage ccu ON tc.constraint_type = 'FOREIGN KEY' AND ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
      WHERE tc.table_schema = current_schema() AND tc.constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY')`.execute(db)
  ).rows;
  const names = kinds.map((k) => k.table_name).filter((n) => !MIGRATION_TABLES.has(n)).sort();
  const indexes = names.filter((n) => cols.some((c) => c.table_name === n && c.data_type === 'tsvector'));
  const tables: TableInfo[] = [];
  for (const name of names) {
    if (indexes.includes(name)) continue;
    const own = cols.filter((c) => c.table_name === name && c.is_generated !== 'ALWAYS');
    const pk = keys.filter((k) => k.table_name === name && k.constraint_type === 'PRIMARY KEY').sort((a, b) => a.position - b.position);
    const parents = [...new Set(keys.filter((k) => k.table_name === name && k.constraint_type === 'FOREIGN KEY').map((k) => k.parent!))];
    if (parents.includes(name)) throw unorderable(name, 'it references itself');
    const serial = own.find((c) => c.column_default?.startsWith('nextval('));
    tables.push({ name, columns: own.map((c) => c.column_name), primaryKey: [...new Set(pk.map((k) => k.column_name))], parents, ...(serial ? { identity: serial.column_name } : {}) });
  }
  return { tables, indexes };
}

/** Parents before children (Kahn's algorithm, ties by name); a cycle or a reference to an unknown table fails loudly. */
export function inForeignKeyOrder(tables: readonly TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  for (const t of tables) for (const p of t.parents) if (!byName.has(p)) throw unorderable(t.name, `it references '${p}', which is not a table the copy knows`);
  const done = new Set<string>();
  const order: TableInfo[] = [];
  while (order.length < tables.length) {
    const ready = tables.filter((t) => !done.has(t.name) && t.parents.every((p) => done.has(p)));
    if (ready.length === 0) {
      const stuck = tables.filter((t) => !done.has(t.name)).map((t) => t.name);
      throw unorderable(stuck.join(', '), 'their foreign keys form a cycle');
    }
    for (const t of ready) {
      done.add(t.name);
      order.push(t);
    }
  }
  return order;
}

const unorderable = (table: string, why: string): ExoError =>
  new ExoError('EXO_ERR_STORE_COPY_UNKNOWN_TABLE', `cannot order table ${table} for copying: ${why}; the copy needs a rule for it`, { field: table });
