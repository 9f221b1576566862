import { LiteratureError, where } from '../../errors.js';
import { TaggedEntries } from '../reader.js';
import { LineRecordParser } from '../line-record-parser.js';

/** A MEDLINE (PubMed "nbib") record: its tags in order and the line of its PMID. */
export interface MedlineNative {
  line: number;
  entries: TaggedEntries;
}

/** "PMID- 28441597", "AU  - Neilen AD", "FAU - Neilen, Amanda D": a tag of up to four characters padded to four, "- ". */
const TAG_LINE = /^([A-Z][A-Z0-9]{0,3}) {0,3}- ?(.*)$/;

/**
 * Stage 1 of MEDLINE: lines → records. Records are separated by blank lines (and start with PMID); values continue
 * on lines indented by spaces.
 */
export class MedlineParser extends LineRecordParser<MedlineNative> {
  /** MEDLINE has no end-of-record tag, so truncation shows in how the file ends: see end(). */
  private endsWithLineBreak = true;
  private lastTag: string | undefined;
  private closedRecords = 0;
  private closedWithSource = 0;

  override push(text: string): void {
    if (text.length > 0) this.endsWithLineBreak = /[\r\n]$/.test(text);
    super.push(text);
  }

  /**
   * A file that ends inside a record is truncated when its last line has no line break (PubMed ends every line,
   * the last included), or when every earlier record ends with PubMed's closing SO (source) line and this one
   * does not: it was cut between lines.
   */
  override end(): void {
    this.lines.end();
    if (this.current) {
      const isCutMidLine = !this.endsWithLineBreak && this.lastTag !== 'SO';
      const isCutBetweenLines = this.closedRecords > 0 && this.closedWithSource === this.closedRecords && this.lastTag !== 'SO';
      if (isCutMidLine || isCutBetweenLines) {
        throw new LiteratureError(
          'EXO_ERR_LIT_TRUNCATED',
          `${where(this.ctx.fileName, this.lines.line)}the file ends inside the record that begins at line ${this.current.line} (${isCutMidLine ? 'in the middle of a line' : 'expected its "SO  - " line'}; truncated?)`,
          { file: this.ctx.fileName, line: this.lines.line },
        );
      }
    }
    this.close();
  }

  protected override close(): void {
    if (this.current) {
      this.closedRecords += 1;
      if (this.lastTag === 'SO') this.closedWithSource += 1;
    }
    this.lastTag = undefined;
    super.close();
  }

  protected onLine(line: string, lineNo: number): void {
    if (line.trim() === '') {
      this.close();
      return;
    }
    const first = line.charCodeAt(0);
    if (first === 32 || first === 9) {
      if (!this.current) {
        throw new LiteratureError('EXO_ERR_LIT_MALFORMED', `${where(this.ctx.fileName, lineNo)}an indented continuation line outside any record (expected "PMID- " to start a record)`, { file: this.ctx.fileName, line: lineNo });
      }
      this.current.entries.continueLast(line.trim(), ' ');
      return;
    }
    const m = TAG_LINE.exec(line);
    if (!m) {
      throw new LiteratureError(
        'EXO_ERR_LIT_MALFORMED',
        `${where(this.ctx.fileName, lineNo)}expected a MEDLINE tag line ("TAG - value") or an indented continuation, found "${line.slice(0, 40)}"`,
        { file: this.ctx.fileName, line: lineNo },
      );
    }
    const tag = m[1]!;
    if (tag === 'PMID' && this.current && this.current.entries.get('PMID')) this.close();
    if (!this.current) this.current = { line: lineNo, entries: new TaggedEntries() };
    this.current.entries.add(tag, m[2]!.trimEnd());
    this.lastTag = tag;
  }
}
