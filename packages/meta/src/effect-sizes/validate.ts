import { MetaError, cellPrefix } from '../errors.js';
import type { ColumnSet, Measure } from './types.js';

type Rule = (v: number) => string | null;

const nonNegative = (what: string): Rule => (v) => (v < 0 ? `${what} cannot be negative (got ${v})` : null);
const sampleSize =
  (min: number): Rule =>
  (v) =>
    v < min ? `a sample size must be at least ${min} (got ${v})` : null;

const MEAN_MEASURES: Measure[] = ['SMD', 'MD', 'ROM', 'NMD'];

/** Range rules of the input columns; sample sizes below 2 cannot carry a standard deviation or correlation. */
function rulesFor(measure: Measure): Record<string, Rule> {
  const n = MEAN_MEASURES.includes(measure) || measure === 'COR' || measure === 'ZCOR' ? sampleSize(2) : sampleSize(1);
  return {
    sd1i: nonNegative('a standard deviation'),
    sd2i: nonNegative('a standard deviation'),
    sem1i: nonNegative('a standard error'),
    sem2i: nonNegative('a standard error'),
    n1i: n,
    n2i: n,
    ni: n,
    ai: nonNegative('a count'),
    bi: nonNegative('a count'),
    ci: nonNegative('a count'),
    di: nonNegative('a count'),
    xi: nonNegative('a count'),
    mi: nonNegative('a count'),
    vi: nonNegative('a sampling variance'),
    sei: nonNegative('a standard error'),
    ri: (v) => (Math.abs(v) > 1 ? `a correlation must lie between -1 and 1 (got ${v})` : null),
  };
}

function fail(row: number, column: string, message: string): never {
  throw new MetaError('EXO_ERR_META_OUT_OF_RANGE', cellPrefix(row, column) + message, { row, column });
}

/** Checks every present cell against its column's rule and the cross-column constraints of 2×2 tables and proportions. */
export function validateColumns(measure: Measure, cols: ColumnSet, k: number): void {
  const rules = rulesFor(measure);
  for (const [name, values] of Object.entries(cols)) {
    const rule = rules[name];
    if (!rule) continue;
    for (let i = 0; i < k; i++) {
      const v = values[i]!;
      if (Number.isNaN(v)) continue;
      const msg = rule(v);
      if (msg) fail(i + 1, name, msg);
    }
  }
  const pairs: [string, string, string | null][] = [
    ['ai', 'n1i', 'bi'],
    ['ci', 'n2i', 'di'],
    ['xi', 'ni', 'mi'],
  ];
  for (const [events, total, rest] of pairs) {
    const e = cols[events];
    const t = cols[total];
    if (!e || !t) continue;
    const r = rest ? cols[rest] : undefined;
    for (let i = 0; i < k; i++) {
      if (e[i]! > t[i]!) fail(i + 1, events, `${events} (${e[i]}) cannot be larger than the group size ${total} (${t[i]})`);
      if (r && !Number.isNaN(r[i]!) && !Number.isNaN(e[i]!) && !Number.isNaN(t[i]!) && e[i]! + r[i]! !== t[i]!) {
        fail(i + 1, total, `${total} (${t[i]}) is not ${events} + ${rest} (${e[i]! + r[i]!})`);
      }
    }
  }
}
