import { LiteratureError, where } from '../../errors.js';
import type { NativeParser, ReaderContext } from '../reader.js';

/** A CSL-JSON item as the file has it, with the line where it starts. */
export interface CslNative {
  line: number;
  item: Record<string, unknown>;
}

/**
 * Stage 1 of CSL-JSON: splits a top-level array (or a single object) into items as the text streams in, tracking
 * strings, escapes and nesting, and JSON-parses each item on its own, so memory holds one item at a time.
 */
export class CslJsonParser implements NativeParser<CslNative> {
  private buffer = '';
  private pos = 0;
  private line = 1;
  private depth = 0;
  private isString = false;
  private isEscape = false;
  private itemStart = -1;
  private itemLine = 0;
  private isArray: boolean | undefined;
  private isClosed = false;
  private done: CslNative[] = [];

  constructor(private readonly ctx: ReaderContext) {}

  push(text: string): void {
    this.buffer += text;
    this.scan();
  }

  end(): void {
    if (this.depth > 0 || this.isString) {
      const what = this.itemStart >= 0 ? `the item that begins at line ${this.itemLine}` : 'the top-level array';
      throw new LiteratureError('EXO_ERR_LIT_TRUNCATED', `${where(this.ctx.fileName, this.line)}the file ends inside ${what} (expected "}" or "]"; truncated?)`, { file: this.ctx.fileName, line: this.line });
    }
    if (this.isArray && !this.isClosed) {
      throw new LiteratureError('EXO_ERR_LIT_TRUNCATED', `${where(this.ctx.fileName, this.line)}the file ends before the closing "]" of the array (truncated?)`, { file: this.ctx.fileName, line: this.line });
    }
  }

  take(): CslNative[] {
    const out = this.done;
    this.done = [];
    return out;
  }

  private fail(message: string): never {
    throw new LiteratureError('EXO_ERR_LIT_MALFORMED', `${where(this.ctx.fileName, this.line)}${message}`, { file: this.ctx.fileName, line: this.line });
  }

  private scan(): void {
    const buf = this.buffer;
    let i = this.pos;
    for (; i < buf.length; i++) {
      const ch = buf.charCodeAt(i);
      if (ch === 10) this.line++;
      if (this.isString) {
        if (this.isEscape) this.isEscape = false;
        else if (ch === 92) this.isEscape = true;
        else if (ch === 34) this.isString = false;
        continue;
      }
      if (ch === 32 || ch === 10 || ch === 13 || ch === 9) continue;
      if (this.isArray === undefined) {
        if (ch === 91) {
          this.isArray = true;
          continue;
        }
        if (ch !== 123) this.fail(`expected a CSL-JSON array "[" or an item "{", found "${buf[i]}"`);
        this.isArray = false;
      }
      if (this.isClosed) this.fail('unexpected text after the end of the JSON document');
      if (this.depth === 0) {
        if (ch === 44 && this.isArray) continue;
        if (ch === 93 && this.isArray) {
          this.isClosed = true;
          continue;
        }
        if (ch !== 123) this.fail(`expected an item "{" in the CSL-JSON array, found "${buf[i]}"`);
        this.itemStart = i;
        this.itemLine = this.line;
      }
      if (ch === 34) this.isString = true;
      else if (ch === 123 || ch === 91) this.depth++;
      else if (ch === 125 || ch === 93) {
        this.depth--;
        if (this.depth === 0) {
          this.finishItem(buf.slice(this.itemStart, i + 1));
          this.itemStart = -1;
          if (!this.isArray) this.isClosed = true;
        }
      }
    }
    const keepFrom = this.itemStart >= 0 ? this.itemStart : i;
    this.buffer = buf.slice(keepFrom);
    this.pos = i - keepFrom;
    if (this.itemStart >= 0) this.itemStart = 0;
  }

  private finishItem(text: string): void {
    let item: unknown;
    try {
      item = JSON.parse(text);
    } catch (error) {
      throw new LiteratureError(
        'EXO_ERR_LIT_MALFORMED',
        `${where(this.ctx.fileName, this.itemLine)}the item that begins here is not valid JSON: ${(error as Error).message}`,
        { file: this.ctx.fileName, line: this.itemLine },
      );
    }
    this.done.push({ line: this.itemLine, item: item as Record<string, unknown> });
  }
}
