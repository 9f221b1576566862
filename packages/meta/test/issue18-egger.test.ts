/**
 * Issue 18 item 8: Egger's regression test names its statistic as metafor's print.regtest does — z under the
 * default z test, t with k − 2 degrees of freedom under Knapp–Hartung — and the text summary prints that name.
 * Numbers: the conformance cases dat-normand-md-dl-knha and dat-bcg-or-dl (regtest(res) in metafor).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseTable, parseCsv } from '../src/index.js';
import { formatSummary } from '../src/summary.js';

const CASES = join(import.meta.dirname, 'fixtures/metafor/cases');
const load = (id: string) => ({
  table: parseCsv(readFileSync(join(CASES, id, 'data.csv'), 'utf8')),
  egger: JSON.parse(readFileSync(join(CASES, id, 'case.json'), 'utf8')).expected.bias.egger as { statistic: number; pval: number },
});

describe("issue 18 item 8: Egger's statistic is named as metafor names it", () => {
  it('Knapp–Hartung: t with k − 2 df', () => {
    const c = load('dat-normand-md-dl-knha');
    const r = analyseTable(c.table, { measure: 'MD', method: 'DL', test: 'knha', bias: true });
    expect(r.bias!.egger).toMatchObject({ statisticName: 't', df: r.k - 2 });
    expect(r.bias!.egger!.statistic).toBeCloseTo(c.egger.statistic, 8);
    expect(r.bias!.egger!.pval).toBeCloseTo(c.egger.pval, 8);
    expect(formatSummary(r)).toMatch(/Egger's regression test: t = -1\.16\d*, df = 7,/);
  });

  it('z test: z, no df', () => {
    const c = load('dat-bcg-or-dl');
    const r = analyseTable(c.table, { measure: 'OR', method: 'DL', bias: true });
    expect(r.bias!.egger).toMatchObject({ statisticName: 'z', df: null });
    expect(r.bias!.egger!.statistic).toBeCloseTo(c.egger.statistic, 8);
    expect(formatSummary(r)).toMatch(/Egger's regression test: z = /);
    // issue 18 item 3: a bare table gives no direction, and the summary says so
    expect(formatSummary(r)).toMatch(/Favours treatment: direction not stated \(above or below 1/);
  });
});
