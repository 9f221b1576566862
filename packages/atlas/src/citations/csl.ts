import type { Reference } from '@exoatlas/schema';

/** A CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html), the fields the atlas fills. */
export interface CslItem {
  id: string;
  'citation-key': string;
  type: string;
  author?: ({ family: string; given?: string } | { literal: string })[];
  title: string;
  'container-title'?: string;
  'collection-title'?: string;
  issued?: { 'date-parts': [[number]] };
  accessed?: { 'date-parts': [number[]] };
  volume?: string;
  issue?: string;
  page?: string;
  publisher?: string;
  URL?: string;
  DOI?: string;
  PMID?: string;
  note?: string;
}

/**
 * How a printed "et al." is carried: `marker` adds a last author that a style renders as "et al." (a literal
 * "et al." for Vancouver; "others", BibTeX's convention); `note` records it in the item's note instead.
 */
export type EtAl = { kind: 'marker'; literal: string } | { kind: 'note' };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A printed access date ("8 Aug 2021", "20 April 2023") as CSL date parts; undefined when it is not one. */
export function accessedDate(text: string): number[] | undefined {
  const m = /^(\d{1,2}) ([A-Za-z]+)\.? (\d{4})$/.exec(text.trim());
  const month = m ? MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1 : 0;
  return m && month > 0 ? [Number(m[3]), month, Number(m[1])] : undefined;
}

/** Vancouver initials as printed ("AJC") as separate initials ("A. J. C.") so that styles neither merge nor drop them. */
export function splitInitials(given: string): string {
  return /^[A-Z]{1,4}$/.test(given) ? given.split('').map((c) => `${c}.`).join(' ') : given;
}

/**
 * A citation key safe in BibTeX (letters, digits, "_"): first author's family name, year and the review's number,
 * e.g. "zhu2017_16"; "ref45" for an entry without an author.
 */
export function citationKey(ref: Reference): string {
  const family = (ref.authors[0]?.family ?? '').normalize('NFKD').replace(/[^A-Za-z]/g, '').toLowerCase();
  return family ? `${family}${ref.year ?? ''}_${ref.reviewNumber}` : `ref${ref.reviewNumber}`;
}

/** One reference of the review as a CSL-JSON item: the curated fields, nothing added. */
export function referenceToCsl(ref: Reference, etAl: EtAl = { kind: 'note' }): CslItem {
  const authors: NonNullable<CslItem['author']> = ref.authors.map((a) => (a.given ? { family: a.family, given: splitInitials(a.given) } : { literal: a.family }));
  if (ref.hasEtAl && etAl.kind === 'marker') authors.push({ literal: etAl.literal });
  const accessed = ref.accessed ? accessedDate(ref.accessed) : undefined;
  const item: CslItem = { id: ref.id, 'citation-key': citationKey(ref), type: ref.type, title: ref.title };
  if (authors.length > 0) item.author = authors;
  if (ref.containerTitle) item[ref.type === 'book' ? 'collection-title' : 'container-title'] = ref.containerTitle;
  if (ref.year !== undefined) item.issued = { 'date-parts': [[ref.year]] };
  if (accessed) item.accessed = { 'date-parts': [accessed] };
  if (ref.volume) item.volume = ref.volume;
  if (ref.issue) item.issue = ref.issue;
  if (ref.pages) item.page = ref.pages;
  if (ref.publisher) item.publisher = ref.publisher;
  if (ref.url) item.URL = ref.url;
  if (ref.doi) item.DOI = ref.doi;
  if (ref.pmid) item.PMID = ref.pmid;
  if (ref.hasEtAl && etAl.kind === 'note') item.note = `The review lists the first ${ref.authors.length} author${ref.authors.length === 1 ? '' : 's'}, then "et al."`;
  return item;
}
