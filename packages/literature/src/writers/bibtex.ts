import type { CitationAuthor, CitationRecord } from '../citation-record.js';
import { CSL_TO_BIBTEX } from '../fields/types.js';
import type { CitationWriter } from './writer.js';

/** Escapes the characters that are special in BibTeX values; keeps Unicode as is (UTF-8 .bib files). */
export function escapeBibtex(text: string): string {
  return text
    .replace(/\\/g, '\\textbackslash{}')
    .replace(/([{}&%$#_])/g, '\\$1')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}')
    .replace(/\s*[\r\n]+\s*/g, ' ');
}

function name(a: CitationAuthor): string {
  if (a.literal) return `{${escapeBibtex(a.literal)}}`;
  const family = escapeBibtex(a.family ?? '');
  return a.given ? `${/\s/.test(family) ? `{${family}}` : family}, ${escapeBibtex(a.given)}` : family;
}

/** A citation key: first author's family name + year + first title word, ASCII, made unique with a letter suffix. */
function makeKey(r: CitationRecord, used: Map<string, number>): string {
  const first = r.authors[0];
  const who = (first?.family ?? first?.literal ?? 'anon').normalize('NFKD').replace(/[^A-Za-z]/g, '').slice(0, 20) || 'anon';
  const word = (r.title ?? '').normalize('NFKD').split(/\s+/).map((w) => w.replace(/[^A-Za-z]/g, '')).find((w) => w.length > 3) ?? '';
  const base = `${who.toLowerCase()}${r.year ?? ''}${word.toLowerCase()}`;
  const n = used.get(base) ?? 0;
  used.set(base, n + 1);
  return n === 0 ? base : `${base}${String.fromCharCode(96 + Math.min(n, 26))}${n > 26 ? n : ''}`;
}

/** BibTeX entries (@article, @book, …) with LaTeX-escaped values and generated citation keys. */
export function bibtexWriter(): CitationWriter {
  const used = new Map<string, number>();
  return {
    begin: () => '',
    end: () => '',
    write(r: CitationRecord): string {
      const fields: Array<[string, string | number | undefined]> = [
        ['title', r.title],
        ['author', r.authors.length > 0 ? r.authors.map(name).join(' and ') : undefined],
        [r.type === 'article-journal' || !CSL_TO_BIBTEX[r.type] ? 'journal' : 'booktitle', r.journal],
        ['year', r.year],
        ['month', r.date && r.date.length >= 7 ? Number(r.date.slice(5, 7)) : undefined],
        ['volume', r.volume],
        ['number', r.issue],
        ['pages', r.pages?.replace('-', '--')],
        ['doi', r.doi],
        ['pmid', r.pmid],
        ['pmcid', r.pmcid],
        ['issn', r.issn.length > 0 ? r.issn.join(', ') : undefined],
        ['isbn', r.isbn],
        ['publisher', r.publisher],
        ['abstract', r.abstract],
        ['keywords', r.keywords.length > 0 ? r.keywords.join('; ') : undefined],
        ['mesh', r.meshTerms.length > 0 ? r.meshTerms.join('; ') : undefined],
        ['language', r.language],
        ['url', r.url],
        ['source', r.sourceDatabase],
        ['note', r.notes.length > 0 ? r.notes.join('; ') : undefined],
      ];
      const body = fields
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => (k === 'author' ? `  ${k} = {${v}}` : `  ${k} = {${typeof v === 'number' ? v : k === 'url' || k === 'doi' ? v!.replace(/[{}]/g, '') : escapeBibtex(v!)}}`))
        .join(',\n');
      const key = r.sourceId && /^[A-Za-z][\w:.-]*$/.test(r.sourceId) && r.raw.format === 'bibtex' ? r.sourceId : makeKey(r, used);
      return `@${CSL_TO_BIBTEX[r.type] ?? 'misc'}{${key},\n${body}\n}\n\n`;
    },
  };
}
