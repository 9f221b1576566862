import { CellSource, DiseaseArea, ExoError, Setting, Species, type Study } from '@exoatlas/schema';
import { UNSPECIFIED_SPECIES } from '../query/study-filters.js';

/** The study fields an evidence map can cross. */
export const MAP_DIMENSIONS = ['diseaseArea', 'cellSource', 'species', 'setting'] as const;
export type MapDimension = (typeof MAP_DIMENSIONS)[number];

/** Shown for a study whose species the review does not state (the study filter `species=unspecified` lists them). */
export const UNSPECIFIED = UNSPECIFIED_SPECIES;

/** The order of each dimension's values: the vocabulary's, then "unspecified". */
export const DIMENSION_ORDER: Record<MapDimension, readonly string[]> = {
  diseaseArea: DiseaseArea.options,
  cellSource: CellSource.options,
  species: [...Species.options, UNSPECIFIED],
  setting: Setting.options,
};

/** The values a study takes on a dimension: one for area and cell source, any number for species and setting. */
export function studyValues(study: Study, dimension: MapDimension): string[] {
  switch (dimension) {
    case 'diseaseArea':
      return [study.diseaseArea];
    case 'cellSource':
      return [study.cellSource];
    case 'species':
      return study.species.length > 0 ? [...study.species] : [UNSPECIFIED];
    case 'setting':
      return [...study.setting];
  }
}

/** Checks a dimension name; an unknown one throws EXO_ERR_QUERY_UNKNOWN_FILTER naming the parameter. */
export function checkDimension(value: string, field: string): MapDimension {
  if (!(MAP_DIMENSIONS as readonly string[]).includes(value)) {
    throw new ExoError('EXO_ERR_QUERY_UNKNOWN_FILTER', `unknown ${field} dimension '${value}'; known dimensions: ${MAP_DIMENSIONS.join(', ')}`, { field });
  }
  return value as MapDimension;
}

/** Sorts values in the dimension's order (unknown values last, alphabetically). */
export function orderValues(values: Iterable<string>, dimension: MapDimension): string[] {
  const order = DIMENSION_ORDER[dimension];
  const rank = (v: string): number => (order.includes(v) ? order.indexOf(v) : order.length);
  return [...new Set(values)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
