import type { RecordStatus } from '../screening/decisions.js';

export interface ReasonCount {
  reason: string;
  count: number;
}

/** The numbers of a PRISMA 2020 flow diagram for a new review (databases and registers). */
export interface PrismaCounts {
  /** Records identified, per source database, in first-import order. */
  identifiedBySource: { source: string; count: number }[];
  identified: number;
  duplicatesRemoved: number;
  /** Unique records screened on title and abstract (all of them, including those still awaiting a decision). */
  screened: number;
  /** Records without a settled title/abstract decision yet (unscreened, half of a dual pair, or in conflict). */
  awaitingScreening: number;
  excludedAtScreening: number;
  /** Of those, records nobody screened once prioritised screening stopped: "excluded by automation tools" (PRISMA 2020). */
  excludedByAutomation: number;
  excludedAtScreeningReasons: ReasonCount[];
  soughtForRetrieval: number;
  notRetrieved: number;
  assessedForEligibility: number;
  /** Reports assessed but without a settled full-text decision yet. */
  awaitingAssessment: number;
  excludedAtFullText: number;
  excludedAtFullTextReasons: ReasonCount[];
  included: number;
}

export interface PrismaRecord {
  titleAbstract: { status: RecordStatus; reason?: string };
  fullText: { status: RecordStatus; reason?: string };
  isNotRetrieved: boolean;
  /** Left unscreened when prioritised screening stopped (its title/abstract status is then "excluded"). */
  isExcludedByAutomation?: boolean;
}

export const NO_REASON = 'No reason given';

function tally(reasons: (string | undefined)[]): ReasonCount[] {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r ?? NO_REASON, (counts.get(r ?? NO_REASON) ?? 0) + 1);
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

/**
 * PRISMA 2020 counts from a project's searches and its records' outcomes. By construction they add up:
 * identified − duplicates = screened = excluded + sought + awaiting; sought = not retrieved + assessed;
 * assessed = excluded at full text + included + awaiting assessment; each reason list sums to its box.
 */
export function prismaCounts(searches: readonly { database: string; identified: number }[], records: readonly PrismaRecord[]): PrismaCounts {
  const bySource = new Map<string, number>();
  for (const s of searches) bySource.set(s.database, (bySource.get(s.database) ?? 0) + s.identified);
  const identified = searches.reduce((n, s) => n + s.identified, 0);
  const screened = records.length;
  const taExcluded = records.filter((r) => r.titleAbstract.status === 'excluded');
  const sought = records.filter((r) => r.titleAbstract.status === 'included');
  const notRetrieved = sought.filter((r) => r.isNotRetrieved);
  const assessed = sought.filter((r) => !r.isNotRetrieved);
  const ftExcluded = assessed.filter((r) => r.fullText.status === 'excluded');
  const included = assessed.filter((r) => r.fullText.status === 'included');
  return {
    identifiedBySource: [...bySource].map(([source, count]) => ({ source, count })),
    identified,
    duplicatesRemoved: identified - screened,
    screened,
    awaitingScreening: screened - taExcluded.length - sought.length,
    excludedAtScreening: taExcluded.length,
    excludedByAutomation: taExcluded.filter((r) => r.isExcludedByAutomation).length,
    excludedAtScreeningReasons: tally(taExcluded.map((r) => r.titleAbstract.reason)),
    soughtForRetrieval: sought.length,
    notRetrieved: notRetrieved.length,
    assessedForEligibility: assessed.length,
    awaitingAssessment: assessed.length - ftExcluded.length - included.length,
    excludedAtFullText: ftExcluded.length,
    excludedAtFullTextReasons: tally(ftExcluded.map((r) => r.fullText.reason)),
    included: included.length,
  };
}
