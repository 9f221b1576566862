/**
 * Axes for the plots: linear scales with "nice" ticks (1, 2, 5 × 10ⁿ steps) and, for ratio measures analysed
 * on the log scale (OR, RR, ROM), ticks placed at log(ratio) and labelled as ratios.
 */
import type { Measure } from '../effect-sizes/types.js';

export interface Scale {
  domain: [number, number];
  range: [number, number];
  (x: number): number;
}

export function linearScale(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  const f = ((x: number) => r0 + ((x - d0) / span) * (r1 - r0)) as Scale;
  f.domain = domain;
  f.range = range;
  return f;
}

/** Tick values covering [lo, hi] with about `count` nice steps. */
export function niceTicks(lo: number, hi: number, count = 6): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  const step = (norm >= 5 ? 10 : norm >= 2 ? 5 : norm >= 1 ? 2 : 1) * mag;
  const start = Math.ceil(lo / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let t = start; t <= hi + step * 1e-9; t += step) ticks.push(Math.abs(t) < step * 1e-9 ? 0 : Number(t.toPrecision(12)));
  return ticks;
}

/** Widens [lo, hi] outwards to the nearest ticks. */
export function niceDomain(lo: number, hi: number, count = 6): [number, number] {
  if (!(hi > lo)) return [lo - 1, hi + 1];
  const t = niceTicks(lo, hi, count);
  const step = t.length > 1 ? t[1]! - t[0]! : hi - lo;
  return [Math.min(lo, t[0]! > lo ? t[0]! - step : t[0]!), Math.max(hi, t[t.length - 1]! < hi ? t[t.length - 1]! + step : t[t.length - 1]!)];
}

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

/** Rounds to `digits` significant decimals without trailing zeros (deterministic SVG text). */
export function formatNumber(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return 'NA';
  const s = x.toFixed(digits);
  const t = s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
  return t === '-0' ? '0' : t;
}

/** Fixed decimals, "-0.00" folded to "0.00". */
export function fixed(x: number | null, digits = 2): string {
  if (x === null || !Number.isFinite(x)) return 'NA';
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}
