import { EntityKind, ExoError, type Entity } from '@exoatlas/schema';
import { foldName } from './did-you-mean.js';
import type { EntityLinks } from './entity-links.js';

/** An entity with how many claims and studies name it. */
export type EntitySummary = Entity & { claimCount: number; studyCount: number };

export interface EntityFilters {
  /** One of the entity kinds (mirna, gene, pathway, …). */
  kind?: string;
  /** Words found in the id, name or a synonym (case and punctuation ignored). */
  q?: string;
}

/**
 * The entities matching the filters with their claim and study counts, ordered by kind (in the vocabulary's order)
 * and name; with `q`, exact name matches come first. An unknown kind throws EXO_ERR_QUERY_UNKNOWN_FILTER.
 */
export function listEntities(entities: readonly Entity[], links: EntityLinks, filters: EntityFilters = {}): EntitySummary[] {
  const { kind, q } = filters;
  if (kind !== undefined && !(EntityKind.options as readonly string[]).includes(kind)) {
    throw new ExoError('EXO_ERR_QUERY_UNKNOWN_FILTER', `unknown entity kind '${kind}'; known kinds: ${EntityKind.options.join(', ')}`, { field: 'kind' });
  }
  const words = (q ?? '').split(/\s+/).map(foldName).filter(Boolean);
  const names = (e: Entity): string[] => [e.id, e.name, ...e.synonyms].map(foldName);
  const isExact = (e: Entity): boolean => words.length > 0 && names(e).includes(words.join(''));
  const kindOrder = (e: Entity): number => EntityKind.options.indexOf(e.kind);
  return entities
    .filter((e) => (kind === undefined || e.kind === kind) && words.every((w) => names(e).some((n) => n.includes(w))))
    .sort((a, b) => Number(isExact(b)) - Number(isExact(a)) || kindOrder(a) - kindOrder(b) || a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }))
    .map((e) => ({ ...e, claimCount: links.claimIds.get(e.id)?.length ?? 0, studyCount: links.studyIds.get(e.id)?.length ?? 0 }));
}
