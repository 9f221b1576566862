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

/** "AU+A1" → ["AU", "A1"], split once. */
const COMBINED = new Map<string, string[]>();

/**
 * Tag-value pairs of one record (RIS, MEDLINE): every value by tag, and the order of the tags, so that a getter can
 * also answer "AU+A1" (both tags, in file order).
 */
export class TaggedEntries {
  /** Tag → its values: the raw record. */
  readonly fields: Record<string, string[]> = {};
  /** The tags in file order. */
  readonly order: string[] = [];

  add(tag: string, value: string): void {
    this.order.push(tag);
    const list = this.fields[tag];
    if (list) list.push(value);
    else this.fields[tag] = [value];
  }

  /** Appends a continuation line to the last value. */
  continueLast(text: string, separator: string): void {
    const tag = this.order[this.order.length - 1];
    if (tag === undefined) return;
    const list = this.fields[tag]!;
    const last = list.length - 1;
    list[last] = list[last] === '' ? text : list[last] + separator + text;
  }

  get size(): number {
    return this.order.length;
  }

  get = (key: string): string[] | undefined => {
    const direct = this.fields[key];
    if (direct !== undefined || !key.includes('+')) return direct;
    let tags = COMBINED.get(key);
    if (!tags) COMBINED.set(key, (tags = key.split('+')));
    let present: string[] | undefined;
    let count = 0;
    for (const tag of tags) {
      const values = this.fields[tag];
      if (values) {
        present = values;
        count++;
      }
    }
    if (count <= 1) return present;
    const next = new Map<string, number>();
    const out: string[] = [];
    for (const tag of this.order) {
      if (!tags.includes(tag)) continue;
      const i = next.get(tag) ?? 0;
      next.set(tag, i + 1);
      out.push(this.fields[tag]![i]!);
    }
    return out;
  };
}
