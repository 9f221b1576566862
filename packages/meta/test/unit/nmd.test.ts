/**
 * Normalised mean difference (Vesterinen et al. 2014): metafor has no NMD, so these are worked by hand.
 *   ε*_c = ε_c − ε_sham, NMD = 100·(ε_c − ε_Rx)/ε*_c, SD* = 100·SD/ε*_c, v = SD*_c²/n_c + SD*_Rx²/n_Rx.
 */
import { describe, expect, it } from 'vitest';
import { escalc } from '../../src/effect-sizes/escalc.js';
import { nmd } from '../../src/effect-sizes/nmd.js';

describe('NMD', () => {
  it('infarct volume, higher is worse, sham 0', () => {
    // control 100 (SD 20, n 10), treatment 60 (SD 15, n 8), sham 0:
    // lesion 100; NMD = 100·(100 − 60)/100 = 40 %; SD*_c = 20 %, SD*_Rx = 15 %; v = 400/10 + 225/8 = 68.125
    const r = nmd(60, 15, 8, 100, 20, 10, 0);
    expect(r.yi).toBeCloseTo(40, 12);
    expect(r.vi).toBeCloseTo(68.125, 12);
  });
  it('neurological score, higher is better, sham 100', () => {
    // sham 100, control 40 (SD 12, n 9), treatment 70 (SD 9, n 9): lesion −60;
    // NMD = 100·(40 − 70)/(−60) = 50 %; SD*_c = 100·12/60 = 20, SD*_Rx = 15; v = 400/9 + 225/9 = 69.444…
    const r = nmd(70, 9, 9, 40, 12, 9, 100);
    expect(r.yi).toBeCloseTo(50, 12);
    expect(r.vi).toBeCloseTo(625 / 9, 12);
  });
  it('a treatment that worsens the outcome gives a negative NMD', () => {
    // sham 10, control 50, treatment 60: lesion 40; NMD = 100·(50 − 60)/40 = −25 %
    expect(nmd(60, 8, 6, 50, 8, 6, 10).yi).toBeCloseTo(-25, 12);
  });
  it('from a table with a sham column; without one, sham = 0 and a warning', () => {
    const t = { columns: ['m1i', 'sd1i', 'n1i', 'm2i', 'sd2i', 'n2i', 'msi'], rows: [[60, 15, 8, 100, 20, 10, 0], [70, 9, 9, 40, 12, 9, 100]] };
    const r = escalc(t, 'NMD');
    expect(Array.from(r.yi)).toEqual([40, 50]);
    const r0 = escalc({ columns: t.columns.slice(0, 6), rows: [[60, 15, 8, 100, 20, 10]] }, 'NMD');
    expect(r0.yi[0]).toBeCloseTo(40, 12);
    expect(r0.warnings.join(' ')).toMatch(/sham/);
  });
  it('control equal to sham: no lesion to normalise, no effect size', () => {
    const r = escalc({ columns: ['m1i', 'sd1i', 'n1i', 'm2i', 'sd2i', 'n2i', 'msi'], rows: [[60, 15, 8, 50, 20, 10, 50]] }, 'NMD');
    expect(Number.isNaN(r.yi[0]!)).toBe(true);
  });
});
