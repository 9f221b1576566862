import type { CitationFormat } from '../citation-record.js';
import { bibtexReader } from './bibtex/index.js';
import { cslJsonReader } from './csl-json/index.js';
import { csvReader, tsvReader } from './csv/index.js';
import { medlineReader } from './medline/index.js';
import { pubmedXmlReader } from './pubmed-xml/index.js';
import type { Reader } from './reader.js';
import { risReader } from './ris/index.js';
import { endnoteReader } from './endnote/index.js';
import { wosReader } from './wos/index.js';

/** Every reader, by format. */
export const READERS: Readonly<Record<CitationFormat, Reader<unknown>>> = {
  'pubmed-xml': pubmedXmlReader as Reader<unknown>,
  medline: medlineReader as Reader<unknown>,
  ris: risReader as Reader<unknown>,
  bibtex: bibtexReader as Reader<unknown>,
  csv: csvReader as Reader<unknown>,
  tsv: tsvReader as Reader<unknown>,
  'csl-json': cslJsonReader as Reader<unknown>,
  wos: wosReader as Reader<unknown>,
  endnote: endnoteReader as Reader<unknown>,
};
