import { emptyRecord, type CitationRecord } from '../../citation-record.js';
import { applyTable, checkTitle } from '../../fields/table.js';
import { recordWarner, type Reader, type ReaderContext } from '../reader.js';
import { CSV_FIELDS } from './fields.js';
import { CsvParser, type CsvNative } from './records.js';

function toRecord(format: 'csv' | 'tsv') {
  return (native: CsvNative, id: string, ctx: ReaderContext): CitationRecord => {
    const record = emptyRecord(id, { format, line: native.line, fields: native.byColumn });
    const warner = recordWarner(ctx, id, native.line);
    const get = (key: string): string[] | undefined => {
      const value = native.byKey.get(key);
      return value === undefined ? undefined : [value];
    };
    applyTable(CSV_FIELDS, get, record, warner);
    checkTitle(record, warner);
    return record;
  };
}

/** CSV with a header row (comma or semicolon), as screening tools and database exports write it. */
export const csvReader: Reader<CsvNative> = {
  format: 'csv',
  createParser: (ctx) => new CsvParser(ctx),
  toRecord: toRecord('csv'),
};

/** Tab-separated values with a header row (Web of Science "tab-delimited", spreadsheets). */
export const tsvReader: Reader<CsvNative> = {
  format: 'tsv',
  createParser: (ctx) => new CsvParser(ctx, '\t'),
  toRecord: toRecord('tsv'),
};
