import type { Claim, Study } from '@exoatlas/schema';
import { claimEntityIds } from './claim-entities.js';

/** A study with the entities it is linked to (named explicitly or in its text). */
export type StudyWithEntities = Study & { readonly linkedEntities: readonly string[] };

/** For each entity id, the ids of the claims and studies that name it (in knowledge-base order). */
export interface EntityLinks {
  readonly claimIds: ReadonlyMap<string, readonly string[]>;
  readonly studyIds: ReadonlyMap<string, readonly string[]>;
}

/** Indexes which claims and studies name each entity. */
export function entityLinks(claims: readonly Claim[], studies: readonly StudyWithEntities[]): EntityLinks {
  const claimIds = new Map<string, string[]>();
  const studyIds = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, id: string): void => {
    const list = map.get(key);
    if (list) list.push(id);
    else map.set(key, [id]);
  };
  for (const c of claims) for (const e of claimEntityIds(c)) add(claimIds, e, c.id);
  for (const s of studies) for (const e of new Set(s.linkedEntities)) add(studyIds, e, s.id);
  return { claimIds, studyIds };
}
