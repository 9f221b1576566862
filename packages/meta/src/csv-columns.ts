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
  let width = 0;
  // the header's cells until it is read; after that cells go straight into the column arrays
  const headStart: number[] = [];
  const headEnd: number[] = [];
  while (i < n) {
    const rowLine = line;
    let col = 0;
    let firstEmpty = false;
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
      if (col === 0) firstEmpty = start >= 0 && start === end;
      if (header === null) {
        headStart.push(start);
        headEnd.push(end);
      } else if (col < width) {
        starts[col]![rows] = start;
        ends[col]![rows] = end;
        if (start < 0) {
          if (!filled[col] && quoted[-1 - start] !== '') filled[col] = true;
        } else if (end > start) {
          filled[col] = true;
          if (!bare[col] && s.slice(start, end).trim() !== '') {
            bare[col] = true;
            anyBare = true;
          }
        }
      }
      col++;
      if (i < n && s.charCodeAt(i) === COMMA) {
        i++;
        continue;
      }
      break;
    }
    if (s.charCodeAt(i) === CR) i++;
    if (s.charCodeAt(i) === LF) i++;
    line++;
    if (col === 1 && firstEmpty) {
      if (header === null) {
        headStart.length = 0;
        headEnd.length = 0;
      }
      continue; // blank line
    }
    if (header === null) {
      header = headStart.map((st, j) => (st < 0 ? quoted[-1 - st]! : st === headEnd[j] ? null : s.slice(st, headEnd[j])));
      quoted.length = 0;
      width = header.length;
      starts = header.map(() => new Int32Array(capacity));
      ends = header.map(() => new Int32Array(capacity));
      bare = new Array<boolean>(width).fill(false);
      filled = new Array<boolean>(width).fill(false);
      continue;
    }
    if (col !== width) badWidth ??= new MetaError('EXO_ERR_META_CSV', `line ${rowLine} (row ${rows + 1}): ${col} fields, but the header has ${width}`, { row: rows + 1 });
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
