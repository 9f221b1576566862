/**
 * Splits text that arrives in chunks into lines (LF, CRLF or lone CR), numbering them from 1.
 * Calls `onLine` synchronously for each complete line; `end()` flushes the last one.
 */
export class LineSplitter {
  private rest = '';
  private lineNo = 0;
  private isCrOnly: boolean | undefined;
  constructor(private readonly onLine: (line: string, lineNo: number) => void) {}

  push(text: string): void {
    if (this.isCrOnly === undefined) {
      const cr = text.indexOf('\r');
      if (cr >= 0 && cr < text.length - 1) this.isCrOnly = text.indexOf('\n') < 0;
      else if (text.indexOf('\n') >= 0) this.isCrOnly = false;
    }
    let buf = this.rest ? this.rest + text : text;
    if (this.isCrOnly) buf = buf.replace(/\r/g, '\n');
    let start = 0;
    const onLine = this.onLine;
    for (;;) {
      const nl = buf.indexOf('\n', start);
      if (nl < 0) break;
      const end = nl > start && buf.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      onLine(buf.slice(start, end), ++this.lineNo);
      start = nl + 1;
    }
    this.rest = start === 0 ? buf : buf.slice(start);
  }

  end(): void {
    if (this.rest) {
      const line = this.rest.endsWith('\r') ? this.rest.slice(0, -1) : this.rest;
      this.rest = '';
      this.onLine(line, ++this.lineNo);
    }
  }

  /** The number of the last line handed out. */
  get line(): number {
    return this.lineNo;
  }
}
