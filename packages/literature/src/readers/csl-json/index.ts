import { emptyRecord, type CitationAuthor, type CitationRecord } from '../../citation-record.js';
import { cleanText } from '../../fields/text.js';
import { applyTable, checkTitle } from '../../fields/table.js';
import { recordWarner, type Reader, type ReaderContext } from '../reader.js';
import { CSL_FIELDS } from './fields.js';
import { CslJsonParser, type CslNative } from './records.js';

/** A CSL date as text: date-parts [[2019, 10, 15]] → "2019-10-15", else its raw/literal form. */
function dateText(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (!value || typeof value !== 'object') return undefined;
  const date = value as { 'date-parts'?: unknown[][]; raw?: string; literal?: string };
  const parts = date['date-parts']?.[0];
  if (Array.isArray(parts) && parts.length > 0 && parts[0] !== undefined && parts[0] !== null && String(parts[0]) !== '') {
    return parts.map((p) => String(p).padStart(2, '0')).join('-');
  }
  return date.raw ?? date.literal;
}

/** Every CSL variable as strings: dates as ISO text, lists and numbers as text, names left out. */
function flattenItem(item: Record<string, unknown>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(item)) {
    if (value === null || value === undefined) continue;
    if (key === 'issued' || key.endsWith('-date') || key === 'accessed') {
      const text = dateText(value);
      if (text) out[key] = [text];
    } else if (Array.isArray(value)) {
      out[key] = value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
    } else out[key] = [typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value)];
  }
  return out;
}

function toAuthors(value: unknown): CitationAuthor[] {
  if (!Array.isArray(value)) return [];
  const out: CitationAuthor[] = [];
  for (const name of value) {
    if (!name || typeof name !== 'object') continue;
    const n = name as Record<string, unknown>;
    const family = cleanText([n['non-dropping-particle'], n.family].filter((v) => typeof v === 'string').join(' '));
    const given = cleanText([n.given, n['dropping-particle']].filter((v) => typeof v === 'string').join(' '));
    const literal = typeof n.literal === 'string' ? cleanText(n.literal) : undefined;
    if (literal) out.push({ literal });
    else if (family || given) out.push(given ? { family: family ?? given, given } : { family: family! });
  }
  return out;
}

function toRecord(native: CslNative, id: string, ctx: ReaderContext): CitationRecord {
  const fields = flattenItem(native.item);
  const record = emptyRecord(id, { format: 'csl-json', line: native.line, fields: ctx.keepRaw ? fields : {} });
  const warner = recordWarner(ctx, id, native.line);
  applyTable(CSL_FIELDS, (key) => fields[key], record, warner);
  const type = native.item.type;
  record.type = typeof type === 'string' && type ? type : 'document';
  record.authors = toAuthors(native.item.author);
  if (record.authors.length === 0) record.authors = toAuthors(native.item.editor);
  checkTitle(record, warner);
  return record;
}

/** CSL-JSON (Zotero, Mendeley, citation.js, pandoc, Crossref's "citeproc-json"). */
export const cslJsonReader: Reader<CslNative> = {
  format: 'csl-json',
  createParser: (ctx) => new CslJsonParser(ctx),
  toRecord,
};
