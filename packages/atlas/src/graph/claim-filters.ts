import { CellSource, DiseaseArea, ExoError, claimCellSource, type Claim } from '@exoatlas/schema';
import { claimEntityIds } from '../entities/claim-entities.js';

/** Filters of the claim list and the mechanism graph; every value is checked against what exists. */
export interface ClaimFilters {
  /** Entity id, name or synonym the claim names (as subject, object or context). */
  entity?: string;
  /** Figure (1–5) whose legend states the claim. */
  figure?: number;
  diseaseArea?: string;
  /** Cell source of the vesicles the claim is about: the curators' corrected one where the review's is wrong. */
  cellSource?: string;
}

export interface ClaimFilterContext {
  /** Resolves an entity id, name or synonym; throws EXO_ERR_NOT_FOUND_ENTITY when there is none. */
  resolveEntity: (idOrName: string) => { id: string };
  claimAreas: (claim: Claim) => readonly DiseaseArea[];
}

/** Checks the filter values: an unknown area or cell source throws EXO_ERR_QUERY_UNKNOWN_FILTER, a bad figure EXO_ERR_QUERY_INVALID. */
export function checkClaimFilters(filters: ClaimFilters): void {
  const { figure, diseaseArea, cellSource } = filters;
  if (figure !== undefined && !(Number.isInteger(figure) && figure >= 1 && figure <= 5)) {
    throw new ExoError('EXO_ERR_QUERY_INVALID', `figure must be a whole number from 1 to 5 (got '${figure}')`, { field: 'figure' });
  }
  if (diseaseArea !== undefined && !(DiseaseArea.options as readonly string[]).includes(diseaseArea)) {
    throw new ExoError('EXO_ERR_QUERY_UNKNOWN_FILTER', `unknown disease area '${diseaseArea}'; known areas: ${DiseaseArea.options.join(', ')}`, { field: 'area' });
  }
  if (cellSource !== undefined && !(CellSource.options as readonly string[]).includes(cellSource)) {
    throw new ExoError('EXO_ERR_QUERY_UNKNOWN_FILTER', `unknown cell source '${cellSource}'; known sources: ${CellSource.options.join(', ')}`, { field: 'cellSource' });
  }
}

/** The claims matching every filter, in the knowledge base's order. */
export function filterClaims(claims: readonly Claim[], filters: ClaimFilters, context: ClaimFilterContext): Claim[] {
  checkClaimFilters(filters);
  const { figure, diseaseArea, cellSource } = filters;
  const entityId = filters.entity === undefined ? undefined : context.resolveEntity(filters.entity).id;
  return claims.filter(
    (c) =>
      (entityId === undefined || claimEntityIds(c).includes(entityId)) &&
      (figure === undefined || c.figure === figure) &&
      (cellSource === undefined || claimCellSource(c) === cellSource) &&
      (diseaseArea === undefined || context.claimAreas(c).includes(diseaseArea as DiseaseArea)),
  );
}
