import { emptyRecord, type CitationRecord } from '../../citation-record.js';
import { findIsbn } from '../../fields/identifiers.js';
import { applyTable, checkTitle } from '../../fields/table.js';
import { recordWarner, type Reader, type ReaderContext } from '../reader.js';
import { RIS_FIELDS } from './fields.js';
import { RisParser, type RisNative } from './records.js';

const BOOK_TYPES = new Set(['book', 'chapter']);

function toRecord(native: RisNative, id: string, ctx: ReaderContext): CitationRecord {
  const record = emptyRecord(id, { format: 'ris', line: native.line, fields: ctx.keepRaw ? native.entries.fields : {} });
  const warner = recordWarner(ctx, id, native.line);
  applyTable(RIS_FIELDS, native.entries.get, record, warner);
  if (BOOK_TYPES.has(record.type)) {
    const isbn = findIsbn(native.entries.get('SN'));
    if (isbn) {
      record.isbn = isbn;
      record.issn = [];
    }
  }
  if (native.entries.size === 1 && !native.entries.fields.TY![0]) {
    record.flags.push('empty-record');
    warner.warn('empty-record', 'the record has no fields at all (kept, flagged)');
  }
  checkTitle(record, warner);
  return record;
}

/** RIS, as written by Embase, Scopus, Ovid, Web of Science, ProQuest, EndNote, Zotero, Mendeley, Rayyan, Citavi. */
export const risReader: Reader<RisNative> = {
  format: 'ris',
  createParser: (ctx) => new RisParser(ctx),
  toRecord,
};
