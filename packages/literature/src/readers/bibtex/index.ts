import { emptyRecord, type CitationRecord } from '../../citation-record.js';
import { applyTable, checkTitle } from '../../fields/table.js';
import { recordWarner, type Reader, type ReaderContext } from '../reader.js';
import { MONTH_MACROS, type BibtexNative } from './entry.js';
import { BIBTEX_FIELDS } from './fields.js';
import { decodeLatex } from './latex.js';
import { parseBibtexNames } from './names.js';
import { BibtexParser } from './records.js';

function toRecord(native: BibtexNative, id: string, ctx: ReaderContext): CitationRecord {
  const fields: Record<string, string[]> = { '@type': [native.type], '@key': [native.key] };
  for (const [name, value] of native.fields) fields[name] = value.split('\u0001').map(decodeLatex);
  const record = emptyRecord(id, { format: 'bibtex', line: native.line, fields: ctx.keepRaw ? fields : {} });
  const warner = recordWarner(ctx, id, native.line);
  applyTable(BIBTEX_FIELDS, (key) => fields[key], record, warner);
  // Page "--" became an en dash when decoded; the art_number stands in for pages only when there are none.
  if (record.pages) record.pages = record.pages.replace(/\s*[–—]\s*/g, '-');
  const authors = parseBibtexNames(native.fields.get('author')?.split('\u0001')[0]);
  if (authors.length > 0) record.authors = authors;
  else {
    const editors = parseBibtexNames(native.fields.get('editor'));
    if (editors.length > 0) record.authors = editors;
  }
  const month = native.fields.get('month')?.trim().toLowerCase();
  if (record.year !== undefined && record.date === String(record.year) && month) {
    const mm = MONTH_MACROS[month.slice(0, 3)] ?? (/^\d{1,2}$/.test(month) ? month.padStart(2, '0') : undefined);
    if (mm && Number(mm) >= 1 && Number(mm) <= 12) record.date = `${record.year}-${mm}`;
  }
  checkTitle(record, warner);
  return record;
}

/** BibTeX and BibLaTeX (.bib), as written by Scopus, Google Scholar, Zotero, Mendeley, JabRef. */
export const bibtexReader: Reader<BibtexNative> = {
  format: 'bibtex',
  createParser: (ctx) => new BibtexParser(ctx),
  toRecord,
};
