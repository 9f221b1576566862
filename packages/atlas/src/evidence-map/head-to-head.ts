import { ADULT_MSC_SOURCES, type CellSource, type Comparison, type Correction, type Study } from '@exoatlas/schema';

/** Cell sources derived from iPSCs: iMSCs, and iPSCs themselves or their other derivatives. */
export const IPSC_DERIVED_SOURCES: readonly CellSource[] = ['iMSC', 'iPSC', 'iPSC-CM', 'iPSC-EC', 'iPSC-NC'];

/** A head-to-head comparison of iPSC-derived (usually iMSC) vesicles against adult MSC vesicles. */
export interface HeadToHead {
  studyId: string;
  title: string;
  /** Cell source of the study's vesicles. */
  source: CellSource;
  /** The adult MSC source compared against. */
  comparator: CellSource;
  /** Direction: how the iPSC-derived vesicles did against the adult MSC ones. */
  result: Comparison['result'];
  summary: string;
  diseaseArea: Study['diseaseArea'];
  condition: string;
  vesicle: Study['vesicle'];
  referenceNumbers: number[];
  /** Where the review calls the source something else (e.g. iMSC for exosomes of iPSCs themselves). */
  sourceCorrection?: Correction;
}

/** Every comparison of an iPSC-derived source against an adult MSC source, in the studies' order. */
export function headToHeadComparisons(studies: readonly Study[]): HeadToHead[] {
  return studies.flatMap((s) => {
    if (!IPSC_DERIVED_SOURCES.includes(s.cellSource)) return [];
    const correction = s.corrections?.find((c) => c.field === 'cellSource');
    return s.comparisons
      .filter((c) => ADULT_MSC_SOURCES.includes(c.comparator))
      .map((c) => ({
        studyId: s.id,
        title: s.title,
        source: s.cellSource,
        comparator: c.comparator,
        result: c.result,
        summary: c.summary,
        diseaseArea: s.diseaseArea,
        condition: s.condition,
        vesicle: s.vesicle,
        referenceNumbers: [...s.referenceNumbers],
        ...(correction ? { sourceCorrection: correction } : {}),
      }));
  });
}
