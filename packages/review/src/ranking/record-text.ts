import type { CitationRecord } from '@exoatlas/literature';
import type { Criteria } from '../types.js';

/** The text a record is ranked by: title (on the first line, which `tfidf`'s title features rely on), abstract, keywords and MeSH headings. */
export function recordText(citation: CitationRecord): string {
  return [(citation.title ?? '').replace(/[\r\n]+/g, ' '), citation.abstract ?? '', citation.keywords.join('; '), citation.meshTerms.map((m) => m.replace(/[/*]/g, ' ')).join('; ')].join('\n');
}

/** The text of a project's question and criteria: what ranks records before the first include and exclude. */
export function criteriaText(question: string, criteria: Criteria): string {
  return [question, criteria.population, criteria.intervention, criteria.comparator, criteria.outcomes, criteria.studyDesigns, criteria.inclusion].filter(Boolean).join('\n');
}
