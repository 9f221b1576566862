/**
 * The one CSV writer: RFC 4180 quoting and spreadsheet formula defusing (OWASP "CSV injection"). A text cell that
 * starts with =, +, -, @, a tab or a carriage return is run as a formula by Excel, LibreOffice and Google Sheets;
 * it is written with a leading apostrophe, which spreadsheets show as text. Only text is defused: a number (a JS
 * number, or text that is exactly a decimal number such as "-0.25" or "1e-3") is written as it is, so negative
 * effect sizes and CIs read back as numbers (`exoatlas meta`, R's read.csv) — a number cannot run as a formula.
 */

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvCellOptions {
  /** How a missing value (null, undefined, a non-finite number) is written: '' (default) or e.g. 'NA' for R. */
  missing?: string;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** Text that a spreadsheet would run as a formula, made inert with a leading apostrophe; numbers unchanged. */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** One cell: defused, then quoted when it holds the delimiter, a quote, a line break or edge spaces (or equals the missing marker). */
export function csvCell(value: CsvValue, options: CsvCellOptions = {}): string {
  const missing = options.missing ?? '';
  if (value === null || value === undefined) return missing;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : missing;
  const text = defuseFormula(String(value));
  const mustQuote = /[",\r\n]/.test(text) || text !== text.trim() || (missing !== '' && text === missing);
  return mustQuote ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row, without its line end. */
export function csvRow(values: readonly CsvValue[], options: CsvCellOptions = {}): string {
  return values.map((v) => csvCell(v, options)).join(',');
}

export interface CsvDocumentOptions extends CsvCellOptions {
  /** Line end after every row: '\n' (default) or '\r\n' (RFC 4180). */
  eol?: '\n' | '\r\n';
}

/** A header row and data rows, each ended by the line end. */
export function csvDocument(header: readonly CsvValue[], rows: readonly (readonly CsvValue[])[], options: CsvDocumentOptions = {}): string {
  const eol = options.eol ?? '\n';
  return [header, ...rows].map((r) => csvRow(r, options) + eol).join('');
}
