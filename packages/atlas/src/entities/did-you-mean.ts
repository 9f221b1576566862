import { ExoError, type Entity } from '@exoatlas/schema';

/** Lower-case letters and digits only: "miR 21", "MIR-21" and "mir21" all fold to "mir21". */
export function foldName(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Levenshtein edit distance (insertions, deletions, substitutions each cost 1). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Entities whose id, name or synonym is close to what was asked: the same after folding case and punctuation, within
 * an edit distance of a third of the word (at least 1, at most 3), or containing it (for queries of 3+ characters).
 * Closest first, at most `max`.
 */
export function suggestEntities(query: string, entities: readonly Entity[], max = 3): Entity[] {
  const q = foldName(query);
  if (q.length === 0) return [];
  const allowed = Math.min(3, Math.max(1, Math.floor(q.length / 3)));
  const scored: { entity: Entity; score: number }[] = [];
  for (const entity of entities) {
    let best = Infinity;
    for (const name of [entity.id, entity.name, ...entity.synonyms]) {
      const n = foldName(name);
      if (n.length === 0) continue;
      const d = editDistance(q, n);
      if (d <= allowed) best = Math.min(best, d);
      else if (q.length >= 3 && (n.includes(q) || (n.length >= 3 && q.includes(n)))) best = Math.min(best, allowed + 1 + Math.abs(n.length - q.length) / 100);
    }
    if (best < Infinity) scored.push({ entity, score: best });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.entity.name.localeCompare(b.entity.name))
    .slice(0, max)
    .map((s) => s.entity);
}

/** EXO_ERR_NOT_FOUND_ENTITY for `query`, suggesting close names when there are any. */
export function entityNotFound(query: string, entities: readonly Entity[], field?: string): ExoError {
  const suggestions = suggestEntities(query, entities);
  const hint = suggestions.length ? `; did you mean ${suggestions.map((e) => (e.name === e.id ? e.id : `${e.name} (${e.id})`)).join(', ')}?` : '';
  return new ExoError('EXO_ERR_NOT_FOUND_ENTITY', `no entity '${query}'${hint}`, { id: query, ...(field ? { field } : {}), suggestions: suggestions.map((e) => e.id) });
}
