/**
 * The CSV reader for large inputs (issue 23): the same RFC 4180 rules, errors and text-column marks as
 * parseCsv(), but no string or array per cell — each cell is a pair of offsets into the file's text, so numbers
 * are read straight from the characters into Float64Arrays (numericColumn) and only the columns read as text
 * (study labels, factors) become strings. A million rows of seven columns cost 56 MB of offsets.
 */
import { MetaError } from './errors.js';

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

export interface ColumnarTable {
  kind: 'columnar';
  columns: string[];
  /** number of data rows */
  length: number;
  textColumns?: string[];
  source: string;
  /** per column, per row: where the cell starts in `source`, or −1 − i for the i-th quoted cell (`quoted[i]`) */
  starts: Int32Array[];
  /** per column, per row: where the cell ends (exclusive); an unquoted cell with start = end is empty (null) */
  ends: Int32Array[];
  quoted: string[];
}

// tables made here, so a request body shaped like one ({kind: 'columnar', ...}) is never trusted as one
const MADE_HERE = new WeakSet<object>();

export function isColumnarTable(t: unknown): t is ColumnarTable {
  return typeof t === 'object' && t !== null && MADE_HERE.has(t);
}

/** A cell as parseCsv() would give it: the text, '' for an empty quoted field, null for an empty bare one. */
export function columnarCell(t: ColumnarTable, i: number, j: number): string | null {
  const s = t.starts[j]![i]!;
  if (s < 0) return t.quoted[-1 - s]!;
  const e = t.ends[j]![i]!;
  return s === e ? null : t.source.slice(s, e);
}

export function parseCsvColumns(text: string): ColumnarTable {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const n = s.length;
  let capacity = 1;
  for (let p = s.indexOf('\n'); p >= 0; p = s.indexOf('\n', p + 1)) capacity++;
  const quoted: string[] = [];
  let header: (string | null)[] | null = null;
  let starts: Int32Array[] = [];
  let ends: Int32Array[] = [];
  let bare: boolean[] = [];
  let filled: boolean[] = [];
  let anyBare = false;
  let rows = 0;
  // parseCsv() reports a wrong field count only after checking the header's names: so does this
  let badWidth: MetaError | null = null;
  let i = 0;
  let line = 1;
  // the cells of the row being read (offsets), checked against the header's width at its end
  const rowStart: number[] = [];
  const rowEnd: number[] = [];
  while (i < n) {
    rowStart.length = 0;
    rowEnd.length = 0;
    const rowLine = line;
    for (;;) {
      let start: number;
      let end: number;
      if (s.charCodeAt(i) === QUOTE) {
        const startLine = line;
        i++;
        let from = i;
        let acc = '';
        for (;;) {
          if (i >= n) throw new MetaError('EXO_ERR_META_CSV', `line ${startLine}: a quoted field is never closed`);
          const ch = s.charCodeAt(i);
          if (ch === QUOTE) {
            if (s.charCodeAt(i + 1) === QUOTE) {
              acc += s.slice(from, i + 1);
              i += 2;
              from = i;
              continue;
            }
            acc += s.slice(from, i);
            i++;
            break;
          }
          if (ch === LF) line++;
          i++;
        }
        quoted.push(acc);
        start = -quoted.length;
        end = start;
        const next = s.charCodeAt(i);
        if (i < n && next !== COMMA && next !== LF && next !== CR) {
          throw new MetaError('EXO_ERR_META_CSV', `line ${line}: unexpected character ${JSON.stringify(s[i])} after a closing quote`);
        }
      } else {
        start = i;
        while (i < n) {
          const ch = s.charCodeAt(i);
          if (ch === COMMA || ch === LF || ch === CR) break;
          if (ch === QUOTE) throw new MetaError('EXO_ERR_META_CSV', `line ${line}: a quote inside an unquoted field (quote the whole field and double the quote)`);
          i++;
        }
        end = i;
      }
      rowStart.push(start);
      rowEnd.push(end);
      if (i < n && s.charCodeAt(i) === COMMA) {
        i++;
        continue;
      }
      break;
    }
    if (s.charCodeAt(i) === CR) i++;
    if (s.charCodeAt(i) === LF) i++;
    line++;
    if (rowStart.length === 1 && rowStart[0]! >= 0 && rowStart[0] === rowEnd[0]) continue; // blank line
    if (header === null) {
      header = rowStart.map((st, j) => (st < 0 ? quoted[-1 - st]! : st === rowEnd[j] ? null : s.slice(st, rowEnd[j])));
      quoted.length = 0;
      starts = header.map(() => new Int32Array(capacity));
      ends = header.map(() => new Int32Array(capacity));
      bare = new Array<boolean>(header.length).fill(false);
      filled = new Array<boolean>(header.length).fill(false);
      continue;
    }
    if (rowStart.length !== header.length) {
      badWidth ??= new MetaError('EXO_ERR_META_CSV', `line ${rowLine} (row ${rows + 1}): ${rowStart.length} fields, but the header has ${header.length}`, { row: rows + 1 });
      rows++;
      continue;
    }
    for (let j = 0; j < rowStart.length; j++) {
      const st = rowStart[j]!;
      const en = rowEnd[j]!;
      starts[j]![rows] = st;
      ends[j]![rows] = en;
      if (st < 0) {
        if (quoted[-1 - st] !== '') filled[j] = true;
      } else if (en > st) {
        filled[j] = true;
        if (!bare[j] && s.slice(st, en).trim() !== '') {
          bare[j] = true;
          anyBare = true;
        }
      }
    }
    rows++;
  }
  if (header === null) throw new MetaError('EXO_ERR_META_CSV', 'the CSV file is empty: it needs a header row of column names');
  const names = header.map((h) => (h ?? '').trim());
  names.forEach((h, j) => {
    if (h === '') throw new MetaError('EXO_ERR_META_CSV', `line 1: column ${j + 1} has no name`);
    if (names.indexOf(h) !== j) throw new MetaError('EXO_ERR_META_CSV', `line 1: the column name "${h}" appears twice`, { column: h });
  });
  if (badWidth) throw badWidth;
  const textColumns = anyBare ? names.filter((_, j) => filled[j] && !bare[j]) : [];
  const table: ColumnarTable = {
    kind: 'columnar',
    columns: names,
    length: rows,
    textColumns,
    source: s,
    starts: starts.map((a) => a.subarray(0, rows)),
    ends: ends.map((a) => a.subarray(0, rows)),
    quoted,
  };
  MADE_HERE.add(table);
  return table;
}
