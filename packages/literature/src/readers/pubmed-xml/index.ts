import { emptyRecord, type CitationRecord } from '../../citation-record.js';
import { applyTable, checkTitle } from '../../fields/table.js';
import { recordWarner, type Reader, type ReaderContext } from '../reader.js';
import { PUBMED_XML_FIELDS } from './fields.js';
import { PubmedXmlParser, type PubmedNative } from './records.js';

function toRecord(native: PubmedNative, id: string, ctx: ReaderContext): CitationRecord {
  const { fields } = native;
  const record = emptyRecord(id, { format: 'pubmed-xml', line: native.line, fields: ctx.keepRaw ? fields : {} });
  const warner = recordWarner(ctx, id, native.line);
  applyTable(PUBMED_XML_FIELDS, (key) => fields[key], record, warner);
  if (native.name === 'PubmedBookArticle') record.type = fields['BookDocument/ArticleTitle'] ? 'chapter' : 'book';
  record.sourceDatabase = 'PubMed';
  checkTitle(record, warner);
  return record;
}

/** PubMed XML: E-utilities efetch results and the MEDLINE/PubMed baseline and update files. */
export const pubmedXmlReader: Reader<PubmedNative> = {
  format: 'pubmed-xml',
  createParser: (ctx) => new PubmedXmlParser(ctx),
  toRecord,
};
