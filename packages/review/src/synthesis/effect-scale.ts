/**
 * How a pooled effect is reported (issue 18 item 3): ratio measures (OR, RR, ROM) are analysed as logs and reported
 * as ratios, with the log values kept under names that say so; and every effect says which side favours treatment.
 *
 * The analysis table orients every comparison so that a positive log ratio or difference favours treatment: where
 * an outcome's lower values are better (mortality, lesion size) the groups are swapped, so an OR then compares the
 * control group's odds with the treated group's. Stated plainly here, because "OR 4.19" for mortality reads as harm
 * to anyone who assumes treatment / control.
 */
import { isRatioMeasure } from '@exoatlas/meta';
import type { AnalysisTable } from './analysis-table.js';
import type { SynthesisMeasure } from './measure-choice.js';

export type OutcomeDirection = 'higher-is-better' | 'lower-is-better' | 'mixed' | 'not-stated';

export interface EffectScale {
  /** "ratio": estimate/ciLower/ciUpper are ratios (log values in logEstimate…); "linear": differences as analysed */
  scale: 'ratio' | 'linear';
  /** the value of no effect on that scale */
  nullValue: 0 | 1;
  /** the side of the null value that favours treatment */
  favoursTreatment: 'above' | 'below' | 'not-stated';
  /** whether the outcome's higher or lower values are better, from the extraction forms (swapped rows) */
  outcomeDirection: OutcomeDirection;
  /** one sentence for people: "OR > 1 favours treatment (lower is better; the ratio compares control with treatment)" */
  interpretation: string;
}

export const DIRECTION_NOT_STATED = 'direction not stated';

export function isRatio(measure: string): boolean {
  return isRatioMeasure(measure as never);
}

/** The outcomes' direction over a table's comparisons (rows stored before it was recorded: from `swapped`). */
export function outcomeDirection(rows: readonly { swapped: boolean; direction?: string }[]): OutcomeDirection {
  const dirs = new Set(rows.map((r) => r.direction ?? (r.swapped ? 'lower-is-better' : undefined)));
  if (dirs.size !== 1 || dirs.has(undefined)) return dirs.size > 1 && !dirs.has(undefined) ? 'mixed' : 'not-stated';
  return [...dirs][0] as OutcomeDirection;
}

export function effectScale(measure: SynthesisMeasure | string, table: Pick<AnalysisTable, 'rows'> | null): EffectScale {
  const ratio = isRatio(measure);
  const nullValue = ratio ? 1 : 0;
  const direction = table ? outcomeDirection(table.rows) : 'not-stated';
  if (direction === 'not-stated') return { scale: ratio ? 'ratio' : 'linear', nullValue, favoursTreatment: 'not-stated', outcomeDirection: direction, interpretation: `${measure}: ${DIRECTION_NOT_STATED}` };
  const swap =
    direction === 'lower-is-better'
      ? ratio
        ? '; lower is better, so the ratio compares control with treatment'
        : '; lower is better, so the difference is control minus treatment'
      : direction === 'mixed'
        ? '; each comparison oriented by its outcome direction (lower-is-better ones compare control with treatment)'
        : '; higher is better';
  return { scale: ratio ? 'ratio' : 'linear', nullValue, favoursTreatment: 'above', outcomeDirection: direction, interpretation: `${measure} > ${nullValue} favours treatment${swap}` };
}

/** A log-scale value on the reporting scale (ratios exponentiated). */
export function reported(measure: string, x: number | null): number | null {
  return x === null ? null : isRatio(measure) ? Math.exp(x) : x;
}
