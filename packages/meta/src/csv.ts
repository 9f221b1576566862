/**
 * A small RFC 4180 CSV reader working on a string (the caller reads the file): quoted fields with "" escapes,
 * CRLF or LF line ends, a header row of column names. When the file quotes selectively (as R's write.csv does:
 * text quoted, numbers bare), a column quoted throughout is marked as text, so "1", "2" stay factor levels.
 */
import { MetaError } from './errors.js';
import type { Table } from './table.js';

interface RawCell {
  value: string;
  quoted: boolean;
}

function parseRecords(text: string): { cells: RawCell[]; line: number }[] {
  const records: { cells: RawCell[]; line: number }[] = [];
  let i = 0;
  let line = 1;
  const n = text.length;
  let row: RawCell[] = [];
  let rowLine = 1;
  while (i <= n) {
    // one field
    let value = '';
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      const startLine = line;
      i++;
      for (;;) {
        if (i >= n) throw new MetaError('EXO_ERR_META_CSV', `line ${startLine}: a quoted field is never closed`);
        const ch = text[i]!;
        if (ch === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (ch === '\n') line++;
        value += ch;
        i++;
      }
      if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
        throw new MetaError('EXO_ERR_META_CSV', `line ${line}: unexpected character ${JSON.stringify(text[i])} after a closing quote`);
      }
    } else {
      const start = i;
      while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') i++;
      value = text.slice(start, i);
      if (value.includes('"')) throw new MetaError('EXO_ERR_META_CSV', `line ${line}: a quote inside an unquoted field (quote the whole field and double the quote)`);
    }
    row.push({ value, quoted });
    if (i < n && text[i] === ',') {
      i++;
      continue;
    }
    // end of record
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    records.push({ cells: row, line: rowLine });
    line++;
    rowLine = line;
    row = [];
    if (i >= n) break;
  }
  // drop blank trailing lines
  return records.filter((r) => !(r.cells.length === 1 && r.cells[0]!.value === '' && !r.cells[0]!.quoted));
}

/** Parses CSV text into a Table (cells as strings, empty cells null). */
export function parseCsv(text: string): Table {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records = parseRecords(body);
  if (records.length === 0) throw new MetaError('EXO_ERR_META_CSV', 'the CSV file is empty: it needs a header row of column names');
  const header = records[0]!.cells.map((c) => c.value.trim());
  header.forEach((h, j) => {
    if (h === '') throw new MetaError('EXO_ERR_META_CSV', `line 1: column ${j + 1} has no name`);
    if (header.indexOf(h) !== j) throw new MetaError('EXO_ERR_META_CSV', `line 1: the column name "${h}" appears twice`, { column: h });
  });
  const data = records.slice(1);
  data.forEach((r, i) => {
    if (r.cells.length !== header.length) {
      throw new MetaError('EXO_ERR_META_CSV', `line ${r.line} (row ${i + 1}): ${r.cells.length} fields, but the header has ${header.length}`, { row: i + 1 });
    }
  });
  const selective = data.some((r) => r.cells.some((c) => !c.quoted && c.value.trim() !== ''));
  const textColumns = selective ? header.filter((_, j) => data.some((r) => r.cells[j]!.value !== '') && data.every((r) => r.cells[j]!.quoted || r.cells[j]!.value === '')) : [];
  return {
    columns: header,
    rows: data.map((r) => r.cells.map((c) => (c.value === '' && !c.quoted ? null : c.value))),
    textColumns,
  };
}
