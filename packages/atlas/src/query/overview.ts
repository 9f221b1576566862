import type { Direction, KnowledgeBase, Source } from '@exoatlas/schema';

export interface Overview {
  counts: {
    studies: number;
    table1Studies: number;
    /** Studies of the review not in Table 1 (discussed in its text). */
    textStudies: number;
    /** Studies published from living-review projects (issue 18: part of `studies`, neither Table 1 nor text studies). */
    projectStudies: number;
    /** Distinct conditions studied (case-insensitive). */
    diseases: number;
    /** Disease areas with at least one study. */
    diseaseAreas: number;
    entities: number;
    claims: number;
    /** Mechanism claims (every claim is a mechanism edge). */
    mechanisms: number;
    references: number;
    isolationMethods: number;
    facts: number;
  };
  keyMessages: Direction[];
  source: Omit<Source, 'abstract'>;
}

/** The front page of the atlas: what it holds, the review's key messages and where it comes from. */
export function overview(kb: KnowledgeBase): Overview {
  const { abstract: _abstract, ...source } = kb.source;
  return {
    counts: {
      studies: kb.studies.length,
      table1Studies: kb.studies.filter((s) => s.inTable1).length,
      textStudies: kb.studies.filter((s) => !s.inTable1 && s.origin.kind === 'review').length,
      projectStudies: kb.studies.filter((s) => s.origin.kind === 'project').length,
      diseases: new Set(kb.studies.map((s) => s.condition.toLowerCase())).size,
      diseaseAreas: new Set(kb.studies.map((s) => s.diseaseArea)).size,
      entities: kb.entities.length,
      claims: kb.claims.length,
      mechanisms: kb.claims.length,
      references: kb.references.length,
      isolationMethods: kb.isolationMethods.length,
      facts: kb.facts.length,
    },
    keyMessages: kb.directions.filter((d) => d.kind === 'key-message'),
    source,
  };
}
