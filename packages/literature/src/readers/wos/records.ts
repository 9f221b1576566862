import { LiteratureError, where } from '../../errors.js';
import { TaggedEntries } from '../reader.js';
import { LineRecordParser } from '../line-record-parser.js';

/** A Web of Science record: its tags (every continuation line a value of its own) and the line of its PT. */
export interface WosNative {
  line: number;
  entries: TaggedEntries;
}

/** "AU Alceste, F": a two-character tag, a space, the value; "   Luke, TJ": a further value of the same tag. */
const TAG_LINE = /^([A-Z][A-Z0-9])(?: (.*))?$/;

/**
 * Stage 1 of the Web of Science plain-text export (savedrecs.txt: "FN Clarivate Analytics Web of Science", "VR 1.0",
 * records from PT to ER, "EF" at the end). Continuation lines (three spaces) are kept as separate values: one author,
 * one cited reference per line; the field table joins them where a value was merely wrapped (titles, abstracts).
 */
export class WosParser extends LineRecordParser<WosNative> {
  override end(): void {
    this.lines.end();
    if (this.current) {
      throw new LiteratureError(
        'EXO_ERR_LIT_TRUNCATED',
        `${where(this.ctx.fileName, this.lines.line)}the file ends inside the record that begins at line ${this.current.line} (expected "ER"; truncated?)`,
        { file: this.ctx.fileName, line: this.lines.line },
      );
    }
  }

  protected onLine(line: string, lineNo: number): void {
    if (line.trim() === '') return;
    if (line.startsWith('   ')) {
      if (this.current) this.current.entries.add(this.current.entries.order[this.current.entries.order.length - 1]!, line.trim());
      return;
    }
    const m = TAG_LINE.exec(line);
    if (!m) {
      throw new LiteratureError('EXO_ERR_LIT_MALFORMED', `${where(this.ctx.fileName, lineNo)}expected a Web of Science tag line ("TI title") or an indented continuation, found "${line.slice(0, 40)}"`, { file: this.ctx.fileName, line: lineNo });
    }
    const tag = m[1]!;
    const value = (m[2] ?? '').trim();
    if (tag === 'PT') {
      this.current = { line: lineNo, entries: new TaggedEntries() };
      this.current.entries.add(tag, value);
    } else if (tag === 'ER') {
      this.close();
    } else if (this.current) this.current.entries.add(tag, value);
    // FN, VR and EF lie outside records.
  }
}
