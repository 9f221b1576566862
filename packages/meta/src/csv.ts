/**
 * The analysis table from CSV text (the caller reads the file), read by the one CSV reader of @exoatlas/core in its
 * strict RFC 4180 mode, with a header row of column names. When the file quotes selectively (as R's write.csv does:
 * text quoted, numbers bare), a column quoted throughout is marked as text, so "1", "2" stay factor levels.
 * An empty unquoted cell is missing (null); a quoted empty cell is the empty text.
 */
import { CsvSyntaxError, readCsv, type CsvRow } from '@exoatlas/core';
import { MetaError } from './errors.js';
import type { Table } from './table.js';

function read(text: string): CsvRow[] {
  try {
    return readCsv(text, { strict: true });
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new MetaError('EXO_ERR_META_CSV', error.message);
    throw error;
  }
}

export function parseCsv(text: string): Table {
  const records = read(text);
  if (records.length === 0) throw new MetaError('EXO_ERR_META_CSV', 'the CSV file is empty: it needs a header row of column names');
  const header = records[0]!.cells.map((h) => h.trim());
  header.forEach((h, j) => {
    if (h === '') throw new MetaError('EXO_ERR_META_CSV', `line 1: column ${j + 1} has no name`);
    if (header.indexOf(h) !== j) throw new MetaError('EXO_ERR_META_CSV', `line 1: the column name "${h}" appears twice`, { column: h });
  });
  // per column: saw a bare non-empty cell / saw any non-empty cell
  const bare = new Array<boolean>(header.length).fill(false);
  const filled = new Array<boolean>(header.length).fill(false);
  let anyBare = false;
  const rows = records.slice(1).map((r, k) => {
    if (r.cells.length !== header.length) {
      throw new MetaError('EXO_ERR_META_CSV', `line ${r.line} (row ${k + 1}): ${r.cells.length} fields, but the header has ${header.length}`, { row: k + 1 });
    }
    return r.cells.map((value, j) => {
      if (value === '') return r.quoted[j] ? '' : null;
      filled[j] = true;
      if (!r.quoted[j] && value.trim() !== '') {
        bare[j] = true;
        anyBare = true;
      }
      return value;
    });
  });
  const textColumns = anyBare ? header.filter((_, j) => filled[j] && !bare[j]) : [];
  return { columns: header, rows, textColumns };
}
