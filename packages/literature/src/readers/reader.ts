import type { CitationFormat, CitationRecord } from '../citation-record.js';
import type { LiteratureWarning, WarningCode } from '../errors.js';

/** What a reader knows about the read in progress. */
export interface ReaderContext {
  fileName?: string;
  /** Prefix of record ids: the file's base name, or the format. */
  idPrefix: string;
  keepRaw: boolean;
  warn(warning: LiteratureWarning): void;
}

/** Stage 1: text (in chunks) → native records. Throws LiteratureError on malformed or truncated input. */
export interface NativeParser<N> {
  push(text: string): void;
  /** The input is complete: flush, and throw if it ended inside a record. */
  end(): void;
  /** The native records completed since the last call. */
  take(): N[];
}

/** A format: its stage 1 parser and its stage 2 mapping (native record → CitationRecord through a field table). */
export interface Reader<N> {
  format: CitationFormat;
  createParser(ctx: ReaderContext): NativeParser<N>;
  toRecord(native: N, id: string, ctx: ReaderContext): CitationRecord;
}

/** A warning about one record, with the file, line and record id filled in. */
export function recordWarner(ctx: ReaderContext, id: string, line: number | undefined): { warn(code: WarningCode, message: string): void } {
  return {
    warn(code, message) {
      const place = ctx.fileName ?? ctx.idPrefix;
      ctx.warn({ code, message: `${place}${line ? ` line ${line}` : ''} (record ${id}): ${message}`, file: ctx.fileName, line, record: id });
    },
  };
}

/** Tag-value pairs in file order (RIS, MEDLINE), with a getter that also answers "AU+A1" (both tags, in file order). */
export class TaggedEntries {
  readonly entries: Array<[string, string]> = [];
  private index: Map<string, string[]> | undefined;

  add(tag: string, value: string): void {
    this.entries.push([tag, value]);
    this.index = undefined;
  }

  /** Appends a continuation line to the last value. */
  continueLast(text: string, separator: string): void {
    const last = this.entries[this.entries.length - 1];
    if (last) last[1] = last[1] === '' ? text : last[1] + separator + text;
    this.index = undefined;
  }

  get isEmpty(): boolean {
    return this.entries.length === 0;
  }

  get = (key: string): string[] | undefined => {
    if (!this.index) {
      this.index = new Map();
      for (const [tag, value] of this.entries) {
        const list = this.index.get(tag);
        if (list) list.push(value);
        else this.index.set(tag, [value]);
      }
    }
    if (key.includes('+')) {
      const tags = new Set(key.split('+'));
      const out = this.entries.filter(([tag]) => tags.has(tag)).map(([, value]) => value);
      return out.length > 0 ? out : undefined;
    }
    return this.index.get(key);
  };

  /** Tag → every value: the raw record. */
  toFields(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [tag, value] of this.entries) (out[tag] ??= []).push(value);
    return out;
  }
}
