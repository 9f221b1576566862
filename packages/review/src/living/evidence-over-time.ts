import type { ReviewService } from '../service/review-service.js';
import type { User } from '../types.js';
import { settledRecords, type SettledRecord } from './living-prisma-service.js';

export interface YearCount {
  /** Publication year; null for records without one. */
  year: number | null;
  /** Records the project holds (after de-duplication) published that year. */
  records: number;
  /** Of those, studies included after full-text screening. */
  included: number;
}

/** Records and included studies per publication year, oldest first, records without a year last. */
export function evidenceByYear(records: readonly Pick<SettledRecord, 'record' | 'titleAbstract' | 'fullText' | 'isNotRetrieved'>[]): YearCount[] {
  const byYear = new Map<number | null, YearCount>();
  for (const r of records) {
    const year = r.record.citation.year ?? null;
    const row = byYear.get(year) ?? { year, records: 0, included: 0 };
    row.records++;
    if (r.titleAbstract.status === 'included' && !r.isNotRetrieved && r.fullText.status === 'included') row.included++;
    byYear.set(year, row);
  }
  return [...byYear.values()].sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity));
}

/** The evidence over time of a project (members): records and included studies per year. */
export async function evidenceOverTime(review: ReviewService, actor: User | undefined, projectId: string): Promise<{ items: YearCount[] }> {
  const { records } = await settledRecords(review, actor, projectId);
  return { items: evidenceByYear(records) };
}
