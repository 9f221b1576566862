/** Linear scales with "nice" ticks (1, 2, 5 × 10ⁿ steps), for every plot's axes. */

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
