import { CsvReader, CsvSyntaxError, sniffDelimiter, type CsvRow } from '@exoatlas/core';
import { LiteratureError, where } from '../../errors.js';
import type { NativeParser, ReaderContext } from '../reader.js';
import { mapColumns } from './columns.js';

/** A CSV row: its values by canonical key (title, authors, …) and by original column name (the raw record). */
export interface CsvNative {
  line: number;
  byKey: Map<string, string>;
  byColumn: Record<string, string[]>;
}

/** Stage 1 of CSV/TSV: the header row names the columns; each further row is a record. */
export class CsvParser implements NativeParser<CsvNative> {
  private parser: CsvReader | undefined;
  private header: string[] | undefined;
  private columns = new Map<string, number>();
  private done: CsvNative[] = [];
  private raggedLine: number | undefined;

  constructor(
    private readonly ctx: ReaderContext,
    private readonly delimiter?: string,
  ) {}

  push(text: string): void {
    if (!this.parser) {
      const firstLine = text.slice(0, text.search(/\r?\n|$/));
      this.parser = new CsvReader((row) => this.onRow(row), { delimiter: this.delimiter ?? sniffDelimiter(firstLine) });
    }
    this.parser.push(text);
  }

  end(): void {
    try {
      this.parser?.end();
    } catch (error) {
      // the lenient reader's only syntax error: the text ends inside quotes
      if (!(error instanceof CsvSyntaxError)) throw error;
      throw new LiteratureError(
        'EXO_ERR_LIT_TRUNCATED',
        `${where(this.ctx.fileName, error.line)}the file ends inside a quoted field that opens at line ${error.detail.quoteLine} (expected a closing '"'; truncated?)`,
        { file: this.ctx.fileName, line: error.line },
      );
    }
    if (this.raggedLine !== undefined) {
      this.ctx.warn({ code: 'ragged-row', message: `${where(this.ctx.fileName, this.raggedLine)}rows with fewer cells than the header were read with the missing cells empty`, file: this.ctx.fileName, line: this.raggedLine });
    }
  }

  take(): CsvNative[] {
    const out = this.done;
    this.done = [];
    return out;
  }

  private onRow({ cells: row, line }: CsvRow): void {
    if (row.length === 1 && row[0]!.trim() === '') return; // a blank or white line
    if (!this.header) {
      this.header = row.map((name) => name.trim());
      this.columns = mapColumns(this.header);
      if (!this.columns.has('title') && !this.columns.has('abstract') && !this.columns.has('doi') && !this.columns.has('pmid')) {
        throw new LiteratureError(
          'EXO_ERR_LIT_MALFORMED',
          `${where(this.ctx.fileName, line)}the header names no title, abstract, doi or pmid column (found: ${this.header.slice(0, 8).join(', ')})`,
          { file: this.ctx.fileName, line },
        );
      }
      return;
    }
    const header = this.header;
    if (row.length > header.length && row.slice(header.length).some((v) => v.trim() !== '')) {
      throw new LiteratureError(
        'EXO_ERR_LIT_MALFORMED',
        `${where(this.ctx.fileName, line)}expected ${header.length} cells as in the header, found ${row.length} (an unquoted delimiter or quote?)`,
        { file: this.ctx.fileName, line },
      );
    }
    if (row.length < header.length) this.raggedLine ??= line;
    const byKey = new Map<string, string>();
    for (const [key, index] of this.columns) {
      const value = row[index];
      if (value !== undefined && value.trim() !== '') byKey.set(key, value);
    }
    const byColumn: Record<string, string[]> = {};
    if (this.ctx.keepRaw) header.forEach((name, i) => {
      const value = row[i];
      if (value !== undefined && value !== '') byColumn[name || `column ${i + 1}`] = [value];
    });
    this.done.push({ line, byKey, byColumn });
  }
}
