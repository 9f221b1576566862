/**
 * The tabular input of an analysis: column names and rows of cells (numbers, strings or empty), or an array of
 * records. Cells are read as numbers only where a number is needed, so a bad cell is reported with its row and
 * column.
 */
import { type ColumnarTable, columnarCell, isColumnarTable } from './csv-columns.js';
import { MetaError, cellPrefix } from './errors.js';
import { readNumber } from './read-number.js';

export type Cell = string | number | boolean | null | undefined;

export interface Table {
  kind?: 'rows';
  columns: string[];
  rows: Cell[][];
  /** columns whose every cell was quoted in a CSV that quotes selectively: read as text (factors) */
  textColumns?: string[];
}

/** Rows of cells, or the columnar form of a large CSV (parseCsvColumns); read through rowCount/cellAt. */
export type AnyTable = Table | ColumnarTable;

export type TableInput = AnyTable | Record<string, Cell>[];

export function rowCount(table: AnyTable): number {
  return table.kind === 'columnar' ? table.length : table.rows.length;
}

export function cellAt(table: AnyTable, i: number, j: number): Cell {
  return table.kind === 'columnar' ? columnarCell(table, i, j) : table.rows[i]![j];
}

/** Normalises records or a column/row table into a Table, checking its shape. */
export function toTable(input: TableInput): AnyTable {
  if (isColumnarTable(input)) return input;
  if (Array.isArray(input)) {
    const columns: string[] = [];
    const seen = new Set<string>();
    for (const rec of input) {
      if (rec === null || typeof rec !== 'object') throw new MetaError('EXO_ERR_META_BAD_OPTION', 'each data record must be an object of column: value');
      for (const key of Object.keys(rec)) {
        if (!seen.has(key)) {
          seen.add(key);
          columns.push(key);
        }
      }
    }
    return { columns, rows: input.map((rec) => columns.map((c) => rec[c] ?? null)) };
  }
  if (!input || !Array.isArray(input.columns) || !Array.isArray(input.rows)) {
    throw new MetaError('EXO_ERR_META_BAD_OPTION', 'the data must be {columns: [...], rows: [[...], ...]} or an array of records');
  }
  input.rows.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== input.columns.length) {
      throw new MetaError('EXO_ERR_META_CSV', `row ${i + 1} has ${Array.isArray(row) ? row.length : 0} cells but there are ${input.columns.length} columns`, { row: i + 1 });
    }
  });
  // a copy without any foreign "kind": only parseCsvColumns() makes a columnar table
  return input.kind === undefined ? input : { columns: input.columns, rows: input.rows, ...(input.textColumns ? { textColumns: input.textColumns } : {}) };
}

/** True for an empty cell: null, '', 'NA' (R's missing value) or NaN. */
export function isMissing(v: Cell): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'number') return Number.isNaN(v);
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' || t === 'NA';
  }
  return false;
}

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Parses a numeric-looking string ('1.5', '-2e3', 'Inf'), or returns null. */
export function parseNumber(s: string): number | null {
  const t = s.trim();
  if (NUMBER_RE.test(t)) return Number(t);
  if (t === 'Inf' || t === '+Inf') return Infinity;
  if (t === '-Inf') return -Infinity;
  return null;
}

/** Index of a column, or -1. */
export function columnIndex(table: AnyTable, name: string): number {
  return table.columns.indexOf(name);
}

/** A column as numbers (NaN where missing); a cell that is not a number is an error naming its row and column. */
export function numericColumn(table: AnyTable, name: string): Float64Array {
  const j = columnIndex(table, name);
  if (j < 0) throw new MetaError('EXO_ERR_META_MISSING_COLUMN', `the data have no column "${name}"`, { column: name });
  if (table.kind === 'columnar') return numericColumnar(table, j, name);
  const out = new Float64Array(table.rows.length);
  for (let i = 0; i < table.rows.length; i++) {
    const v = table.rows[i]![j];
    if (isMissing(v)) {
      out[i] = NaN;
      continue;
    }
    if (typeof v === 'number') {
      out[i] = v;
      continue;
    }
    const n = typeof v === 'string' ? parseNumber(v) : null;
    if (n === null) {
      throw new MetaError('EXO_ERR_META_NOT_NUMERIC', `${cellPrefix(i + 1, name)}expected a number, got ${JSON.stringify(v)}`, { row: i + 1, column: name });
    }
    out[i] = n;
  }
  return out;
}

/** The columnar table's numbers read straight from the file's characters; anything unusual takes the general path. */
function numericColumnar(table: ColumnarTable, j: number, name: string): Float64Array {
  const out = new Float64Array(table.length);
  const starts = table.starts[j]!;
  const ends = table.ends[j]!;
  const src = table.source;
  for (let i = 0; i < table.length; i++) {
    const s = starts[i]!;
    const e = ends[i]!;
    if (s === e) {
      out[i] = NaN;
      continue;
    }
    const x = s >= 0 ? readNumber(src, s, e) : undefined;
    if (x !== undefined) {
      out[i] = x;
      continue;
    }
    const v = columnarCell(table, i, j);
    if (isMissing(v)) {
      out[i] = NaN;
      continue;
    }
    const n = parseNumber(v!);
    if (n === null) throw new MetaError('EXO_ERR_META_NOT_NUMERIC', `${cellPrefix(i + 1, name)}expected a number, got ${JSON.stringify(v)}`, { row: i + 1, column: name });
    out[i] = n;
  }
  return out;
}

/** A column as display strings (null where missing). */
export function textColumn(table: AnyTable, name: string): (string | null)[] {
  const j = columnIndex(table, name);
  if (j < 0) throw new MetaError('EXO_ERR_META_MISSING_COLUMN', `the data have no column "${name}"`, { column: name });
  const out = new Array<string | null>(rowCount(table));
  for (let i = 0; i < out.length; i++) {
    const v = cellAt(table, i, j);
    out[i] = isMissing(v) ? null : String(v);
  }
  return out;
}
