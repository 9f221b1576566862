import type { BiologyStatement, IsolationMethod, Limitation } from '@exoatlas/schema';
import { methodCombinations, type MethodCombination } from './combinations.js';
import { reasonsFor } from './method-evidence.js';
import { givenNeeds, NEED_NAMES, type AdvisorNeeds, type NeedName } from './needs.js';
import type { AdvisorReason } from './reason.js';

/** One method's place in the ranking. */
export interface RankedMethod {
  method: IsolationMethod['abbr'];
  id: IsolationMethod['id'];
  name: string;
  /** 1 is best; methods with equal scores share a rank (1, 1, 3, …). */
  rank: number;
  score: number;
  reasons: AdvisorReason[];
  /** Needs the review says nothing about for this method: scored 0, never guessed. */
  unknown: NeedName[];
}

/** The needs as given, for the answer: each need's value and weight. */
export type AdvisedNeeds = Partial<Record<NeedName, { value: string | string[]; weight: number }>>;

export interface Advice {
  needs: AdvisedNeeds;
  ranking: RankedMethod[];
  combinations: MethodCombination[];
  notes: string[];
}

/** What the advisor reads from the knowledge base. */
export interface AdvisorSources {
  isolationMethods: readonly IsolationMethod[];
  limitations?: readonly Limitation[];
  biology?: readonly BiologyStatement[];
}

const cite = (r: { provenance: { quote: string; section: string; referenceNumbers: number[] }[] }): string => {
  const p = r.provenance[0]!;
  return `“${p.quote}” (section ${p.section}${p.referenceNumbers.length ? ` [${p.referenceNumbers.join(', ')}]` : ''})`;
};

/**
 * Ranks the isolation methods for a user's needs (see docs/advisor.md). Every statement of the review on a need's
 * dimension scores +weight when it favours the method and −weight when it counts against it; a method the review
 * says nothing about for a need scores 0 there and lists the need under `unknown`. Methods are ranked by score;
 * equal scores share a rank and keep the review's order (dUC, SEC, UF, PEG, IA, MF).
 */
export function adviseMethods(sources: AdvisorSources, needs: AdvisorNeeds): Advice {
  const asked = givenNeeds(needs);
  const scored = sources.isolationMethods.map((m, order) => {
    const reasons: AdvisorReason[] = [];
    const unknown: NeedName[] = [];
    for (const need of asked) {
      const found = reasonsFor(m, need, needs);
      if (found.length === 0 && !isUnscored(needs, need)) unknown.push(need);
      reasons.push(...found);
    }
    const score = reasons.reduce((sum, r) => sum + r.points, 0);
    return { method: m.abbr, id: m.id, name: m.name, rank: 0, score: round(score), reasons, unknown, order };
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  const ranking: RankedMethod[] = scored.map(({ order: _order, ...m }) => ({ ...m, rank: 1 + scored.filter((o) => o.score > m.score).length }));

  const favoured = new Map(ranking.map((m) => [m.method as string, [...new Set(m.reasons.filter((r) => r.effect === 'favours').map((r) => r.need))]]));
  return { needs: describeNeeds(needs), ranking, combinations: methodCombinations(sources.isolationMethods, favoured), notes: advisorNotes(sources, needs, ranking) };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** purity=low and yield=low ask for nothing that tells methods apart: they are not scored and not "unknown". */
const isUnscored = (needs: AdvisorNeeds, need: NeedName): boolean => (need === 'purity' || need === 'yield') && needs[need] === 'low';

function describeNeeds(needs: AdvisorNeeds): AdvisedNeeds {
  const out: AdvisedNeeds = {};
  for (const need of NEED_NAMES) {
    const value = needs[need];
    if (value !== undefined) out[need] = { value: Array.isArray(value) ? [...value] : (value as string), weight: needs.weights[need] ?? 1 };
  }
  return out;
}

/** Plain-language notes: what was not scored, where the review is silent, ties, and its caveats that apply to all methods. */
function advisorNotes(sources: AdvisorSources, needs: AdvisorNeeds, ranking: readonly RankedMethod[]): string[] {
  const asked = givenNeeds(needs);
  const notes: string[] = [];
  if (asked.length === 0) notes.push('No needs were given, so every method scores 0: say what you need (volume, purity, yield, cost, scalability, speed, function, equipment).');
  for (const need of asked) {
    if (isUnscored(needs, need)) notes.push(`${need}=low is not scored: a low ${need} requirement does not tell the methods apart.`);
    else if (ranking.every((m) => m.unknown.includes(need))) notes.push(`The review gives no basis to judge any method on ${need}=${String(needs[need])}.`);
    else {
      const silent = sources.isolationMethods.filter((m) => ranking.find((r) => r.id === m.id)?.unknown.includes(need)).map((m) => m.abbr);
      if (silent.length > 0) notes.push(`On ${need}, the review says nothing about ${silent.join(', ')}: scored 0, not guessed.`);
    }
  }
  if (needs.volume) {
    const other = needs.volume === 'large' ? 'small' : 'large';
    const others = sources.isolationMethods.filter((m) => reasonsFor(m, 'volume', needs).length === 0 && reasonsFor(m, 'volume', { ...needs, volume: other }).length > 0);
    if (others.length > 0) notes.push(`The review speaks of ${others.map((m) => m.abbr).join(', ')} only for ${other} volumes; that says nothing about ${needs.volume} volumes.`);
  }
  const top = ranking.filter((m) => m.rank === 1);
  if (asked.length > 0 && top.length > 1 && top.length < ranking.length) notes.push(`${top.map((m) => m.method).join(', ')} share the first rank: the review gives no basis to separate them for these needs.`);
  if (asked.length > 0 && ranking.every((m) => m.score === ranking[0]!.score)) notes.push('Every method has the same score: the review gives no basis to rank them for these needs.');
  const manufacturing = sources.limitations?.find((l) => l.id === 'manufacturing-inefficiencies');
  if (manufacturing && (needs.cost || needs.yield === 'high' || needs.purity === 'high')) {
    notes.push(`For every method, the review warns: ${cite(manufacturing)}.`);
  }
  const alters = sources.biology?.find((b) => b.id === 'isolation-method-alters-exosome-content');
  if (alters && needs.function) notes.push(`On vesicle function, the review adds: ${cite(alters)}.`);
  return notes;
}
