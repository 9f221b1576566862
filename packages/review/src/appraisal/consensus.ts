/**
 * Dual assessment and consensus: two (or more) reviewers appraise each study independently; their item-level
 * disagreements are listed, agreement is summarised (per cent and Cohen's κ), and the value used downstream is the
 * consensus record when one is saved, else the reviewers' common answer when they all agree.
 */
import { cohenKappa } from '../agreement/cohen-kappa.js';
import { percentAgreement } from '../agreement/percent.js';

export interface ItemDisagreement<J> {
  item: string;
  /** reviewer → judgement */
  judgements: Record<string, J>;
}

export interface AgreementSummary<J> {
  items: number;
  agreed: number;
  /** share of items on which the first two reviewers agree (0–1) */
  percent: number | null;
  /** Cohen's κ of the first two reviewers over the items (null when undefined: one category only) */
  kappa: number | null;
  disagreements: ItemDisagreement<J>[];
}

/** Compares reviewers' item judgements (`byReviewer[reviewer][item]`). */
export function compareJudgements<J extends string>(byReviewer: Record<string, Record<string, J>>, itemIds: readonly string[]): AgreementSummary<J> {
  const reviewers = Object.keys(byReviewer).sort();
  const disagreements: ItemDisagreement<J>[] = [];
  let agreed = 0;
  for (const item of itemIds) {
    const js: Record<string, J> = {};
    for (const r of reviewers) {
      const j = byReviewer[r]![item];
      if (j !== undefined) js[r] = j;
    }
    if (new Set(Object.values(js)).size <= 1) agreed++;
    else disagreements.push({ item, judgements: js });
  }
  let kappa: number | null = null;
  let percent: number | null = null;
  if (reviewers.length >= 2) {
    const a = byReviewer[reviewers[0]!]!;
    const b = byReviewer[reviewers[1]!]!;
    const pairs = itemIds.filter((i) => a[i] !== undefined && b[i] !== undefined).map((i) => [a[i]!, b[i]!] as const);
    percent = percentAgreement(pairs) ?? null;
    kappa = cohenKappa(pairs) ?? null;
  }
  return { items: itemIds.length, agreed, percent, kappa, disagreements };
}

export type ConsensusStatus = 'consensus' | 'agreed' | 'single' | 'conflict' | 'none';

/**
 * The value to use for a study: the consensus record if saved; else, with two or more reviewers who agree
 * (`same`), the common value; a single reviewer's value is used but marked "single"; reviewers who disagree
 * without a consensus give nothing ("conflict").
 */
export function effectiveValue<T>(reviewerValues: readonly T[], consensus: T | undefined, same: (a: T, b: T) => boolean): { status: ConsensusStatus; value: T | undefined } {
  if (consensus !== undefined) return { status: 'consensus', value: consensus };
  if (reviewerValues.length === 0) return { status: 'none', value: undefined };
  const first = reviewerValues[0]!;
  if (reviewerValues.length === 1) return { status: 'single', value: first };
  return reviewerValues.every((v) => same(first, v)) ? { status: 'agreed', value: first } : { status: 'conflict', value: undefined };
}
