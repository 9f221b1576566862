import { LiteratureError, where } from '../../errors.js';
import { LineSplitter } from '../../text/lines.js';
import { TaggedEntries, type NativeParser, type ReaderContext } from '../reader.js';
import { isOneSpaceTy, KNOWN_RIS_TAGS, risTag, risValue } from './tokenize.js';

/** A RIS record as the file has it: its tags in order, and the line of its TY. */
export interface RisNative {
  line: number;
  entries: TaggedEntries;
}

/**
 * Stage 1 of RIS: lines → records. A record runs from TY to ER; lines without a tag continue the previous value
 * (blank lines inside a record included); tags may repeat; text outside records is skipped with a warning.
 */
export class RisParser implements NativeParser<RisNative> {
  private readonly lines: LineSplitter;
  private current: RisNative | undefined;
  private done: RisNative[] = [];
  private isOneSpace: boolean | undefined;
  private blankLines = 0;
  private ignoredLine: number | undefined;
  private readonly unknownTags = new Map<string, number>();

  constructor(private readonly ctx: ReaderContext) {
    this.lines = new LineSplitter((line, lineNo) => this.onLine(line, lineNo));
  }

  push(text: string): void {
    this.lines.push(text);
  }

  end(): void {
    this.lines.end();
    if (this.current) {
      const { line } = this.current;
      throw new LiteratureError(
        'EXO_ERR_LIT_TRUNCATED',
        `${where(this.ctx.fileName, this.lines.line)}the file ends inside the record that begins at line ${line} (expected "ER  -"; truncated?)`,
        { file: this.ctx.fileName, line: this.lines.line },
      );
    }
    if (this.ignoredLine !== undefined) {
      this.ctx.warn({ code: 'ignored-text', message: `${where(this.ctx.fileName, this.ignoredLine)}text outside any record (before TY or after ER) was skipped`, file: this.ctx.fileName, line: this.ignoredLine });
    }
    if (this.unknownTags.size > 0) {
      const list = [...this.unknownTags].map(([tag, n]) => `${tag} (${n})`).join(', ');
      this.ctx.warn({ code: 'unknown-tags', message: `${where(this.ctx.fileName)}tags outside the RIS specification were kept in the raw records: ${list}`, file: this.ctx.fileName });
    }
  }

  take(): RisNative[] {
    const out = this.done;
    this.done = [];
    return out;
  }

  private onLine(line: string, lineNo: number): void {
    if (this.isOneSpace === undefined && line.startsWith('TY')) this.isOneSpace = isOneSpaceTy(line);
    const tag = risTag(line, this.isOneSpace === true);
    if (tag === undefined) {
      this.onText(line, lineNo);
      return;
    }
    const value = risValue(line);
    this.blankLines = 0;
    if (tag === 'TY') {
      if (this.current) {
        this.ctx.warn({ code: 'missing-end', message: `${where(this.ctx.fileName, lineNo)}a new record starts before the record of line ${this.current.line} ended with "ER  -"`, file: this.ctx.fileName, line: lineNo });
        this.done.push(this.current);
      }
      const entries = new TaggedEntries();
      entries.add('TY', value);
      this.current = { line: lineNo, entries };
      return;
    }
    if (!this.current) {
      this.ignoredLine ??= lineNo;
      return;
    }
    if (tag === 'ER') {
      this.done.push(this.current);
      this.current = undefined;
      return;
    }
    if (!KNOWN_RIS_TAGS.has(tag)) this.unknownTags.set(tag, (this.unknownTags.get(tag) ?? 0) + 1);
    this.current.entries.add(tag, value);
  }

  private onText(text: string, lineNo: number): void {
    if (text.trim() === '') {
      if (this.current) this.blankLines++;
      return;
    }
    if (!this.current) {
      this.ignoredLine ??= lineNo;
      return;
    }
    const separator = this.blankLines > 0 ? '\n\n' : '\n';
    this.blankLines = 0;
    this.current.entries.continueLast(text.trimEnd(), separator);
  }
}
