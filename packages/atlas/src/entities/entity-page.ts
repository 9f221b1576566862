import { DiseaseArea, type Claim, type Entity, type Reference } from '@exoatlas/schema';
import { claimEntityIds, claimReferenceNumbers } from './claim-entities.js';
import type { StudyWithEntities } from './entity-links.js';

/** The fields of a study an entity page lists. */
export interface StudySummary {
  id: string;
  title: string;
  diseaseArea: DiseaseArea;
  condition: string;
  cellSource: string;
  species: string[];
  inTable1: boolean;
  table1Row?: number;
}

/** Everything the atlas knows about one entity. */
export interface EntityPage {
  entity: Entity;
  claims: Claim[];
  studies: StudySummary[];
  /** Diseases named together with the entity: in its claims' context, as their subject or object, or in its studies. */
  diseases: Entity[];
  references: Reference[];
  /** Claim and study ids by disease area (in the vocabulary's order). */
  byDiseaseArea: Record<string, { claims: string[]; studies: string[] }>;
}

export interface EntityPageInput {
  entity: Entity;
  /** The claims that name the entity. */
  claims: readonly Claim[];
  /** The studies linked to the entity. */
  studies: readonly StudyWithEntities[];
  entitiesById: ReadonlyMap<string, Entity>;
  references: (numbers: readonly number[]) => Reference[];
  claimAreas: (claim: Claim) => readonly DiseaseArea[];
}

export function summariseStudy(s: StudyWithEntities): StudySummary {
  return {
    id: s.id,
    title: s.title,
    diseaseArea: s.diseaseArea,
    condition: s.condition,
    cellSource: s.cellSource,
    species: [...s.species],
    inTable1: s.inTable1,
    ...(s.table1Row !== undefined ? { table1Row: s.table1Row } : {}),
  };
}

/** Builds the page of one entity from the claims and studies that name it. */
export function entityPage(input: EntityPageInput): EntityPage {
  const { entity, claims, studies, entitiesById } = input;
  const diseaseIds = new Set<string>();
  for (const c of claims) for (const id of claimEntityIds(c)) diseaseIds.add(id);
  for (const s of studies) for (const id of s.linkedEntities) diseaseIds.add(id);
  diseaseIds.delete(entity.id);
  const diseases = [...diseaseIds]
    .map((id) => entitiesById.get(id))
    .filter((e): e is Entity => e?.kind === 'disease')
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));

  const numbers = [...claims.flatMap(claimReferenceNumbers), ...studies.flatMap((s) => s.referenceNumbers)];
  const byArea = new Map<string, { claims: string[]; studies: string[] }>(DiseaseArea.options.map((a) => [a, { claims: [], studies: [] }]));
  for (const c of claims) for (const a of input.claimAreas(c)) byArea.get(a)!.claims.push(c.id);
  for (const s of studies) byArea.get(s.diseaseArea)!.studies.push(s.id);
  const byDiseaseArea = Object.fromEntries([...byArea].filter(([, v]) => v.claims.length + v.studies.length > 0));

  return { entity, claims: [...claims], studies: studies.map(summariseStudy), diseases, references: input.references(numbers), byDiseaseArea };
}
