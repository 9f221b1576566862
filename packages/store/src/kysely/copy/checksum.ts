import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database, OpenedDatabase } from '../database.js';
import { indexRule } from './search-tables.js';
import { readSchema } from './tables.js';

export interface TableDigest {
  table: string;
  rows: number;
  /** sha256 of the rows ordered by primary key, each value normalised (see `normalise`). */
  checksum: string;
}

/**
 * Row count and checksum of every base table and full-text index of a database, by table name. Rows are sorted here
 * by their primary key (or every column) compared as normalised text in code-point order, not by the database, since
 * PostgreSQL's collation orders text differently from SQLite's.
 */
export async function tableDigests(opened: OpenedDatabase): Promise<TableDigest[]> {
  const schema = await readSchema(opened);
  const digests: TableDigest[] = [];
  for (const table of schema.tables) {
    const columns = [...table.columns].sort();
    const rows = (await sql<Record<string, unknown>>`SELECT ${sql.join(columns.map((c) => sql.ref(c)))} FROM ${sql.table(table.name)}`.execute(opened.db)).rows;
    digests.push(digest(table.name, rows, columns, table.primaryKey.length > 0 ? table.primaryKey : columns));
  }
  for (const name of schema.indexes) {
    const rule = indexRule(name);
    digests.push(digest(name, await rule.read(opened.db as Kysely<Database>, opened.dialect), rule.key, rule.key));
  }
  return digests.sort((a, b) => (a.table < b.table ? -1 : a.table > b.table ? 1 : 0));
}

function digest(table: string, rows: Record<string, unknown>[], columns: string[], key: string[]): TableDigest {
  const lines = rows.map((r) => ({ key: key.map((k) => normalise(r[k])), line: columns.map((c) => normalise(r[c])).join('\u001f') }));
  lines.sort((a, b) => compareKeys(a.key, b.key) || (a.line < b.line ? -1 : a.line > b.line ? 1 : 0));
  const hash = createHash('sha256');
  for (const l of lines) hash.update(l.line + '\u001e');
  return { table, rows: rows.length, checksum: hash.digest('hex') };
}

/** Integers and booleans as numbers, text (JSON included) exactly as stored, NULL distinct from every text. */
export function normalise(value: unknown): string {
  if (value === null || value === undefined) return '\u0000N';
  if (typeof value === 'boolean') return `I:${value ? 1 : 0}`;
  if (typeof value === 'number' || typeof value === 'bigint') return `I:${String(value)}`;
  if (Buffer.isBuffer(value)) return `B:${value.toString('hex')}`;
  return `T:${String(value)}`;
}

/** Keys compare numerically when both are numbers (ids), else as text in code-point order. */
function compareKeys(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (x.startsWith('I:') && y.startsWith('I:')) return Number(x.slice(2)) - Number(y.slice(2));
    return x < y ? -1 : 1;
  }
  return 0;
}

/** The tables whose row count or checksum differ between two digests (a table missing on one side counts too). */
export function compareDigests(from: TableDigest[], to: TableDigest[]): { table: string; from?: TableDigest; to?: TableDigest }[] {
  const names = [...new Set([...from.map((d) => d.table), ...to.map((d) => d.table)])].sort();
  return names
    .map((table) => ({ table, from: from.find((d) => d.table === table), to: to.find((d) => d.table === table) }))
    .filter((d) => d.from?.checksum !== d.to?.checksum || d.from?.rows !== d.to?.rows)
    .map((d) => ({ table: d.table, ...(d.from ? { from: d.from } : {}), ...(d.to ? { to: d.to } : {}) }));
}
