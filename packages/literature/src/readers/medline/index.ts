import { emptyRecord, type CitationRecord } from '../../citation-record.js';
import { applyTable, checkTitle } from '../../fields/table.js';
import { recordWarner, type Reader, type ReaderContext } from '../reader.js';
import { MEDLINE_FIELDS } from './fields.js';
import { MedlineParser, type MedlineNative } from './records.js';

function toRecord(native: MedlineNative, id: string, ctx: ReaderContext): CitationRecord {
  const record = emptyRecord(id, { format: 'medline', line: native.line, fields: ctx.keepRaw ? native.entries.fields : {} });
  const warner = recordWarner(ctx, id, native.line);
  applyTable(MEDLINE_FIELDS, native.entries.get, record, warner);
  if (native.entries.get('BTI')) record.type = native.entries.get('TI') ? 'chapter' : 'book';
  if (record.type !== 'article-journal') delete record.journal;
  // The DOI is the LID/AID marked [doi]; a [pii] that merely looks like a DOI comes after it.
  const doi = [...(native.entries.get('LID') ?? []), ...(native.entries.get('AID') ?? [])].find((v) => v.endsWith('[doi]'));
  if (doi) record.doi = doi.replace(/\s*\[doi\]$/, '').trim();
  record.sourceDatabase = 'PubMed';
  checkTitle(record, warner);
  return record;
}

/** MEDLINE / PubMed ".nbib" text (PubMed "Send to: Citation manager", "Format: PubMed"). */
export const medlineReader: Reader<MedlineNative> = {
  format: 'medline',
  createParser: (ctx) => new MedlineParser(ctx),
  toRecord,
};
