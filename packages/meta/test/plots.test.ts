/**
 * Golden-file tests of the SVG plots: regenerate with UPDATE_GOLDEN=1 npx vitest run packages/meta.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseTable, forestPlot, funnelPlot, parseCsv } from '../src/index.js';

const GOLDEN = join(import.meta.dirname, 'golden');
const CASES = join(import.meta.dirname, 'fixtures', 'metafor', 'cases');
const data = (c: string): ReturnType<typeof parseCsv> => parseCsv(readFileSync(join(CASES, c, 'data.csv'), 'utf8'));

function golden(name: string, svg: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, svg);
  }
  if (!existsSync(file)) throw new Error(`golden file ${name} is missing: run UPDATE_GOLDEN=1 npx vitest run packages/meta`);
  expect(svg).toBe(readFileSync(file, 'utf8'));
}

const bcg = analyseTable(data('bcg-rr-reml'), { measure: 'RR', bias: true });
const bcgSub = analyseTable(data('bcg-rr-reml'), { measure: 'RR', subgroup: 'alloc' });
const normand = analyseTable(data('normand-smd-reml'), { measure: 'SMD', method: 'DL', bias: true });
const hack = analyseTable(data('hackshaw-gen-dl'), { measure: 'GEN', method: 'DL', bias: true });

describe('forest plot', () => {
  it('ratio measure on a back-transformed log axis (golden)', () => golden('forest-bcg-rr.svg', forestPlot(bcg)));
  it('subgroup summaries (golden)', () => golden('forest-bcg-rr-subgroups.svg', forestPlot(bcgSub)));
  it('SMD on a linear axis (golden)', () => golden('forest-normand-smd.svg', forestPlot(normand, { title: 'Normand 1999' })));
  it('is accessible and deterministic', () => {
    const svg = forestPlot(bcg);
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="forest-title forest-desc"/);
    expect(svg).toContain('<title id="forest-title">');
    expect(svg).toContain('<desc id="forest-desc">13 studies; pooled RR 0.49');
    expect(svg).toBe(forestPlot(bcg));
    expect(svg).not.toMatch(/\d\.\d{3,}"/); // coordinates rounded to 0.01
    expect(svg).toContain('class="prediction-interval"');
    expect((svg.match(/class="study"/g) ?? []).length).toBe(13);
    expect(svg).toContain('>0.49 [0.34, 0.70]<'); // back-transformed summary
  });
});

describe('funnel plot', () => {
  it('with trim-and-fill studies (golden)', () => golden('funnel-hackshaw-trimfill.svg', funnelPlot(hack)));
  it('ratio measure (golden)', () => golden('funnel-bcg-rr.svg', funnelPlot(bcg)));
  it('draws the imputed studies as open circles', () => {
    const svg = funnelPlot(hack);
    expect((svg.match(/id="funnel-filled-\d+"/g) ?? []).length).toBe(hack.bias!.trimfill!.k0);
    expect(svg).toContain('class="pseudo-ci"');
    expect(svg).toContain('role="img"');
  });
});
