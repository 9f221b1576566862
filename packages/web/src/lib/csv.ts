/** Tables pasted or uploaded into the workbench (comma, semicolon or tab separated), and CSV downloads. */
import { csvDocument, readCsv, sniffDelimiter } from '@exoatlas/core';

export interface CsvTable {
  columns: string[];
  rows: string[][];
  /** columns whose every non-empty cell was quoted: read as text */
  quotedColumns: string[];
}

/**
 * The table of pasted or typed text, read by the project's one CSV reader (delimiter sniffed from the header line,
 * lenient: stray quotes are text, an unclosed quote takes the rest of the text, as while typing). Unquoted cells are
 * trimmed; rows with nothing in them are dropped.
 */
export function parseCsv(text: string): CsvTable {
  const src = text.replace(/^\uFEFF/, '');
  const records = readCsv(src, { delimiter: sniffDelimiter(src.split(/\r?\n/, 1)[0] ?? ''), unclosedQuote: 'accept' })
    .map((r) => r.cells.map((cell, j) => ({ value: r.quoted[j] ? cell : cell.trim(), isQuoted: r.quoted[j] ?? false })))
    .filter((row) => row.some((c) => c.value !== '' || c.isQuoted));
  const [header, ...body] = records;
  if (!header) return { columns: [], rows: [], quotedColumns: [] };
  const columns = header.map((c) => c.value);
  const rows = body.map((r) => columns.map((_, j) => r[j]?.value ?? ''));
  const quotedColumns = columns.filter((_, j) => body.some((r) => r[j]?.value) && body.every((r) => !r[j]?.value || r[j]?.isQuoted));
  return { columns, rows, quotedColumns };
}

/** Records for the API: numbers where a cell is a number (unless its column is quoted text), null for empty cells. */
export function toRecords(table: CsvTable): Record<string, string | number | null>[] {
  const quoted = new Set(table.quotedColumns);
  return table.rows.map((r) =>
    Object.fromEntries(
      table.columns.map((c, j) => {
        const v = r[j] ?? '';
        if (v === '' || /^(NA|NaN)$/.test(v)) return [c, null];
        if (!quoted.has(c) && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v)) return [c, Number(v)];
        return [c, v];
      }),
    ),
  );
}

/** Writes rows as CSV with the project's one writer: RFC 4180 quoting, spreadsheet formulas in text cells defused. */
export function toCsv(columns: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return csvDocument(columns, rows);
}
