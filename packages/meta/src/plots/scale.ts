/**
 * Axes for ratio measures analysed on the log scale (OR, RR, ROM): ticks placed at log(ratio) and labelled as ratios.
 * Linear scales, nice ticks and number formatting are the shared SVG module's (@exoatlas/core).
 */
import { fixedDecimals as fixed, formatNumber, linearScale, niceDomain, niceTicks } from '@exoatlas/core';
import type { Measure } from '../effect-sizes/types.js';

export { fixed, formatNumber, linearScale, niceDomain, niceTicks };

/** Ratio measures are pooled as logs and shown back-transformed. */
export function isRatioMeasure(m: Measure): boolean {
  return m === 'OR' || m === 'RR' || m === 'ROM';
}

const RATIO_TIERS = [
  [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
  [0.001, 0.01, 0.1, 1, 10, 100, 1000],
];
const RATIO_FINE = [0.5, 0.67, 0.8, 1, 1.25, 1.5, 2];

/** Ticks of a log-ratio axis: positions log(v) for readable ratios v within [lo, hi] (log units). */
export function ratioTicks(lo: number, hi: number): { at: number; label: string }[] {
  const within = (vs: number[]): number[] => vs.filter((v) => Math.log(v) >= lo - 1e-9 && Math.log(v) <= hi + 1e-9);
  let ticks = within(RATIO_TIERS[0]!);
  if (ticks.length > 8) ticks = within(RATIO_TIERS[1]!);
  if (ticks.length < 3) ticks = [...new Set([...within(RATIO_FINE), ...ticks])].sort((a, b) => a - b);
  return ticks.map((v) => ({ at: Math.log(v), label: formatNumber(v, 3) }));
}
