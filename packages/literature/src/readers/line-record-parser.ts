import { LineSplitter } from '../text/lines.js';
import type { NativeParser, ReaderContext } from './reader.js';

/**
 * Stage 1 of the line-tagged formats (MEDLINE, EndNote, Web of Science): text → lines → records. Subclasses say what
 * a line means; this keeps the record being built and hands on the finished ones.
 */
export abstract class LineRecordParser<N> implements NativeParser<N> {
  protected readonly lines: LineSplitter;
  protected current: N | undefined;
  private done: N[] = [];

  constructor(protected readonly ctx: ReaderContext) {
    this.lines = new LineSplitter((line, lineNo) => this.onLine(line, lineNo));
  }

  push(text: string): void {
    this.lines.push(text);
  }

  end(): void {
    this.lines.end();
    this.close();
  }

  take(): N[] {
    const out = this.done;
    this.done = [];
    return out;
  }

  /** The record being built is complete. */
  protected close(): void {
    if (this.current !== undefined) this.done.push(this.current);
    this.current = undefined;
  }

  protected abstract onLine(line: string, lineNo: number): void;
}
