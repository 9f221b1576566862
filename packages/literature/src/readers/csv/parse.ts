import { LiteratureError, where } from '../../errors.js';

/**
 * An incremental RFC 4180 parser: fields separated by a delimiter, quoted with double quotes ("" inside quotes is a
 * quote), line breaks inside quotes kept. Calls `onRow` with each row and the line it starts on.
 */
export class DelimitedParser {
  private field = '';
  private row: string[] = [];
  private isQuoted = false;
  /** Just saw a closing quote inside a quoted field (it may be the first half of ""). */
  private isQuoteEnd = false;
  private line = 1;
  private rowLine = 1;
  private quoteLine = 0;
  private isPendingCr = false;

  constructor(
    private readonly delimiter: string,
    private readonly onRow: (row: string[], line: number) => void,
    private readonly fileName?: string,
  ) {}

  push(text: string): void {
    const d = this.delimiter.charCodeAt(0);
    let start = 0;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const ch = text.charCodeAt(i);
      if (this.isPendingCr) {
        this.isPendingCr = false;
        if (ch === 10) {
          start = i + 1;
          continue;
        }
      }
      if (this.isQuoted) {
        if (ch === 34) {
          this.field += text.slice(start, i);
          start = i + 1;
          this.isQuoted = false;
          this.isQuoteEnd = true;
        } else if (ch === 10) this.line++;
        continue;
      }
      if (ch === 34) {
        if (this.isQuoteEnd) this.field += '"'; // "" inside a quoted field
        else if (this.field === '' && start === i) this.quoteLine = this.line;
        else {
          // a stray quote inside an unquoted field: keep it as text
          this.isQuoteEnd = false;
          continue;
        }
        this.field += text.slice(start, i);
        start = i + 1;
        this.isQuoted = true;
        this.isQuoteEnd = false;
        continue;
      }
      this.isQuoteEnd = false;
      if (ch === d) {
        this.field += text.slice(start, i);
        this.row.push(this.field);
        this.field = '';
        start = i + 1;
      } else if (ch === 10 || ch === 13) {
        this.field += text.slice(start, i);
        this.endRow();
        this.line++;
        start = i + 1;
        if (ch === 13) this.isPendingCr = true;
      }
    }
    if (start < n) this.field += text.slice(start);
  }

  end(): void {
    if (this.isQuoted) {
      throw new LiteratureError(
        'EXO_ERR_LIT_TRUNCATED',
        `${where(this.fileName, this.line)}the file ends inside a quoted field that opens at line ${this.quoteLine} (expected a closing '"'; truncated?)`,
        { file: this.fileName, line: this.line },
      );
    }
    if (this.field !== '' || this.row.length > 0) this.endRow();
  }

  private endRow(): void {
    this.row.push(this.field);
    this.field = '';
    const row = this.row;
    this.row = [];
    const line = this.rowLine;
    this.rowLine = this.line + 1;
    if (row.length === 1 && row[0]!.trim() === '') return;
    this.onRow(row, line);
  }
}

/** The delimiter of a header line: the most frequent of tab, comma and semicolon outside quotes. */
export function sniffDelimiter(headerLine: string): string {
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  const counts = ['\t', ',', ';'].map((d) => [d, unquoted.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}
