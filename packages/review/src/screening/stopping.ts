import { fitHyperbolicRate } from './hyperbolic-rate.js';

/** Guidance on when screening might stop; never a rule that stops anyone. */
export interface StoppingGuidance {
  screened: number;
  remaining: number;
  included: number;
  /** Records screened since the last include (all screened when there is none yet). */
  sinceLastInclude: number;
  /** Includes expected among the unscreened records, from the fitted discovery curve (undefined when too early). */
  expectedRemainingIncludes?: number;
  /** included / (included + expectedRemainingIncludes): an estimate, not a guarantee. */
  estimatedRecall?: number;
  note: string;
}

/**
 * Stopping guidance from the include/exclude sequence in screening order (1 include or maybe, 0 exclude) and the number
 * of records still unscreened. The recall estimate treats includes as a Poisson process over screening order with a
 * hyperbolic rate λ(k) = a / (1 + c·k) (one of the rate functions of Stevenson & Bin-Hezam, "Stopping methods for
 * technology assisted reviews based on point processes", 2023), fitted by maximum likelihood — a in closed form for
 * each c on a grid — and extrapolated over the unscreened records. The hyperbolic tail thins out slowly, so late,
 * hard-to-find includes are not ruled out early: in simulations on 21 labelled reviews (bench/screening/stopping.ts)
 * it errs on the safe side, where an exponential rate was far too optimistic. It needs at least 20 screened records
 * and one include.
 */
export function stoppingGuidance(sequence: readonly (0 | 1)[], unscreened: number): StoppingGuidance {
  const screened = sequence.length;
  const included = sequence.reduce<number>((s, v) => s + v, 0);
  const last = sequence.lastIndexOf(1);
  const sinceLastInclude = last === -1 ? screened : screened - 1 - last;
  const base = { screened, remaining: unscreened, included, sinceLastInclude };
  if (screened < 20 || included === 0) return { ...base, note: 'too early to estimate recall: screen at least 20 records and find at least one to include' };
  if (unscreened === 0) return { ...base, expectedRemainingIncludes: 0, estimatedRecall: 1, note: 'every record is screened' };
  const { a, c } = fitHyperbolicRate(sequence);
  let tail = 0;
  for (let k = screened + 1; k <= screened + unscreened; k++) tail += a / (1 + c * k);
  const estimatedRecall = included / (included + tail);
  return {
    ...base,
    expectedRemainingIncludes: tail,
    estimatedRecall,
    note: `about ${tail.toFixed(1)} more includes are expected among the ${unscreened} unscreened records (estimated recall ${(estimatedRecall * 100).toFixed(0)}%, a cautious estimate); ${sinceLastInclude} screened since the last include. This is guidance, not a stopping rule.`,
  };
}
