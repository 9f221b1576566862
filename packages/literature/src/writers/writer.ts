import type { CitationRecord } from '../citation-record.js';

/** A writer that can stream: the text before the first record, each record, and the text after the last. */
export interface CitationWriter {
  begin(): string;
  write(record: CitationRecord, index: number): string;
  end(): string;
}
