import type { IsolationMethod } from '@exoatlas/schema';
import type { NeedName } from './needs.js';

/** Two methods the review says are used together, with the needs either of them favours for this user. */
export interface MethodCombination {
  methods: [IsolationMethod['abbr'], IsolationMethod['abbr']];
  text: string;
  quote: string;
  section: string;
  referenceNumbers: number[];
  /** Needs of this user that at least one of the two methods favours. */
  favours: NeedName[];
}

/**
 * The combinations of methods the review mentions, once per pair (a pair is recorded under both of its methods),
 * those favouring more of the user's needs first. Likenesses ("similar to dUC") are kept apart in `similarTo`.
 */
export function methodCombinations(methods: readonly IsolationMethod[], favouredNeeds: ReadonlyMap<string, readonly NeedName[]>): MethodCombination[] {
  const byPair = new Map<string, MethodCombination>();
  for (const m of methods) {
    for (const entry of m.combinations) {
      const pair = [m.abbr, entry.with].sort() as [IsolationMethod['abbr'], IsolationMethod['abbr']];
      const key = pair.join('+');
      if (byPair.has(key) || pair[0] === pair[1]) continue;
      const p = entry.provenance[0]!;
      const favours = [...new Set([...(favouredNeeds.get(pair[0]) ?? []), ...(favouredNeeds.get(pair[1]) ?? [])])];
      byPair.set(key, { methods: pair, text: entry.text, quote: p.quote, section: p.section, referenceNumbers: [...p.referenceNumbers], favours });
    }
  }
  return [...byPair.values()].sort((a, b) => b.favours.length - a.favours.length);
}
