import { latestByReviewer } from '../screening/decisions.js';
import type { Decision, DecisionValue, Stage } from '../types.js';
import { kappaInterval } from './kappa-interval.js';
import { percentAgreement } from './percent.js';

export interface AgreementStats {
  stage: Stage;
  /** Records that two reviewers decided independently. */
  records: number;
  /** Share of those records with the same decision (include / exclude / maybe), 0–1. */
  percentAgreement?: number;
  /** Cohen's kappa over the three decisions. */
  kappa?: number;
  /** Its 95% confidence interval (Fleiss, Cohen & Everitt's large-sample standard error; bounded to [−1, 1]). */
  kappaCi?: [number, number];
  /** Cohen's kappa with "maybe" counted as include (the include/exclude question of the stage). */
  kappaIncludeExclude?: number;
  /** Its 95% confidence interval. */
  kappaIncludeExcludeCi?: [number, number];
  /** Cross-table: on each record, the decision of the reviewer whose name sorts first → the other's → count. */
  table: Record<DecisionValue, Record<DecisionValue, number>>;
  /** The same statistics for each pair of reviewers. */
  pairs: PairAgreement[];
}

/** Agreement of one pair of reviewers (named in alphabetical order) over the records both decided at the stage. */
export interface PairAgreement {
  reviewers: [string, string];
  records: number;
  percentAgreement?: number;
  kappa?: number;
  kappaCi?: [number, number];
  /** κ with "maybe" counted as include. */
  kappaIncludeExclude?: number;
  kappaIncludeExcludeCi?: [number, number];
  /** Cross-table of this pair: the first-named reviewer's decision → the second's → count. */
  table: Record<DecisionValue, Record<DecisionValue, number>>;
}

const emptyTable = (): Record<DecisionValue, Record<DecisionValue, number>> => ({
  include: { include: 0, exclude: 0, maybe: 0 },
  exclude: { include: 0, exclude: 0, maybe: 0 },
  maybe: { include: 0, exclude: 0, maybe: 0 },
});

/** κ, its 95% interval, and both again for the include/exclude question, of one set of decision pairs. */
function kappas(pairs: readonly [DecisionValue, DecisionValue][]) {
  const all = kappaInterval(pairs);
  const binary = kappaInterval(includeExclude(pairs));
  return { kappa: all?.kappa, kappaCi: all?.ci, kappaIncludeExclude: binary?.kappa, kappaIncludeExcludeCi: binary?.ci };
}

/** The include/exclude question of a stage: "maybe" counts as include. */
const includeExclude = (pairs: readonly [DecisionValue, DecisionValue][]) => pairs.map(([a, b]) => [a === 'exclude' ? 'exclude' : 'include', b === 'exclude' ? 'exclude' : 'include'] as const);

/**
 * Agreement between the two reviewers who first decided each record at a stage (their latest decisions), pooled over
 * records, and per reviewer pair. Cohen's κ is unchanged when the raters swap on every record, but not when they swap
 * on some: so on each record the reviewer whose name sorts first is rater 1, in the pooled table as in each pair's,
 * and κ does not depend on who happened to decide first (two decisions at the same moment commit in either order).
 */
export function agreementStats(decisionsByRecord: ReadonlyMap<number, readonly Decision[]>, stage: Stage): AgreementStats {
  const pooled: [DecisionValue, DecisionValue][] = [];
  const table = emptyTable();
  const byPair = new Map<string, { reviewers: [string, string]; pairs: [DecisionValue, DecisionValue][]; table: Record<DecisionValue, Record<DecisionValue, number>> }>();
  for (const decisions of decisionsByRecord.values()) {
    const latest = latestByReviewer(decisions.filter((d) => d.stage === stage));
    if (latest.length < 2) continue;
    let [first, second] = [latest[0]!, latest[1]!];
    if (first.reviewer > second.reviewer) [first, second] = [second, first];
    pooled.push([first.decision, second.decision]);
    table[first.decision][second.decision]++;
    const key = `${first.reviewerId}:${second.reviewerId}`;
    const entry = byPair.get(key) ?? { reviewers: [first.reviewer, second.reviewer] as [string, string], pairs: [], table: emptyTable() };
    entry.pairs.push([first.decision, second.decision]);
    entry.table[first.decision][second.decision]++;
    byPair.set(key, entry);
  }
  return {
    stage,
    records: pooled.length,
    percentAgreement: percentAgreement(pooled),
    ...kappas(pooled),
    table,
    pairs: [...byPair.values()].map((p) => ({
      reviewers: p.reviewers,
      records: p.pairs.length,
      percentAgreement: percentAgreement(p.pairs),
      ...kappas(p.pairs),
      table: p.table,
    })),
  };
}
