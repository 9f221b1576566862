/**
 * Issue 19 item 2 over HTTP: POST /api/meta with `random` and `robust` runs metafor's rma.mv and
 * robust(..., clubSandwich = TRUE) — numbers of the shared case konstantopoulos-3level-robust
 * (rma.mv(yi, vi, random = ~ 1 | district/school, data = dat.konstantopoulos2011); robust(res, cluster = district, clubSandwich = TRUE)).
 */
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

const caseDir = join(repoRoot, 'packages/meta/test/fixtures/metafor-mv/cases/konstantopoulos-3level-robust');
const csv = readFileSync(join(caseDir, 'data.csv'), 'utf8');
const expected = JSON.parse(readFileSync(join(caseDir, 'case.json'), 'utf8')).expected;
const close = (got: number, want: number): boolean => Math.abs(got - want) <= 1e-6 * Math.abs(want) + 1e-9;

describe('issue 19 item 2: POST /api/meta with a multilevel model', () => {
  it('fits rma.mv with CR2 cluster-robust inference', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/meta', payload: { csv, measure: 'GEN', random: 'district/school', robust: 'district' } });
    expect(res.statusCode).toBe(200);
    const { result, svg } = res.json();
    expect(result.model).toBe('multilevel');
    expect(close(result.sigma2[0], expected.sigma2[0])).toBe(true);
    expect(close(result.sigma2[1], expected.sigma2[1])).toBe(true);
    expect(close(result.estimate, expected.estimate)).toBe(true);
    for (const key of ['se', 'df', 'pval', 'ciLower', 'ciUpper'] as const) expect(close(result.robust[key], expected.robust[key]), key).toBe(true);
    expect(svg.forest).toMatch(/^<svg/);
  });

  it('refuses a missing cluster column and a malformed random option with codes', async () => {
    const missing = await ctx.app.inject({ method: 'POST', url: '/api/meta', payload: { csv, measure: 'GEN', random: 'district/school', robust: 'paper' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('EXO_ERR_META_MISSING_COLUMN');
    const badType = await ctx.app.inject({ method: 'POST', url: '/api/meta', payload: { csv, measure: 'GEN', random: 'district/school', robust: 'district', robustType: 'CR9' } });
    expect(badType.statusCode).toBe(400);
    const one = await ctx.app.inject({ method: 'POST', url: '/api/meta', payload: { rows: [{ yi: 1, vi: 1, g: 'a' }, { yi: 2, vi: 1, g: 'a' }, { yi: 0, vi: 1, g: 'a' }], measure: 'GEN', random: 'g', robust: 'g' } });
    expect(one.json().error.code).toBe('EXO_ERR_META_CLUSTERS');
  });
});
