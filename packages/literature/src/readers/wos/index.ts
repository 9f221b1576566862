import { emptyRecord, type CitationRecord } from '../../citation-record.js';
import { applyTable, checkTitle } from '../../fields/table.js';
import { recordWarner, type Reader, type ReaderContext } from '../reader.js';
import { WOS_FIELDS, WRAPPED_TAGS } from './fields.js';
import { WosParser, type WosNative } from './records.js';

function toRecord(native: WosNative, id: string, ctx: ReaderContext): CitationRecord {
  const fields: Record<string, string[]> = {};
  for (const [tag, values] of Object.entries(native.entries.fields)) fields[tag] = WRAPPED_TAGS.has(tag) ? [values.join(' ')] : values;
  const record = emptyRecord(id, { format: 'wos', line: native.line, fields: ctx.keepRaw ? fields : {} });
  const warner = recordWarner(ctx, id, native.line);
  applyTable(WOS_FIELDS, (key) => fields[key], record, warner);
  record.sourceDatabase = 'Web of Science';
  checkTitle(record, warner);
  return record;
}

/** The Web of Science plain-text export ("savedrecs.txt", Other File Formats → Plain text). */
export const wosReader: Reader<WosNative> = {
  format: 'wos',
  createParser: (ctx) => new WosParser(ctx),
  toRecord,
};
