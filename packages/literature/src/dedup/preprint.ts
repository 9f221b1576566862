import type { CitationRecord } from '../citation-record.js';

/** DOI patterns of preprint servers. */
const PREPRINT_DOIS: readonly RegExp[] = [
  /^10\.1101\/(?:\d{4}\.\d{2}\.\d{2}\.)?\d{6,}(?:v\d+)?$/, // bioRxiv, medRxiv (not the Cold Spring Harbor journals)
  /^10\.21203\/rs\./, // Research Square
  /^10\.20944\/preprints/, // Preprints.org
  /^10\.48550\/arxiv/, // arXiv
  /^10\.2139\/ssrn/, // SSRN
  /^10\.31234\/osf\.io/, // PsyArXiv
  /^10\.31219\/osf\.io/, // OSF Preprints
  /^10\.31222\//, // SocArXiv
  /^10\.26434\/chemrxiv/, // ChemRxiv
  /^10\.22541\/au\./, // Authorea
  /^10\.1002\/essoar/, // ESS Open Archive
  /^10\.12688\/f1000research/, // F1000Research versions before review count as preprints
];

const PREPRINT_SOURCES = /\b(?:biorxiv|medrxiv|arxiv|research ?square|ssrn|preprints?\.org|psyarxiv|chemrxiv|socarxiv|authorea|osf preprints|europe pmc preprint)\b/i;

/** True for a preprint: a preprint server's DOI or name, or a publication type "Preprint" (PubMed). */
export function isPreprint(record: CitationRecord): boolean {
  if (record.flags.includes('preprint')) return true;
  const doi = record.doi?.toLowerCase();
  if (doi && PREPRINT_DOIS.some((p) => p.test(doi))) return true;
  if (record.journal && PREPRINT_SOURCES.test(record.journal)) return true;
  if (record.publisher && PREPRINT_SOURCES.test(record.publisher)) return true;
  return record.publicationTypes.some((t) => /^preprint$/i.test(t));
}
