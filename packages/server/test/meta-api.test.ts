import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/helpers/app.js';
import { repoRoot } from '../../../test/helpers/paths.js';

let ctx: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  ctx = await testApp();
});
afterAll(() => ctx.close());

const caseDir = join(repoRoot, 'packages/meta/test/fixtures/metafor/cases/bcg-rr-reml');
const csv = readFileSync(join(caseDir, 'data.csv'), 'utf8');
const expected = JSON.parse(readFileSync(join(caseDir, 'case.json'), 'utf8')).expected;
const close = (got: number, want: number): boolean => Math.abs(got - want) <= 1e-6 * Math.abs(want) + 1e-9;

describe('POST /api/meta', () => {
  it('reproduces metafor (rma(measure="RR", method="REML") on dat.bcg) and draws both plots', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/meta', payload: { csv, measure: 'RR', method: 'REML', bias: true, leaveOneOut: true } });
    expect(res.statusCode).toBe(200);
    const { result, svg } = res.json();
    for (const key of ['estimate', 'se', 'tau2', 'i2', 'q', 'piLower', 'piUpper'] as const) expect(close(result[key], expected[key]), key).toBe(true);
    expect(result.k).toBe(13);
    expect(close(result.bias.egger.statistic, expected.bias.egger.statistic)).toBe(true);
    expect(svg.forest).toMatch(/^<svg[^>]*role="img"/);
    expect(svg.funnel).toMatch(/^<svg/);
  });

  it('takes rows as records too', async () => {
    const rows = [
      { study: 'A', yi: 0.1, vi: 0.02 },
      { study: 'B', yi: 0.3, vi: 0.03 },
      { study: 'C', yi: -0.1, vi: 0.05 },
    ];
    const res = await ctx.app.inject({ method: 'POST', url: '/api/meta', payload: { rows, measure: 'GEN', method: 'FE', plots: false } });
    expect(res.statusCode).toBe(200);
    // FE estimate = Σ(yi/vi) / Σ(1/vi), by hand: (5 + 10 − 2) / (50 + 33.33 + 20) = 0.12581
    expect(res.json().result.estimate).toBeCloseTo(13 / (50 + 100 / 3 + 20), 10);
  });

  it('refuses bad input with a code that names the row and column', async () => {
    const bad = csv.replace(/\n([^,\n]*,[^,\n]*,)\d+/, '\n$1-5');
    const res = await ctx.app.inject({ method: 'POST', url: '/api/meta', payload: { csv: bad, measure: 'RR' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toMatch(/^EXO_ERR_META_/);
    const unknown = await ctx.app.inject({ method: 'POST', url: '/api/meta', payload: { csv, measure: 'XYZ' } });
    expect(unknown.json().error.code).toBe('EXO_ERR_META_UNKNOWN_MEASURE');
    const neither = await ctx.app.inject({ method: 'POST', url: '/api/meta', payload: { measure: 'RR' } });
    expect(neither.json().error.code).toBe('EXO_ERR_HTTP_BAD_REQUEST');
    const extra = await ctx.app.inject({ method: 'POST', url: '/api/meta', payload: { csv, measure: 'RR', colour: 'red' } });
    expect(extra.statusCode).toBe(400);
  });
});
