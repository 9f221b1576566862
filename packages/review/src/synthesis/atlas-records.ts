/**
 * Back into the atlas: a finished review project's included studies, as atlas `Study` records whose `origin` says
 * where they come from (issue 18: the project, its question, reviewers, consensus date, the source record's
 * DOI/PMID/title, the synthesis), each with the pooled results it contributed to. A project study has no quotes of
 * the review and none of its reference numbers (the schema allows both empty for origin "project"), and no curator's
 * note: what the project recorded about it is in its origin, never shown as what the review says.
 */
import type { DiseaseArea, Setting, Study } from '@exoatlas/schema';
import type { ExtractionForm } from '../extraction/form-schema.js';
import type { SynthesisResult } from './synthesise.js';

export interface ProjectRef {
  id: string;
  name: string;
  question?: string;
  /** the saved synthesis being published */
  synthesisId?: number;
  /** the disease area of studies whose form does not give one */
  diseaseArea: DiseaseArea;
}

export interface IncludedStudy {
  studyId: string;
  /** who saved extraction or risk-of-bias forms of it (user names) */
  reviewers?: string[];
  /** when its last consensus form was saved */
  consensusAt?: string;
  label: string;
  title?: string;
  firstAuthor?: string;
  year?: number;
  doi?: string;
  pmid?: string;
  form: ExtractionForm;
}

export interface PooledSummary {
  outcome: string;
  timePoint: string | null;
  measure: string;
  method: string;
  k: number;
  estimate: number | null;
  ciLower: number | null;
  ciUpper: number | null;
  i2: number | null;
  /** the study's comparisons that entered this pooled estimate */
  comparisons: number;
}

export interface ProjectAtlasStudy {
  study: Study;
  /** bibliographic identifiers of the primary study */
  doi?: string;
  pmid?: string;
  pooled: PooledSummary[];
}

function kebab(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The pooled results of a synthesis, in the compact form attached to atlas records. */
export function pooledSummary(s: SynthesisResult): PooledSummary & { studyIds: string[] } {
  const r = s.result;
  const used = r.rowsUsed.map((row) => s.analysisTable.rows[row - 1]!.studyId);
  return { outcome: s.options.outcome, timePoint: s.options.timePoint ?? null, measure: r.measure, method: r.method, k: r.k, estimate: r.estimate, ciLower: r.ciLower, ciUpper: r.ciUpper, i2: r.i2, comparisons: 0, studyIds: used };
}

export function projectAtlasStudies(project: ProjectRef, studies: readonly IncludedStudy[], syntheses: readonly SynthesisResult[]): ProjectAtlasStudy[] {
  const pooled = syntheses.map(pooledSummary);
  return studies.map((s) => {
    const c = s.form.characteristics;
    const outcomes = [...new Set(s.form.outcomes.map((o) => o.label ?? o.outcome))];
    const setting: Setting[] = c.species === 'human' ? ['human'] : ['in-vivo'];
    const study: Study = {
      id: `project-${kebab(project.id)}-${kebab(s.studyId)}`,
      title: s.title ?? `${c.cellSource} vesicles in ${c.species === 'not-reported' ? '' : `${c.species} `}${c.diseaseModel} (${s.label})`,
      inTable1: false,
      firstAuthor: s.firstAuthor,
      year: s.year,
      diseaseArea: c.diseaseArea ?? project.diseaseArea,
      condition: c.diseaseModel,
      model: [c.species === 'not-reported' ? null : c.species, c.strain, c.diseaseModel, c.induction ? `induced by ${c.induction}` : null].filter((x): x is string => !!x).join(', '),
      species: c.species === 'not-reported' ? [] : [c.species],
      setting,
      cellSource: c.cellSource,
      cellSourceDetail: c.cellSourceDetail,
      vesicle: 'exosome',
      comparisons: [],
      outcome: outcomes.length > 0 ? outcomes.join('; ') : 'not extracted',
      entities: [],
      referenceNumbers: [],
      origin: {
        kind: 'project',
        projectId: project.id,
        projectName: project.name,
        ...(project.question ? { question: project.question } : {}),
        ...(s.reviewers && s.reviewers.length > 0 ? { reviewers: s.reviewers } : {}),
        ...(s.consensusAt ? { consensusAt: s.consensusAt } : {}),
        record: { ...(/^\d+$/.test(s.studyId) ? { id: Number(s.studyId) } : {}), ...(s.title ? { title: s.title } : {}), ...(s.doi ? { doi: s.doi } : {}), ...(s.pmid ? { pmid: s.pmid } : {}) },
        ...(project.synthesisId !== undefined ? { synthesisId: project.synthesisId } : {}),
        note: `Isolation ${c.isolation.methods.join(' + ')}${c.dose ? `, dose ${c.dose.value} ${c.dose.unit}` : ''}${c.route ? `, ${c.route}` : ''}.`,
      },
      provenance: [],
    };
    const mine = pooled
      .filter((p) => p.studyIds.includes(s.studyId))
      .map(({ studyIds, ...p }) => ({ ...p, comparisons: studyIds.filter((id) => id === s.studyId).length }));
    return { study, ...(s.doi ? { doi: s.doi } : {}), ...(s.pmid ? { pmid: s.pmid } : {}), pooled: mine };
  });
}
