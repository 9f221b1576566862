import { createWriter, type CitationRecord, type OutputFormat } from '@exoatlas/literature';
import { screeningLogCsv, yieldToLoop, YIELD_EVERY, type RecordView } from '@exoatlas/review';

/**
 * writeCitations with a yield every YIELD_EVERY records: a 10,000-record export is 0.1–0.4 s of formatting, which
 * would otherwise hold every other request for that long (issue 16 item 5). The same text as writeCitations.
 */
export async function writeCitationsYielding(records: readonly CitationRecord[], format: OutputFormat): Promise<string> {
  const writer = createWriter(format);
  const parts = [writer.begin()];
  for (let i = 0; i < records.length; i++) {
    if (i > 0 && i % YIELD_EVERY === 0) await yieldToLoop();
    parts.push(writer.write(records[i]!, i));
  }
  parts.push(writer.end());
  return parts.join('');
}

/** screeningLogCsv in batches (each batch's CSV without its header line), yielding between them: the same text. */
export async function screeningLogCsvYielding(views: readonly RecordView[]): Promise<string> {
  const header = screeningLogCsv([]);
  const parts = [header];
  for (let i = 0; i < views.length; i += YIELD_EVERY) {
    if (i > 0) await yieldToLoop();
    parts.push(screeningLogCsv(views.slice(i, i + YIELD_EVERY)).slice(header.length));
  }
  return parts.join('');
}
