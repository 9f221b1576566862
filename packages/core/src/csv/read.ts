/**
 * The one CSV reader (RFC 4180): fields separated by a delimiter, quoted with double quotes ("" inside quotes is a
 * quote), line breaks inside quotes kept, CRLF, LF or CR line ends, a leading byte-order mark dropped. Incremental
 * (push text in chunks of any size, then end()), one pass over the characters. Each row comes with the line it
 * starts on and which of its cells were quoted (R's write.csv quotes text and leaves numbers bare: callers use it).
 * It knows no codes: a syntax problem is a CsvSyntaxError that each caller reports under its own catalogue code.
 */

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** One row as read: its cells, whether each was quoted, and the 1-based line it starts on. */
export interface CsvRow {
  cells: string[];
  quoted: boolean[];
  line: number;
}

export interface CsvReadOptions {
  /** One character; default ','. */
  delimiter?: string;
  /** Strict RFC 4180: a quote inside an unquoted field or text after a closing quote is an error (default: kept as text). */
  strict?: boolean;
  /** An unclosed quote at the end of the text: an error (default) or the rest of the text is the field (text being typed). */
  unclosedQuote?: 'error' | 'accept';
}

export type CsvProblem = 'unclosed-quote' | 'quote-in-field' | 'text-after-quote';

/** A syntax problem, located; callers turn it into their own coded error. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly problem: CsvProblem,
    /** the line the problem is on (for an unclosed quote, the last line of the text) */
    readonly line: number,
    /** unclosed-quote: the line the quote opens on; text-after-quote: the unexpected character */
    readonly detail: { quoteLine?: number; char?: string } = {},
  ) {
    super(
      problem === 'unclosed-quote'
        ? `line ${detail.quoteLine ?? line}: a quoted field is never closed`
        : problem === 'quote-in-field'
          ? `line ${line}: a quote inside an unquoted field (quote the whole field and double the quote)`
          : `line ${line}: unexpected character ${JSON.stringify(detail.char)} after a closing quote`,
    );
    this.name = 'CsvSyntaxError';
  }
}

type State = 'start' | 'unquoted' | 'quoted' | 'quote-end';

export class CsvReader {
  private field = '';
  private cells: string[] = [];
  private quoted: boolean[] = [];
  private state: State = 'start';
  private isFieldQuoted = false;
  private line = 1;
  private rowLine = 1;
  private quoteLine = 0;
  private isPendingCr = false;
  private isFirstChunk = true;
  private readonly delimiter: number;

  constructor(
    private readonly onRow: (row: CsvRow) => void,
    private readonly options: CsvReadOptions = {},
  ) {
    this.delimiter = (options.delimiter ?? ',').charCodeAt(0);
  }

  push(chunk: string): void {
    let text = chunk;
    if (this.isFirstChunk && text !== '') {
      this.isFirstChunk = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const d = this.delimiter;
    const n = text.length;
    let start = 0;
    for (let i = 0; i < n; i++) {
      const ch = text.charCodeAt(i);
      if (this.isPendingCr) {
        this.isPendingCr = false;
        if (ch === LF) {
          start = i + 1;
          continue;
        }
      }
      switch (this.state) {
        case 'quoted':
          if (ch === QUOTE) {
            this.field += text.slice(start, i);
            start = i + 1;
            this.state = 'quote-end';
          } else if (ch === LF) this.line++;
          continue;
        case 'quote-end':
          if (ch === QUOTE) {
            // "" inside a quoted field: one quote, and the field goes on
            this.field += '"';
            start = i + 1;
            this.state = 'quoted';
            continue;
          }
          if (ch !== d && ch !== LF && ch !== CR) {
            if (this.options.strict) throw new CsvSyntaxError('text-after-quote', this.line, { char: text[i] });
            this.state = 'unquoted';
            continue;
          }
          break;
        case 'start':
          if (ch === QUOTE) {
            this.state = 'quoted';
            this.isFieldQuoted = true;
            this.quoteLine = this.line;
            start = i + 1;
            continue;
          }
          if (ch !== d && ch !== LF && ch !== CR) {
            this.state = 'unquoted';
            continue;
          }
          break;
        case 'unquoted':
          if (ch === QUOTE && this.options.strict) throw new CsvSyntaxError('quote-in-field', this.line);
          if (ch !== d && ch !== LF && ch !== CR) continue;
          break;
      }
      // a delimiter or a line end outside quotes
      this.field += text.slice(start, i);
      start = i + 1;
      this.endField();
      if (ch !== d) {
        this.endRow();
        this.line++;
        this.rowLine = this.line;
        if (ch === CR) this.isPendingCr = true;
      }
    }
    if (start < n) this.field += text.slice(start);
  }

  end(): void {
    if (this.state === 'quoted' && this.options.unclosedQuote !== 'accept') {
      throw new CsvSyntaxError('unclosed-quote', this.line, { quoteLine: this.quoteLine });
    }
    if (this.state !== 'start' || this.cells.length > 0) {
      this.endField();
      this.endRow();
    }
  }

  private endField(): void {
    this.cells.push(this.field);
    this.quoted.push(this.isFieldQuoted);
    this.field = '';
    this.isFieldQuoted = false;
    this.state = 'start';
  }

  private endRow(): void {
    const row: CsvRow = { cells: this.cells, quoted: this.quoted, line: this.rowLine };
    this.cells = [];
    this.quoted = [];
    // a blank line is no row
    if (row.cells.length === 1 && row.cells[0] === '' && !row.quoted[0]) return;
    this.onRow(row);
  }
}

/** Every row of a CSV text (the header, if any, is the first). */
export function readCsv(text: string, options: CsvReadOptions = {}): CsvRow[] {
  const rows: CsvRow[] = [];
  const reader = new CsvReader((row) => rows.push(row), options);
  reader.push(text);
  reader.end();
  return rows;
}

/** The delimiter of a header line: the most frequent of tab, comma and semicolon outside quotes (ties in that order; none: comma). */
export function sniffDelimiter(headerLine: string): ',' | ';' | '\t' {
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  const counts = (['\t', ',', ';'] as const).map((d) => [d, unquoted.split(d).length - 1] as const);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : ',';
}
