import type { Provenance, Reference } from '../api/types';

/** "Zhu Y, Wang Y, Zhao B, et al." as the Vancouver style prints authors. */
export function formatAuthors(ref: Pick<Reference, 'authors' | 'hasEtAl'>): string {
  const names = ref.authors.map((a) => (a.given ? `${a.family} ${a.given}` : a.family));
  if (names.length === 0) return '';
  return names.join(', ') + (ref.hasEtAl ? ', et al.' : '');
}

/** A part of a reference closed by a full stop, unless it ends in one (or in ? or !): "Zhu Y, et al." not "et al..". */
export function closed(text: string): string {
  return /[.?!]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

/** "J Cell Mol Med. 2020;24(23):13973–83." */
export function formatSource(ref: Reference): string {
  const parts: string[] = [];
  if (ref.containerTitle) parts.push(`${ref.containerTitle}.`);
  let pub = ref.year !== undefined ? String(ref.year) : '';
  if (ref.volume) pub += `;${ref.volume}`;
  if (ref.issue) pub += `(${ref.issue})`;
  if (ref.pages) pub += `:${ref.pages}`;
  if (pub) parts.push(`${pub}.`);
  if (!ref.containerTitle && ref.publisher) parts.unshift(`${ref.publisher}.`);
  return parts.join(' ');
}

/** "Zhang et al. 2020" */
export function shortCitation(ref: Reference): string {
  const first = ref.authors[0]?.family ?? ref.publisher ?? ref.title.split(' ').slice(0, 3).join(' ');
  const etAl = ref.authors.length > 1 || ref.hasEtAl ? ' et al.' : '';
  return `${first}${etAl}${ref.year !== undefined ? ` ${ref.year}` : ''}`;
}

export interface ExternalLink {
  label: string;
  href: string;
}

/** Links out where a DOI, a PubMed id or a URL is known; never guessed. */
export function referenceLinks(ref: Reference): ExternalLink[] {
  const links: ExternalLink[] = [];
  if (ref.doi) links.push({ label: `doi:${ref.doi}`, href: `https://doi.org/${ref.doi.replace(/^https?:\/\/(dx\.)?doi\.org\//, '')}` });
  if (ref.pmid) links.push({ label: `PubMed ${ref.pmid}`, href: `https://pubmed.ncbi.nlm.nih.gov/${ref.pmid}/` });
  if (ref.url && /^https?:\/\//.test(ref.url)) links.push({ label: 'Web page', href: ref.url });
  return links;
}

/** Every reference number a list of provenance entries cites, sorted and unique. */
export function provenanceReferenceNumbers(provenance: readonly Provenance[] | undefined, extra: readonly number[] = []): number[] {
  const all = new Set<number>(extra);
  for (const p of provenance ?? []) for (const n of p.referenceNumbers) all.add(n);
  return [...all].sort((a, b) => a - b);
}

/** Does the reference's printed text contain every word of the query? */
export function referenceMatches(ref: Reference, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = `${ref.reviewNumber} ${ref.printed} ${ref.title} ${ref.doi ?? ''} ${ref.pmid ?? ''}`.toLowerCase();
  return words.every((w) => hay.includes(w));
}
