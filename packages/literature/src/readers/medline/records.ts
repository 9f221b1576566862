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
  }
}
