import { csvRow } from '@exoatlas/core';
import type { RecordView, StageView } from '../service/review-service.js';

/** "alice: exclude (Wrong outcome); bob: include": each reviewer's latest decision the reader may see. */
function decisionsText(stage: StageView): string {
  return stage.decisions.map((d) => `${d.reviewer}: ${d.decision}${d.reason ? ` (${d.reason})` : ''}`).join('; ');
}

/** "exclude (Wrong outcome) by carol, third-reviewer": the latest resolution of a conflict. */
function resolutionText(stage: StageView): string {
  const r = stage.resolution;
  return r ? `${r.decision}${r.reason ? ` (${r.reason})` : ''} by ${r.resolver}, ${r.method}` : '';
}

const COLUMNS: ReadonlyArray<[string, (r: RecordView) => string | number | undefined]> = [
  ['record_id', (r) => r.id],
  ['title', (r) => r.title],
  ['authors', (r) => r.authors.join('; ')],
  ['year', (r) => r.year],
  ['journal', (r) => r.journal],
  ['doi', (r) => r.doi],
  ['pmid', (r) => r.pmid],
  ['databases', (r) => r.sources.join('; ')],
  ['title_abstract_status', (r) => r.stages['title-abstract'].status],
  ['title_abstract_reason', (r) => r.stages['title-abstract'].reason],
  ['title_abstract_decisions', (r) => decisionsText(r.stages['title-abstract'])],
  ['title_abstract_resolution', (r) => resolutionText(r.stages['title-abstract'])],
  ['full_text_sought', (r) => (isSought(r) ? 'yes' : 'no')],
  ['full_text_retrieved', (r) => (isSought(r) ? (r.isNotRetrieved ? 'no' : 'yes') : '')],
  ['full_text_status', (r) => (isAssessed(r) ? r.stages['full-text'].status : '')],
  ['full_text_reason', (r) => (isAssessed(r) ? r.stages['full-text'].reason : '')],
  ['full_text_decisions', (r) => (isAssessed(r) ? decisionsText(r.stages['full-text']) : '')],
  ['full_text_resolution', (r) => (isAssessed(r) ? resolutionText(r.stages['full-text']) : '')],
];

/** Its full text is sought when it was included on title and abstract (PRISMA's "reports sought for retrieval"). */
const isSought = (r: RecordView) => r.stages['title-abstract'].status === 'included';
const isAssessed = (r: RecordView) => isSought(r) && !r.isNotRetrieved;

/**
 * The screening log: one row per record with each stage's status, reason, the reviewers' decisions and any
 * resolution — the record of every screening decision a review reports in its supplement (PRISMA 2020 item 8).
 * Decisions still blinded to the reader are left out, as on screen. CSV with a header row, RFC 4180 quoting, CRLF, formulas defused (@exoatlas/core).
 */
export function screeningLogCsv(records: readonly RecordView[]): string {
  const lines = [csvRow(COLUMNS.map(([name]) => name)), ...records.map((r) => csvRow(COLUMNS.map(([, get]) => get(r))))];
  return lines.map((l) => `${l}\r\n`).join('');
}
