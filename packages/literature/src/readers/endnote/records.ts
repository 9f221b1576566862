import { LiteratureError, where } from '../../errors.js';
import { LineSplitter } from '../../text/lines.js';
import { TaggedEntries, type NativeParser, type ReaderContext } from '../reader.js';

/** An EndNote / Refer tagged record ("%0 Journal Article", "%T …", "%A …"), with the line of its first tag. */
export interface EndnoteNative {
  line: number;
  entries: TaggedEntries;
}

/**
 * Stage 1 of EndNote's tagged format (.enw, the "Refer" family: EndNote, Google Scholar, many publishers): "%X value"
 * lines, records separated by blank lines; a line without a tag continues the previous value.
 */
export class EndnoteParser implements NativeParser<EndnoteNative> {
  private readonly lines: LineSplitter;
  private current: EndnoteNative | undefined;
  private done: EndnoteNative[] = [];

  constructor(private readonly ctx: ReaderContext) {
    this.lines = new LineSplitter((line, lineNo) => this.onLine(line, lineNo));
  }

  push(text: string): void {
    this.lines.push(text);
  }

  end(): void {
    this.lines.end();
    this.close();
  }

  take(): EndnoteNative[] {
    const out = this.done;
    this.done = [];
    return out;
  }

  private close(): void {
    if (this.current) this.done.push(this.current);
    this.current = undefined;
  }

  private onLine(line: string, lineNo: number): void {
    if (line.trim() === '') {
      this.close();
      return;
    }
    if (line.charCodeAt(0) === 37 && line.length >= 2 && (line.length === 2 || line.charCodeAt(2) === 32)) {
      const tag = line.slice(0, 2);
      if (tag === '%0') this.close();
      this.current ??= { line: lineNo, entries: new TaggedEntries() };
      this.current.entries.add(tag, line.slice(3).trim());
      return;
    }
    if (!this.current) {
      throw new LiteratureError('EXO_ERR_LIT_MALFORMED', `${where(this.ctx.fileName, lineNo)}expected an EndNote tag line ("%T title"), found "${line.slice(0, 40)}"`, { file: this.ctx.fileName, line: lineNo });
    }
    this.current.entries.continueLast(line.trim(), '\n');
  }
}
