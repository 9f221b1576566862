import type { CitationRecord, MergeableField, RecordFlag } from '../citation-record.js';
import { removeUndefined } from '../fields/table.js';
import { isPreprint } from './preprint.js';

/** How much a record has: one point per filled field, more for a long abstract and a full author list. */
export function completeness(r: CitationRecord): number {
  let score = 0;
  for (const field of SCALARS) if (r[field] !== undefined && r[field] !== '') score++;
  if (r.abstract) score += 1 + Math.min(r.abstract.length, 3000) / 3000;
  score += Math.min(r.authors.length, 10) / 5;
  score += (r.keywords.length > 0 ? 1 : 0) + (r.meshTerms.length > 0 ? 1 : 0);
  return score;
}

const SCALARS = [
  'title', 'journal', 'journalAbbrev', 'volume', 'issue', 'pages', 'doi', 'pmid', 'pmcid', 'isbn', 'url', 'publisher', 'language', 'sourceDatabase', 'sourceId', 'type',
] as const satisfies readonly MergeableField[];

const LISTS = ['keywords', 'meshTerms', 'publicationTypes', 'issn', 'notes'] as const satisfies readonly MergeableField[];

/**
 * Merges records of one work into one: the most complete record (a published version before a preprint) is the base,
 * each missing field is filled from the next most complete record that has it, the longest abstract and the fullest
 * author list win, lists are united; `merge.fieldSources` says which record gave each field.
 */
export function mergeGroup(records: readonly CitationRecord[]): CitationRecord {
  if (records.length === 0) throw new Error('mergeGroup needs at least one record');
  const preprints = records.filter(isPreprint);
  const ranked = records
    .map((r, i) => ({ r, i, preprint: preprints.includes(r), score: completeness(r) }))
    .sort((x, y) => Number(x.preprint) - Number(y.preprint) || y.score - x.score || x.i - y.i)
    .map((x) => x.r);
  const base = ranked[0]!;
  const merged: CitationRecord = { ...base, authors: [...base.authors], flags: [] };
  const sources: Partial<Record<MergeableField, string[]>> = {};

  for (const field of SCALARS) {
    const donor = ranked.find((r) => r[field] !== undefined && r[field] !== '');
    if (donor) {
      (merged as unknown as Record<string, unknown>)[field] = donor[field];
      sources[field] = [donor.id];
    }
  }
  const dated = ranked.find((r) => r.year !== undefined);
  if (dated) {
    merged.year = dated.year;
    const precise = ranked.filter((r) => r.year === dated.year && r.date).sort((a, b) => b.date!.length - a.date!.length)[0];
    merged.date = precise?.date ?? dated.date;
    sources.year = [dated.id];
    if (precise) sources.date = [precise.id];
  }
  const abstract = ranked.filter((r) => r.abstract).sort((a, b) => b.abstract!.length - a.abstract!.length)[0];
  if (abstract) {
    merged.abstract = abstract.abstract;
    sources.abstract = [abstract.id];
  }
  const authors = [...ranked].sort((a, b) => b.authors.length - a.authors.length || givenLength(b) - givenLength(a))[0]!;
  if (authors.authors.length > 0) {
    merged.authors = [...authors.authors];
    sources.authors = [authors.id];
  }
  for (const field of LISTS) {
    const out: string[] = [];
    const seen = new Set<string>();
    const from: string[] = [];
    for (const r of ranked) {
      let added = false;
      for (const value of r[field]) {
        const key = value.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(value);
        added = true;
      }
      if (added) from.push(r.id);
    }
    merged[field] = out;
    if (from.length > 0) sources[field] = from;
  }
  const labelled = ranked.filter((r) => r.label !== undefined).sort((a, b) => (b.label ?? 0) - (a.label ?? 0))[0];
  if (labelled) {
    merged.label = labelled.label;
    sources.label = [labelled.id];
  }
  const flags = new Set<RecordFlag>();
  if (!merged.title) flags.add('missing-title');
  if (base.flags.includes('unparsed-year') && merged.year === undefined) flags.add('unparsed-year');
  if (preprints.includes(base)) flags.add('preprint');
  merged.flags = [...flags];
  merged.merge = {
    from: [base.id, ...records.map((r) => r.id).filter((id) => id !== base.id)],
    fieldSources: sources,
    ...(preprints.length > 0 && !preprints.includes(base) ? { preprints: preprints.map((r) => r.id) } : {}),
  };
  removeUndefined(merged);
  return merged;
}

function givenLength(r: CitationRecord): number {
  return r.authors.reduce((n, a) => n + (a.given?.length ?? 0), 0);
}
