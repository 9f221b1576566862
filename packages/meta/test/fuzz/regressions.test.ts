/** Issue 17 (fuzzing): counterexamples the meta-analysis fuzz tests found, kept as plain tests. */
import { describe, expect, it } from 'vitest';
import { analyseTable, type AnalysisOptions } from '../../src/index.js';

const md = {
  columns: ['study', 'm1i', 'sd1i', 'n1i', 'm2i', 'sd2i', 'n2i', 'year'],
  rows: [
    ['A', 0, 0.0000189, 36, 0, 0.00034, 40, 2005],
    ['B', 0, 1.57, 3, 0, 14.2, 50, 2012],
    ['C', 0, 0.0031, 29, 0.0076, 0.0000558, 40, 2013],
  ],
};

describe('meta-analysis: fuzzing counterexamples (issue 17)', () => {
  it('REML on a near-zero variance beside a large one is a coded no-convergence error, not an endless loop', () => {
    const two = { columns: md.columns, rows: md.rows.slice(0, 2) };
    expect(() => analyseTable(two, { measure: 'MD', method: 'REML' })).toThrow(expect.objectContaining({ code: 'EXO_ERR_META_NO_CONVERGENCE' }));
    // in a cumulative analysis that step is an empty row, and the rest is computed
    const r = analyseTable(md, { measure: 'MD', method: 'DL', cumulative: 'year' });
    expect(r.cumulative).toHaveLength(3);
  });

  it('options of the wrong type given to analyseTable directly are coded errors, not TypeErrors', () => {
    expect(() => analyseTable(md, { measure: 'MD', method: -98159524 } as unknown as AnalysisOptions)).toThrow(expect.objectContaining({ code: 'EXO_ERR_META_BAD_OPTION', context: { field: 'method' } }));
    expect(() => analyseTable(md, { measure: 'MD', constructor: 1 } as unknown as AnalysisOptions)).toThrow(expect.objectContaining({ code: 'EXO_ERR_META_BAD_OPTION', context: { field: 'constructor' } }));
  });

  it('control settings that would loop for ever (tau2Min Infinity) or never start are refused', () => {
    const data = { columns: ['yi', 'vi'], rows: [[0.1, 0.02], [0.3, 0.03], [0.2, 0.01]] };
    for (const control of [{ tau2Min: Infinity }, { maxiter: 1e12 }, { threshold: 0 }, { stepadj: 'x' }, { bogus: 1 }]) {
      expect(() => analyseTable(data, { measure: 'GEN', control } as AnalysisOptions), JSON.stringify(control)).toThrow(expect.objectContaining({ code: 'EXO_ERR_META_BAD_OPTION' }));
    }
    expect(analyseTable(data, { measure: 'GEN', control: { maxiter: 50, threshold: 1e-8 } }).k).toBe(3);
  });

  it('a rank test on one study is skipped with a warning, not NaN in the JSON', () => {
    const r = analyseTable({ columns: ['xi', 'ni'], rows: [[32, 60]] }, { measure: 'PLO', bias: true });
    expect(r.bias!.rank).toBeNull();
    expect(r.warnings.join(' ')).toContain("The rank correlation test could not be computed: Kendall's tau is undefined for a single study");
  });

  it('an Egger statistic of -Infinity (SMDs of almost 0 with tiny SDs) is named in a warning, not a bare null in the JSON', () => {
    // the counterexample as found (means of 1e-300 and the like: effectively 0)
    const rows = [
      [1.1478391077139051e-168, 0.00002436593504918809, 51, -3.6571877363635776e-35, 0.0886451059566874, 13],
      [9.924754426682736e-298, 0.9942508197869412, 6, 1.0545068184074514e-47, 186, 24],
      [3.7510121839985066e-177, 0.000006706799153712488, 6, -6.617101505079601e-301, 2.6413209879914117, 50],
      [-4.726891825827433e-287, 0.000289816367812144, 40, -1.372324368689793e-67, 0.000008696334783269842, 2],
      [1.7854496165103836e-164, 0.0003584801476673617, 22, 2.1670417830783294e-300, 0.00011332558362824479, 27],
    ];
    const r = analyseTable({ columns: ['m1i', 'sd1i', 'n1i', 'm2i', 'sd2i', 'n2i'], rows }, { measure: 'SMD', method: 'REML', test: 'knha', bias: true });
    expect(JSON.parse(JSON.stringify(r)).bias.egger.statistic).toBeNull();
    expect(r.warnings).toContain('These values cannot be computed for these data and are reported as null: bias.egger.statistic (-Infinity).');
  });
});
