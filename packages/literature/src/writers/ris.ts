import { formatAuthor, type CitationRecord } from '../citation-record.js';
import { CSL_TO_RIS } from '../fields/types.js';
import type { CitationWriter } from './writer.js';

function line(tag: string, value: string | number | undefined): string {
  if (value === undefined || value === '') return '';
  // A value may not span lines in RIS: fold line breaks into spaces.
  return `${tag}  - ${String(value).replace(/\s*[\r\n]+\s*/g, ' ')}\r\n`;
}

/** "2019-10-15" → "2019/10/15/" (the RIS date form). */
function risDate(date: string | undefined): string | undefined {
  if (!date) return undefined;
  const [y, m = '', d = ''] = date.split('-');
  return `${y}/${m}/${d}/`;
}

/** RIS, one record per TY…ER block, CRLF line ends as the specification asks; the type from the CSL type. */
export function risWriter(): CitationWriter {
  return {
    begin: () => '',
    end: () => '',
    write(r: CitationRecord): string {
      let out = line('TY', CSL_TO_RIS[r.type] ?? 'GEN');
      out += line('TI', r.title);
      for (const a of r.authors) out += line('AU', formatAuthor(a));
      out += line('PY', r.year);
      if (r.date && r.date.length > 4) out += line('DA', risDate(r.date));
      out += line('T2', r.journal);
      out += line('J2', r.journalAbbrev);
      out += line('VL', r.volume);
      out += line('IS', r.issue);
      if (r.pages) {
        const [start, end] = r.pages.split('-');
        out += line('SP', start);
        out += line('EP', end);
      }
      out += line('DO', r.doi);
      out += line('AN', r.pmid);
      out += line('C2', r.pmcid);
      for (const issn of r.issn) out += line('SN', issn);
      out += line('SN', r.isbn);
      out += line('AB', r.abstract);
      for (const k of r.keywords) out += line('KW', k);
      for (const k of r.meshTerms) out += line('KW', k);
      for (const t of r.publicationTypes) out += line('M3', t);
      out += line('LA', r.language);
      out += line('PB', r.publisher);
      out += line('UR', r.url);
      out += line('DB', r.sourceDatabase);
      out += line('ID', r.sourceId);
      for (const n of r.notes) out += line('N1', n);
      if (r.label !== undefined) out += line('N1', r.label === 1 ? 'ASReview_relevant' : 'ASReview_irrelevant');
      return `${out}ER  - \r\n\r\n`;
    },
  };
}
