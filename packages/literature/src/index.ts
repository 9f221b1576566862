/**
 * @exoatlas/literature — bibliographic formats into one CitationRecord, writers, and de-duplication.
 * Standalone: no atlas concepts, no database.
 */
export {
  CITATION_FORMATS,
  OUTPUT_FORMATS,
  OUTPUT_FILE_TYPES,
  emptyRecord,
  formatAuthor,
  type CitationAuthor,
  type CitationFormat,
  type CitationRecord,
  type MergeableField,
  type MergeInfo,
  type OutputFormat,
  type RawRecord,
  type RecordFlag,
} from './citation-record.js';
export { LITERATURE_ERRORS, LiteratureError, type LiteratureErrorCode, type LiteratureErrorContext, type LiteratureWarning, type WarningCode } from './errors.js';
export { detectFormat } from './detect-format.js';
export { readCitations, streamCitations, CitationStream, type ReadOptions, type ReadResult } from './read.js';
export type { CitationInput } from './text/input.js';
export type { TextEncoding } from './text/decode.js';
export { writeCitations, createWriter } from './writers/index.js';
export type { CitationWriter } from './writers/writer.js';
export { toCslItem } from './writers/csl-json.js';
export { deduplicate, type DedupResult } from './dedup/deduplicate.js';
export { mergeGroup } from './dedup/merge.js';
export { DEFAULT_DEDUP_OPTIONS, type DedupOptions } from './dedup/options.js';
export type { DuplicateGroup } from './dedup/groups.js';
export type { DuplicateLink, LinkReason } from './dedup/score.js';
export { isPreprint } from './dedup/preprint.js';
export { parseDate } from './fields/date.js';
export { findDoi } from './fields/identifiers.js';
export { parseName } from './fields/names.js';
