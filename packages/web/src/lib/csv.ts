/** A small CSV reader for pasted or uploaded tables (RFC 4180 quoting; comma, semicolon or tab separated). */

export interface CsvTable {
  columns: string[];
  rows: string[][];
  /** columns whose every non-empty cell was quoted: read as text */
  quotedColumns: string[];
}

export function detectDelimiter(firstLine: string): ',' | ';' | '\t' {
  const count = (ch: string): number => firstLine.split(ch).length - 1;
  const tabs = count('\t');
  const semis = count(';');
  const commas = count(',');
  if (tabs > 0 && tabs >= commas && tabs >= semis) return '\t';
  if (semis > commas) return ';';
  return ',';
}

export function parseCsv(text: string): CsvTable {
  const src = text.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(src.split(/\r?\n/, 1)[0] ?? '');
  const records: { value: string; isQuoted: boolean }[][] = [];
  let row: { value: string; isQuoted: boolean }[] = [];
  let cell = '';
  let isQuoted = false;
  let inQuotes = false;
  const endCell = (): void => {
    row.push({ value: isQuoted ? cell : cell.trim(), isQuoted });
    cell = '';
    isQuoted = false;
  };
  const endRow = (): void => {
    endCell();
    if (row.some((c) => c.value !== '' || c.isQuoted)) records.push(row);
    row = [];
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else inQuotes = false;
      } else cell += ch;
    } else if (ch === '"' && cell.trim() === '') {
      inQuotes = true;
      isQuoted = true;
      cell = '';
    } else if (ch === delimiter) endCell();
    else if (ch === '\n') endRow();
    else if (ch === '\r') continue;
    else cell += ch;
  }
  if (cell !== '' || row.length > 0 || isQuoted) endRow();
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

/** Writes rows as CSV, quoting where needed. */
export function toCsv(columns: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const q = (v: string | number | null | undefined): string => {
    if (v === null || v === undefined) return '';
    const s = String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.map(q).join(','), ...rows.map((r) => r.map(q).join(','))].join('\n') + '\n';
}
