import { CellSource, DiseaseArea, ExoError, Setting, Species, type Study } from '@exoatlas/schema';
import type { EntityIndex } from './entity-index.js';

/** Filters of the study list; every value is checked against what exists. */
export interface StudyFilters {
  diseaseArea?: string;
  condition?: string;
  species?: string;
  cellSource?: string;
  setting?: string;
  entity?: string;
  inTable1?: boolean;
  /** Where the study comes from: the review, or a living-review project that published it (issue 18). */
  origin?: 'review' | 'project';
  /** Words that must all appear in the study's text fields (case-insensitive). */
  text?: string;
}

export const STUDY_FILTER_NAMES = ['diseaseArea', 'condition', 'species', 'cellSource', 'setting', 'entity', 'inTable1', 'origin', 'text'] as const;

const known = (label: string, value: string, options: readonly string[]): void => {
  if (!options.includes(value)) {
    throw new ExoError('EXO_ERR_QUERY_UNKNOWN_FILTER', `unknown ${label} '${value}'; known values: ${options.join(', ')}`, { field: label });
  }
};

/** Returns the studies matching every filter, in the atlas's order. Unknown values throw EXO_ERR_QUERY_UNKNOWN_FILTER. */
export function filterStudies(studies: readonly Study[], filters: StudyFilters, entities: EntityIndex, linkedEntities: (s: Study) => readonly string[]): Study[] {
  const { diseaseArea, condition, species, cellSource, setting, entity, inTable1, origin, text } = filters;
  if (origin !== undefined) known('origin', origin, ['review', 'project']);
  if (diseaseArea !== undefined) known('diseaseArea', diseaseArea, DiseaseArea.options);
  if (species !== undefined) known('species', species, Species.options);
  if (cellSource !== undefined) known('cellSource', cellSource, CellSource.options);
  if (setting !== undefined) known('setting', setting, Setting.options);
  const conditionKey = condition?.toLowerCase();
  if (conditionKey !== undefined && !studies.some((s) => s.condition.toLowerCase() === conditionKey)) {
    known('condition', condition!, [...new Set(studies.map((s) => s.condition))].sort());
  }
  let entityId: string | undefined;
  if (entity !== undefined) {
    const e = entities.resolve(entity);
    if (!e) throw new ExoError('EXO_ERR_NOT_FOUND_ENTITY', `no entity '${entity}'`, { field: 'entity' });
    entityId = e.id;
  }
  const words = text?.toLowerCase().split(/\s+/).filter(Boolean) ?? [];
  return studies.filter(
    (s) =>
      (diseaseArea === undefined || s.diseaseArea === diseaseArea) &&
      (conditionKey === undefined || s.condition.toLowerCase() === conditionKey) &&
      (species === undefined || s.species.includes(species as Species)) &&
      (cellSource === undefined || s.cellSource === cellSource || s.comparisons.some((c) => c.comparator === cellSource)) &&
      (setting === undefined || s.setting.includes(setting as Setting)) &&
      (inTable1 === undefined || s.inTable1 === inTable1) &&
      (origin === undefined || s.origin.kind === origin) &&
      (entityId === undefined || linkedEntities(s).includes(entityId)) &&
      (words.length === 0 || words.every((w) => studyText(s).includes(w))),
  );
}

/** Lower-cased text of a study's descriptive fields and quotes. */
export function studyText(s: Study): string {
  // the first author too: a published project study is looked up by its authors (issue 18 item 1)
  return [s.title, s.firstAuthor, s.diseaseType, s.condition, s.model, s.outcome, s.mechanism, s.cellSource, s.cellSourceDetail, ...s.provenance.map((p) => p.quote)]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
}
