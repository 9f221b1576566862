import { LiteratureError, where } from '../../errors.js';
import type { NativeParser, ReaderContext } from '../reader.js';
import { parseEntry, type BibtexNative } from './entry.js';

const ENTRY_TYPES = ['article', 'book', 'booklet', 'inbook', 'incollection', 'inproceedings', 'conference', 'manual', 'mastersthesis', 'misc', 'phdthesis', 'proceedings', 'techreport', 'unpublished', 'online', 'thesis', 'report', 'string', 'comment', 'preamble'];
const ENTRY_START = new RegExp(String.raw`^@\s*(?:${ENTRY_TYPES.join('|')})\s*[{(]`, 'i');
/** The end of a file cut inside an entry's head: "@", "@arti", "@misc " (an e-mail address's "@host" is not). */
const CUT_HEAD = /^@\s*([A-Za-z]*)\s*$/;

/**
 * Stage 1 of BibTeX: finds each entry in the stream (from "@" to its balancing brace, tracking lines) and parses it;
 * text between entries is a comment, as in BibTeX itself.
 */
export class BibtexParser implements NativeParser<BibtexNative> {
  private buffer = '';
  /** Scan position in the buffer and state of the entry being scanned. */
  private pos = 0;
  private line = 1;
  private entryStart = -1;
  private entryLine = 0;
  private depth = 0;
  private isParen = false;
  private readonly macros = new Map<string, string>();
  private done: BibtexNative[] = [];

  constructor(private readonly ctx: ReaderContext) {}

  push(text: string): void {
    this.buffer += text;
    this.scan(false);
  }

  end(): void {
    this.scan(true);
    if (this.entryStart >= 0) {
      const head = this.buffer.slice(this.entryStart, this.entryStart + 60).split(/[,\n]/)[0];
      throw new LiteratureError(
        'EXO_ERR_LIT_TRUNCATED',
        `${where(this.ctx.fileName, this.line)}the file ends inside the entry ${head} that begins at line ${this.entryLine} (a closing brace is missing, or the file is truncated)`,
        { file: this.ctx.fileName, line: this.line },
      );
    }
  }

  take(): BibtexNative[] {
    const out = this.done;
    this.done = [];
    return out;
  }

  private scan(isFinal: boolean): void {
    const buf = this.buffer;
    let i = this.pos;
    for (; i < buf.length; i++) {
      const ch = buf.charCodeAt(i);
      if (ch === 10) {
        this.line++;
        if (this.entryStart >= 0 && buf.charCodeAt(i + 1) === 64 && ENTRY_START.test(buf.slice(i + 1, i + 40))) {
          const head = buf.slice(this.entryStart, this.entryStart + 60).split(/[,\n]/)[0];
          throw new LiteratureError(
            'EXO_ERR_LIT_MALFORMED',
            `${where(this.ctx.fileName, this.line)}a new entry starts before the entry ${head} of line ${this.entryLine} was closed (expected "}")`,
            { file: this.ctx.fileName, line: this.line },
          );
        }
        continue;
      }
      if (this.entryStart < 0) {
        if (ch !== 64) continue;
        const head = buf.slice(i, i + 120);
        if (/^@\s*[A-Za-z_-]+\s*[{(]/.test(head)) {
          this.entryStart = i;
          this.entryLine = this.line;
          this.depth = 0;
          this.isParen = false;
        } else if (!isFinal && head.length < 120 && /^@\s*[A-Za-z_-]*\s*$/.test(head)) {
          break; // the entry head may continue in the next chunk
        } else if (isFinal) {
          const cut = CUT_HEAD.exec(head);
          const type = cut?.[1]!.toLowerCase();
          if (type !== undefined && ENTRY_TYPES.some((t) => t.startsWith(type))) {
            throw new LiteratureError('EXO_ERR_LIT_TRUNCATED', `${where(this.ctx.fileName, this.line)}the file ends inside the head of an entry, "${head.trim()}" (truncated?)`, { file: this.ctx.fileName, line: this.line });
          }
        }
        continue;
      }
      if (ch === 92) {
        i++;
        if (buf.charCodeAt(i) === 10) this.line++;
      } else if (ch === 123) this.depth++;
      else if (ch === 40 && this.depth === 0 && !this.isParen) {
        this.isParen = true;
        this.depth++;
      } else if (ch === 125 || (ch === 41 && this.isParen && this.depth === 1)) {
        this.depth--;
        if (this.depth === 0) this.finishEntry(i + 1);
      }
    }
    // Keep only what is still needed: the open entry, or the unfinished head at the end.
    const keepFrom = this.entryStart >= 0 ? this.entryStart : i;
    this.buffer = buf.slice(keepFrom);
    this.pos = i - keepFrom;
    if (this.entryStart >= 0) this.entryStart = 0;
  }

  private finishEntry(end: number): void {
    const text = this.buffer.slice(this.entryStart, end);
    this.entryStart = -1;
    const entry = parseEntry(text, this.entryLine, this.macros, this.ctx.fileName);
    if (entry) this.done.push(entry);
  }
}
