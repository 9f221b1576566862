import { OUTPUT_FORMATS, type CitationRecord, type OutputFormat } from '../citation-record.js';
import { LiteratureError } from '../errors.js';
import { bibtexWriter } from './bibtex.js';
import { cslJsonWriter } from './csl-json.js';
import { csvWriter } from './csv.js';
import { risWriter } from './ris.js';
import type { CitationWriter } from './writer.js';

const WRITERS: Readonly<Record<OutputFormat, () => CitationWriter>> = {
  ris: risWriter,
  bibtex: bibtexWriter,
  'csl-json': cslJsonWriter,
  csv: csvWriter,
};

/** A streaming writer for a format (begin, one write per record, end). */
export function createWriter(format: OutputFormat): CitationWriter {
  const make = WRITERS[format];
  if (!make) {
    throw new LiteratureError('EXO_ERR_LIT_BAD_OPTION', `unknown output format "${String(format)}" (expected one of ${OUTPUT_FORMATS.join(', ')})`, { field: 'format' });
  }
  return make();
}

/** Every record in one format, as one string. */
export function writeCitations(records: Iterable<CitationRecord>, format: OutputFormat): string {
  const writer = createWriter(format);
  const parts = [writer.begin()];
  let i = 0;
  for (const record of records) parts.push(writer.write(record, i++));
  parts.push(writer.end());
  return parts.join('');
}
