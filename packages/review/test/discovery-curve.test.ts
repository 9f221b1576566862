import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { discoveryCurveSvg } from '../src/index.js';

const golden = new URL('./golden/discovery-curve.svg', import.meta.url);

describe('discovery curve', () => {
  // 60 records screened of 200: includes at screening positions 1, 2, 4, 9, 15 and 31, then 29 excludes.
  const sequence = Array.from({ length: 60 }, (_, i) => ([0, 1, 3, 8, 14, 30].includes(i) ? 1 : 0)) as (0 | 1)[];

  it('says what it shows: includes found, records screened, the total, and the records since the last include', () => {
    const svg = discoveryCurveSvg(sequence, 200);
    expect(svg).toContain('<title id="discovery-title">Includes found as screening went on: 6 in 60 of 200 records screened</title>');
    expect(svg).toContain('The last include was record 31 screened; 29 screened since.');
    expect(svg).toContain('6 includes in 60 records screened · 29 since the last include');
    expect(svg).toContain('Records screened (of 200)');
    expect(svg).toContain('>Not screened (140)</text>');
  });

  it('draws one step per include and shades the unscreened part; the same sequence gives the same bytes (golden file)', () => {
    const svg = discoveryCurveSvg(sequence, 200);
    const path = svg.match(/<path d="([^"]+)" fill="none" stroke="#0072b2"/)![1]!;
    expect(path.match(/V/g)).toHaveLength(6);
    expect(svg).toMatch(/<rect x="[\d.]+" y="36" width="[\d.]+" height="216" fill="#f2f2f2"\/>/);
    expect(discoveryCurveSvg(sequence, 200)).toBe(svg);
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(golden)) writeFileSync(golden, svg);
    expect(svg).toBe(readFileSync(golden, 'utf8'));
  });

  it('copes with nothing screened and with everything screened', () => {
    expect(discoveryCurveSvg([], 10)).toContain('No include yet.');
    const all = discoveryCurveSvg([1, 0, 0], 3);
    expect(all).not.toContain('fill="#f2f2f2"');
    expect(all).toContain('1 include in 3 records screened · 2 since the last include');
    // whole includes only on the y axis
    const yLabels = [...discoveryCurveSvg([1, 1, 0], 3).matchAll(/text-anchor="end" fill="#333333">([^<]+)</g)].map((m) => m[1]);
    expect(yLabels).toEqual(['0', '1', '2']);
  });
});
