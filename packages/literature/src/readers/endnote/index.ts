import { emptyRecord, type CitationRecord } from '../../citation-record.js';
import { parseDate } from '../../fields/date.js';
import { applyTable, checkTitle } from '../../fields/table.js';
import { recordWarner, type Reader, type ReaderContext } from '../reader.js';
import { ENDNOTE_FIELDS } from './fields.js';
import { EndnoteParser, type EndnoteNative } from './records.js';

function toRecord(native: EndnoteNative, id: string, ctx: ReaderContext): CitationRecord {
  const record = emptyRecord(id, { format: 'endnote', line: native.line, fields: ctx.keepRaw ? native.entries.fields : {} });
  const warner = recordWarner(ctx, id, native.line);
  applyTable(ENDNOTE_FIELDS, native.entries.get, record, warner);
  // %8 often holds the month and day of the %D year ("Mar 7").
  const monthDay = native.entries.get('%8')?.[0];
  if (record.year !== undefined && record.date === String(record.year) && monthDay && !/\d{4}/.test(monthDay)) {
    const precise = parseDate(`${record.year} ${monthDay}`);
    if (precise) record.date = precise.date;
  }
  // %@ holds an ISSN for articles and an ISBN for books: keep only the one that fits.
  if (record.type === 'book' || record.type === 'chapter') record.issn = [];
  else delete record.isbn;
  checkTitle(record, warner);
  return record;
}

/** EndNote tagged (.enw) / Refer. */
export const endnoteReader: Reader<EndnoteNative> = {
  format: 'endnote',
  createParser: (ctx) => new EndnoteParser(ctx),
  toRecord,
};
