import type { CellSource, Direction, KnowledgeBase, Source, Study } from '@exoatlas/schema';

/** A study as the overview's "where tested" lists name it. */
export interface TestedStudy {
  id: string;
  title: string;
  diseaseArea: Study['diseaseArea'];
  condition: string;
  cellSource: CellSource;
  vesicle: Study['vesicle'];
  /** What the review prints for the cell source, when the curators corrected it. */
  cellSourceAsPrinted?: string;
}

/**
 * Where iMSC exosomes have been tested, and what is not that: iMSC vesicle studies only; iMSC cell therapies and the
 * studies the review presents as iMSC work whose vesicles the curators traced to another source are listed apart.
 */
export interface WhereTested {
  /** Studies of vesicles (exosomes or EVs) from iMSCs. */
  imscVesicles: TestedStudy[];
  /** Studies of iMSCs themselves (cell therapy), not of their vesicles. */
  imscCells: TestedStudy[];
  /** Studies the review prints as iMSC whose vesicles came from another source (a cellSource correction). */
  printedAsImsc: TestedStudy[];
}

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
  whereTested: WhereTested;
}

const testedStudy = (s: Study): TestedStudy => {
  const printed = s.corrections?.find((c) => c.field === 'cellSource')?.asPrinted;
  return { id: s.id, title: s.title, diseaseArea: s.diseaseArea, condition: s.condition, cellSource: s.cellSource, vesicle: s.vesicle, ...(printed ? { cellSourceAsPrinted: printed } : {}) };
};

/** The iMSC studies split by what was tested (vesicles or cells), and the studies printed as iMSC that are not. */
export function whereTested(studies: readonly Study[]): WhereTested {
  const imsc = studies.filter((s) => s.cellSource === 'iMSC');
  return {
    imscVesicles: imsc.filter((s) => s.vesicle !== 'cell').map(testedStudy),
    imscCells: imsc.filter((s) => s.vesicle === 'cell').map(testedStudy),
    printedAsImsc: studies
      .filter((s) => s.cellSource !== 'iMSC' && s.corrections?.some((c) => c.field === 'cellSource' && /\biMSC/.test(c.asPrinted)))
      .map(testedStudy),
  };
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
    whereTested: whereTested(kb.studies),
  };
}
