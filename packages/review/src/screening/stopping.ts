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
 * of records still unscreened. The recall estimate fits an exponentially decaying discovery rate λ(k) = a·e^(−b·k) to
 * the sequence by Poisson maximum likelihood (a in closed form for each b on a grid), and extrapolates it over the
 * unscreened records — the curve-fitting idea of Cormack & Grossman's stopping methods (SIGIR 2016), here as guidance
 * only. It needs at least 20 screened records and one include.
 */
export function stoppingGuidance(sequence: readonly (0 | 1)[], unscreened: number): StoppingGuidance {
  const screened = sequence.length;
  const included = sequence.reduce<number>((s, v) => s + v, 0);
  const last = sequence.lastIndexOf(1);
  const sinceLastInclude = last === -1 ? screened : screened - 1 - last;
  const base = { screened, remaining: unscreened, included, sinceLastInclude };
  if (screened < 20 || included === 0) return { ...base, note: 'too early to estimate recall: screen at least 20 records and find at least one to include' };
  if (unscreened === 0) return { ...base, expectedRemainingIncludes: 0, estimatedRecall: 1, note: 'every record is screened' };
  let best = { ll: -Infinity, a: included / screened, b: 0 };
  for (let step = 0; step <= 60; step++) {
    const b = step === 0 ? 0 : (10 / screened) * Math.pow(10, (step - 60) / 15);
    let mass = 0;
    let weighted = 0;
    for (let k = 1; k <= screened; k++) {
      const e = Math.exp(-b * k);
      mass += e;
      if (sequence[k - 1] === 1) weighted += k;
    }
    const a = included / mass;
    const ll = included * Math.log(a) - b * weighted - included;
    if (ll > best.ll) best = { ll, a, b };
  }
  let tail = 0;
  for (let k = screened + 1; k <= screened + unscreened; k++) tail += best.a * Math.exp(-best.b * k);
  const estimatedRecall = included / (included + tail);
  return {
    ...base,
    expectedRemainingIncludes: tail,
    estimatedRecall,
    note: `about ${tail.toFixed(1)} more includes are expected among the ${unscreened} unscreened records (estimated recall ${(estimatedRecall * 100).toFixed(0)}%); ${sinceLastInclude} screened since the last include. This is guidance, not a stopping rule.`,
  };
}
