import { LiteratureError, where } from '../../errors.js';
import { TaggedEntries } from '../reader.js';
import { LineRecordParser } from '../line-record-parser.js';

/** An EndNote / Refer tagged record ("%0 Journal Article", "%T …", "%A …"), with the line of its first tag. */
export interface EndnoteNative {
  line: number;
  entries: TaggedEntries;
}

/**
 * Stage 1 of EndNote's tagged format (.enw, the "Refer" family: EndNote, Google Scholar, many publishers): "%X value"
 * lines, records separated by blank lines; a line without a tag continues the previous value.
 */
export class EndnoteParser extends LineRecordParser<EndnoteNative> {
  protected onLine(line: string, lineNo: number): void {
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
