import type { CitationRecord } from '../citation-record.js';
import { LiteratureError } from '../errors.js';
import { candidatePairs } from './blocking.js';
import { groupIndices, type DuplicateGroup } from './groups.js';
import { mergeGroup } from './merge.js';
import { resolveDedupOptions, type DedupOptions } from './options.js';
import { prepare } from './prepare.js';
import { compareRecords, type DuplicateLink } from './score.js';

export interface DedupResult {
  /** Sets of records found to be one work (two or more each). */
  groups: DuplicateGroup[];
  /** One record per work: each group merged, every other record as it was, in input order. */
  unique: CitationRecord[];
  /** Every pair linked, with the reason and score. */
  links: DuplicateLink[];
  /** How many pairs were compared (after blocking). */
  comparisons: number;
}

/**
 * Finds duplicates: exact identifiers (DOI, PMID), then near-identical titles confirmed by year, first author, pages,
 * volume and journal, comparing only records that share a blocking key. Linked records form groups; each group is
 * merged (see mergeGroup). Preprints are grouped with their published versions, reason "preprint-version".
 */
export function deduplicate(records: readonly CitationRecord[], options: DedupOptions = {}): DedupResult {
  const opts = resolveDedupOptions(options);
  const ids = new Set<string>();
  for (const r of records) {
    if (ids.has(r.id)) {
      throw new LiteratureError('EXO_ERR_LIT_BAD_OPTION', `two records share the id "${r.id}": give each file its own idPrefix when reading`, { record: r.id });
    }
    ids.add(r.id);
  }
  const prepared = records.map(prepare);
  const pairs = candidatePairs(prepared, opts.maxBlockSize, opts.window);
  const links: DuplicateLink[] = [];
  const linkedPairs: Array<[number, number]> = [];
  for (const [i, j] of pairs) {
    const link = compareRecords(prepared[i]!, prepared[j]!, opts);
    if (link) {
      links.push(link);
      linkedPairs.push([i, j]);
    }
  }
  const indexGroups = groupIndices(records.length, linkedPairs);
  const groupOf = new Map<number, number>();
  indexGroups.forEach((g, k) => g.forEach((i) => groupOf.set(i, k)));
  const linksByGroup = indexGroups.map((): DuplicateLink[] => []);
  linkedPairs.forEach(([i], k) => linksByGroup[groupOf.get(i)!]!.push(links[k]!));

  const merged = indexGroups.map((g) => mergeGroup(g.map((i) => records[i]!)));
  const groups: DuplicateGroup[] = indexGroups.map((g, k) => ({ members: g.map((i) => records[i]!.id), kept: merged[k]!.id, links: linksByGroup[k]! }));
  const unique: CitationRecord[] = [];
  const emitted = new Set<number>();
  records.forEach((r, i) => {
    const k = groupOf.get(i);
    if (k === undefined) unique.push(r);
    else if (!emitted.has(k)) {
      emitted.add(k);
      unique.push(merged[k]!);
    }
  });
  return { groups, unique, links, comparisons: pairs.length };
}
