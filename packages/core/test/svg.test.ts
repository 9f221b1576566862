import { describe, expect, it } from 'vitest';
import { escapeSvgText, fixedDecimals, linearScale, niceTicks, svgCoordinate, svgOpen } from '../src/index.js';

describe('issue 22: the one shared SVG module', () => {
  it('escapes text, rounds coordinates, opens an accessible SVG', () => {
    expect(escapeSvgText('a < b & "c"')).toBe('a &lt; b &amp; &quot;c&quot;');
    expect([svgCoordinate(1.005), svgCoordinate(-0.001), svgCoordinate(12.3456)]).toEqual(['1', '0', '12.35']);
    expect(svgOpen(100, 50, 'p', 'T<', 'D')).toContain('aria-labelledby="p-title p-desc"');
    expect(svgOpen(100, 50, 'p', 'T<', 'D')).toContain('<title id="p-title">T&lt;</title>');
    expect([fixedDecimals(-0.001), fixedDecimals(null), fixedDecimals(1.234, 1)]).toEqual(['0.00', 'NA', '1.2']);
  });
  it('scales and ticks', () => {
    expect(linearScale([0, 10], [0, 100])(2.5)).toBe(25);
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});
