import { sniffDelimiter } from '@exoatlas/core';
import type { CitationFormat } from './citation-record.js';
import { mapColumns } from './readers/csv/columns.js';

/** File extensions, used only when the content does not decide. */
const EXTENSIONS: Readonly<Record<string, CitationFormat>> = {
  ris: 'ris', enw: 'endnote', nbib: 'medline', medline: 'medline', bib: 'bibtex', bibtex: 'bibtex', xml: 'pubmed-xml',
  json: 'csl-json', csl: 'csl-json', csv: 'csv', tsv: 'tsv', tab: 'tsv',
};

/** Content signatures, in order: each format's unmistakable first lines. */
const SIGNATURES: ReadonlyArray<[CitationFormat, (text: string) => boolean]> = [
  ['pubmed-xml', (t) => t.startsWith('<') && /<(?:!DOCTYPE\s+)?Pubmed(?:Book)?Article(?:Set)?[\s>]/.test(t)],
  ['csl-json', (t) => /^[[{]/.test(t) && /"(?:type|title|author|issued|DOI|container-title)"\s*:/.test(t)],
  ['wos', (t) => /^(?:FN (?:Clarivate|Thomson|ISI)|VR 1\.0)/.test(t) || (/^PT [A-Z]\r?$/m.test(t) && /^ER\r?$/m.test(t) && /^(?:AU|TI|SO) /m.test(t))],
  ['endnote', (t) => /^%0 /m.test(t) && /^%[A-Z0-9@!~] /m.test(t)],
  ['medline', (t) => /^PMID- ?\d/.test(t) || (/^PMID- ?\d/m.test(t) && /^(?:TI|AU|FAU|DP) {0,2}- /m.test(t))],
  ['ris', (t) => /^TY {1,2}- /m.test(t) && /^(?:ER {1,2}-|[A-Z][A-Z0-9] {2}- )/m.test(t)],
  ['bibtex', (t) => /^\s*@\s*[A-Za-z]+\s*[{(]\s*[^\s,={}]*\s*,/m.test(t)],
];

function extensionOf(fileName: string | undefined): string | undefined {
  const m = /\.([A-Za-z0-9]+)$/.exec(fileName ?? '');
  return m ? m[1]!.toLowerCase() : undefined;
}

/** A delimited header row that names bibliographic columns → csv or tsv. */
function detectDelimited(text: string): CitationFormat | undefined {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = sniffDelimiter(firstLine);
  const header = firstLine.split(delimiter).map((s) => s.replace(/^"|"$/g, '').trim());
  if (header.length < 2) return undefined;
  const columns = mapColumns(header);
  if (!columns.has('title') && !columns.has('abstract') && !columns.has('doi') && !columns.has('pmid')) return undefined;
  return delimiter === '\t' ? 'tsv' : 'csv';
}

/**
 * The format of a bibliographic file, by its content (the first few kilobytes are enough); the file name's extension
 * only breaks ties. Undefined when neither says.
 */
export function detectFormat(sample: string | Uint8Array, fileName?: string): CitationFormat | undefined {
  let text = typeof sample === 'string' ? sample.slice(0, 65536) : new TextDecoder('utf-8').decode(sample.subarray(0, 65536));
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/^\s+/, '');
  if (text === '') return undefined;
  for (const [format, matches] of SIGNATURES) if (matches(text)) return format;
  const delimited = detectDelimited(text);
  if (delimited) return delimited;
  const ext = extensionOf(fileName);
  return ext ? EXTENSIONS[ext] : undefined;
}
