import { ExoError, type Entity } from '@exoatlas/schema';

/** Lower-case letters and digits only: "miR 21", "MIR-21" and "mir21" all fold to "mir21". */
export function foldName(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Edit distance with adjacent transpositions (optimal string alignment): insert, delete, substitute or swap two neighbours, each 1. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The one entity whose id, name or synonym equals `query` once case and punctuation are folded ("mir21", "PI3K-Akt pathway"). */
export function resolveFolded(query: string, entities: readonly Entity[]): Entity | undefined {
  const q = foldName(query);
  if (q.length === 0) return undefined;
  const matches = entities.filter((e) => [e.id, e.name, ...e.synonyms].some((n) => foldName(n) === q));
  return matches.length === 1 ? matches[0] : undefined;
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
