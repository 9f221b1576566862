import { prismaCounts, type PrismaCounts, type PrismaRecord } from '../prisma/counts.js';

/** One search (import) of a project, as the living flow diagram groups them. */
export interface UpdateSearch {
  id: number;
  database: string;
  /** The day the search was run (ISO date): searches of one day make one update. */
  date: string;
  query: string;
  identified: number;
}

/** One update of a living review in PRISMA 2020's layout for updated reviews: previous studies, then new studies. */
export interface PrismaUpdate {
  /** 1 for the first version of the review. */
  update: number;
  date: string;
  searches: UpdateSearch[];
  /** Studies (and their reports: one report per record here) included from the earlier updates' records. */
  previous: { studies: number; reports: number };
  /** The flow of the records this update brought in (identified counts every record its searches read). */
  new: PrismaCounts;
  total: { studies: number; reports: number };
}

export interface LivingPrisma {
  updates: PrismaUpdate[];
  /** The whole project's flow, as for a review in one version. */
  overall: PrismaCounts;
}

/**
 * PRISMA 2020 counts per update (Page et al. 2021, flow diagram for updated reviews): the searches of one day are an
 * update; each record belongs to the update that first brought it in (later updates count it among their duplicates);
 * its outcome is its current one, so an update's boxes fill in as its records are screened. By construction each
 * update's new counts add up as prismaCounts's do, and total = previous + new.
 */
export function livingPrismaCounts(searches: readonly UpdateSearch[], records: readonly (PrismaRecord & { searchId: number })[]): LivingPrisma {
  const ordered = [...searches].sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
  const dates = [...new Set(ordered.map((s) => s.date))];
  const dateOfSearch = new Map(ordered.map((s) => [s.id, s.date]));
  let previous = 0;
  const updates = dates.map((date, i): PrismaUpdate => {
    const own = ordered.filter((s) => s.date === date);
    const counts = prismaCounts(own, records.filter((r) => dateOfSearch.get(r.searchId) === date));
    const update = { update: i + 1, date, searches: own, previous: { studies: previous, reports: previous }, new: counts, total: { studies: previous + counts.included, reports: previous + counts.included } };
    previous += counts.included;
    return update;
  });
  return { updates, overall: prismaCounts(ordered, records) };
}
