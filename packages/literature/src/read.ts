import { CITATION_FORMATS, type CitationFormat, type CitationRecord } from './citation-record.js';
import { detectFormat } from './detect-format.js';
import { LiteratureError, where, type LiteratureWarning, type WarningCode } from './errors.js';
import { READERS } from './readers/index.js';
import type { ReaderContext } from './readers/reader.js';
import { decodeChunks, type TextEncoding } from './text/decode.js';
import { baseName, chunksOf, type CitationInput } from './text/input.js';

export interface ReadOptions {
  /** The file's name: used in messages, in record ids and to break ties in format detection. */
  fileName?: string;
  /** Skip detection and read as this format. */
  format?: CitationFormat;
  /** Force a text encoding (default: BOM, else UTF-8 with a Windows-1252 fallback). */
  encoding?: TextEncoding;
  /** Keep every native field in `record.raw.fields` (default true). */
  keepRaw?: boolean;
  /** Record ids are `<idPrefix>#<n>`; default the file's base name, else the format. */
  idPrefix?: string;
  /** Also hand each warning here as it happens. */
  onWarning?: (warning: LiteratureWarning) => void;
}

export interface ReadResult {
  format: CitationFormat;
  records: CitationRecord[];
  warnings: LiteratureWarning[];
}

/** Warnings of one kind kept in full; beyond that they are counted in one closing warning. */
const MAX_WARNINGS_PER_CODE = 200;
const SAMPLE_SIZE = 65536;

/**
 * Records read one at a time from a file of any size: memory holds the record being read, not the file.
 * `format` is known once iteration has started; `warnings` fill up as it goes.
 */
export class CitationStream implements AsyncIterable<CitationRecord> {
  format: CitationFormat | undefined;
  readonly warnings: LiteratureWarning[] = [];
  recordCount = 0;
  private readonly counts = new Map<WarningCode, number>();

  constructor(
    private readonly input: CitationInput,
    private readonly options: ReadOptions = {},
  ) {
    if (options.format !== undefined && !CITATION_FORMATS.includes(options.format)) {
      throw new LiteratureError('EXO_ERR_LIT_BAD_OPTION', `unknown input format "${String(options.format)}" (expected one of ${CITATION_FORMATS.join(', ')})`, { field: 'format' });
    }
  }

  private warn = (warning: LiteratureWarning): void => {
    const n = (this.counts.get(warning.code) ?? 0) + 1;
    this.counts.set(warning.code, n);
    if (n <= MAX_WARNINGS_PER_CODE) this.warnings.push(warning);
    this.options.onWarning?.(warning);
  };

  async *[Symbol.asyncIterator](): AsyncGenerator<CitationRecord> {
    const { fileName } = this.options;
    const text = decodeChunks(chunksOf(this.input), { fileName, encoding: this.options.encoding, onWarning: this.warn })[Symbol.asyncIterator]();
    // Gather a sample for format detection.
    const head: string[] = [];
    let headLength = 0;
    let isDone = false;
    while (headLength < SAMPLE_SIZE) {
      const next = await text.next();
      if (next.done) {
        isDone = true;
        break;
      }
      head.push(next.value);
      headLength += next.value.length;
    }
    const sample = head.join('');
    if (sample.trim() === '') {
      throw new LiteratureError('EXO_ERR_LIT_EMPTY_FILE', `${where(fileName)}the file is empty: there are no records to read`, { file: fileName });
    }
    const format = this.options.format ?? detectFormat(sample, fileName);
    if (!format) {
      const start = sample.trimStart().slice(0, 40).split(/\r?\n/)[0];
      throw new LiteratureError(
        'EXO_ERR_LIT_UNKNOWN_FORMAT',
        `${where(fileName)}not a known bibliographic format (expected PubMed XML, MEDLINE/nbib, RIS, BibTeX, CSV/TSV with a title column, CSL-JSON, Web of Science plain text or EndNote tagged); it begins "${start}"`,
        { file: fileName },
      );
    }
    this.format = format;
    const reader = READERS[format];
    const idPrefix = this.options.idPrefix ?? (fileName ? baseName(fileName) : format);
    const ctx: ReaderContext = { fileName, idPrefix, keepRaw: this.options.keepRaw ?? true, warn: this.warn };
    const parser = reader.createParser(ctx);
    const drain = (): CitationRecord[] => parser.take().map((native) => reader.toRecord(native, `${idPrefix}#${++this.recordCount}`, ctx));
    parser.push(sample);
    yield* drain();
    while (!isDone) {
      const next = await text.next();
      if (next.done) break;
      parser.push(next.value);
      yield* drain();
    }
    parser.end();
    yield* drain();
    for (const [code, n] of this.counts) {
      if (n > MAX_WARNINGS_PER_CODE) this.warnings.push({ code, message: `${where(fileName)}${n - MAX_WARNINGS_PER_CODE} more "${code}" warnings not listed`, file: fileName });
    }
    if (this.recordCount === 0) {
      throw new LiteratureError('EXO_ERR_LIT_EMPTY_FILE', `${where(fileName)}the file holds no ${format} records`, { file: fileName });
    }
  }
}

/** Streams the records of a file of any size (see CitationStream). */
export function streamCitations(input: CitationInput, options: ReadOptions = {}): CitationStream {
  return new CitationStream(input, options);
}

/**
 * Reads every record of a file. All or nothing: a malformed or truncated file throws a LiteratureError (with the file,
 * line and what was expected) and returns no records.
 */
export async function readCitations(input: CitationInput, options: ReadOptions = {}): Promise<ReadResult> {
  const stream = streamCitations(input, options);
  const records: CitationRecord[] = [];
  for await (const record of stream) records.push(record);
  return { format: stream.format!, records, warnings: stream.warnings };
}
