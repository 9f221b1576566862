/** Bad input gives a clear error with a catalogue code naming the row and column — never NaN in the output. */
import { describe, expect, it } from 'vitest';
import { analyseTable } from '../../src/analyse.js';
import { parseCsv } from '../../src/csv.js';
import { MetaError } from '../../src/errors.js';
import type { AnalysisOptions } from '../../src/options.js';

const MEANS = 'study,m1i,sd1i,n1i,m2i,sd2i,n2i\nA,10,2,12,8,3,15\nB,11,2.5,20,9,2,18\nC,9,1.5,10,8.5,2,11\nD,12,3,25,9,3,24\n';

function fails(csv: string, opts: AnalysisOptions): MetaError {
  try {
    analyseTable(parseCsv(csv), opts);
  } catch (e) {
    expect(e).toBeInstanceOf(MetaError);
    return e as MetaError;
  }
  throw new Error('expected an error');
}

describe('bad input', () => {
  it('a missing column is named', () => {
    const e = fails('study,m1i,sd1i,n1i,m2i,n2i\nA,1,1,10,2,10\n', { measure: 'SMD' });
    expect(e.code).toBe('EXO_ERR_META_MISSING_COLUMN');
    expect(e.context.column).toBe('sd2i');
    expect(e.message).toMatch(/"sd2i"/);
  });
  it('a misnamed column (sd_1 for sd1i) is a missing column', () => {
    const e = fails('m1i,sd_1,n1i,m2i,sd2i,n2i\n1,1,10,2,1,10\n', { measure: 'MD' });
    expect(e.code).toBe('EXO_ERR_META_MISSING_COLUMN');
    expect(e.context.column).toBe('sd1i');
  });
  it('a non-numeric cell names row and column', () => {
    const e = fails(MEANS.replace('B,11,2.5', 'B,11,two'), { measure: 'SMD' });
    expect(e.code).toBe('EXO_ERR_META_NOT_NUMERIC');
    expect(e.context).toEqual({ row: 2, column: 'sd1i' });
    expect(e.message).toBe('row 2, column "sd1i": expected a number, got "two"');
  });
  it('a negative SD', () => {
    const e = fails(MEANS.replace('C,9,1.5', 'C,9,-1.2'), { measure: 'SMD' });
    expect(e.code).toBe('EXO_ERR_META_OUT_OF_RANGE');
    expect(e.context).toEqual({ row: 3, column: 'sd1i' });
    expect(e.message).toBe('row 3, column "sd1i": a standard deviation cannot be negative (got -1.2)');
  });
  it('a negative variance', () => {
    const e = fails('yi,vi\n0.1,0.02\n0.3,-0.01\n', { measure: 'GEN' });
    expect(e.code).toBe('EXO_ERR_META_OUT_OF_RANGE');
    expect(e.context).toEqual({ row: 2, column: 'vi' });
  });
  it('n < 2', () => {
    const e = fails(MEANS.replace('D,12,3,25', 'D,12,3,1'), { measure: 'MD' });
    expect(e.code).toBe('EXO_ERR_META_OUT_OF_RANGE');
    expect(e.context).toEqual({ row: 4, column: 'n1i' });
  });
  it('events above the group size, and inconsistent group sizes', () => {
    expect(fails('ai,n1i,ci,n2i\n5,4,3,10\n', { measure: 'OR' }).context).toEqual({ row: 1, column: 'ai' });
    expect(fails('xi,ni\n3,10\n12,10\n', { measure: 'PR' }).context).toEqual({ row: 2, column: 'xi' });
    expect(fails('ri,ni\n0.3,20\n1.4,20\n', { measure: 'COR' }).context).toEqual({ row: 2, column: 'ri' });
  });
  it('k = 0: no rows, or no computable study', () => {
    expect(fails('yi,vi\n', { measure: 'GEN' }).code).toBe('EXO_ERR_META_NO_STUDIES');
    expect(fails('yi,vi\n,0.1\n0.2,\n', { measure: 'GEN' }).code).toBe('EXO_ERR_META_NO_STUDIES');
  });
  it('a constant moderator', () => {
    const e = fails('yi,vi,dose\n0.1,0.02,5\n0.3,0.03,5\n0.2,0.01,5\n0.5,0.04,5\n', { measure: 'GEN', mods: ['dose'] });
    expect(e.code).toBe('EXO_ERR_META_CONSTANT_MODERATOR');
    expect(e.context.column).toBe('dose');
  });
  it('a moderator that is not a column', () => {
    const e = fails('yi,vi\n0.1,0.02\n0.3,0.03\n0.2,0.01\n', { measure: 'GEN', mods: ['dose'] });
    expect(e.code).toBe('EXO_ERR_META_MISSING_COLUMN');
    expect(e.context.column).toBe('dose');
  });
  it('an unknown measure, method or test', () => {
    expect(fails(MEANS, { measure: 'HEDGES' } as unknown as AnalysisOptions).code).toBe('EXO_ERR_META_UNKNOWN_MEASURE');
    expect(fails(MEANS, { measure: 'SMD', method: 'BAYES' } as unknown as AnalysisOptions).code).toBe('EXO_ERR_META_UNKNOWN_METHOD');
    expect(fails(MEANS, { measure: 'SMD', test: 't' } as unknown as AnalysisOptions).code).toBe('EXO_ERR_META_BAD_OPTION');
    expect(fails(MEANS, { measure: 'SMD', permutations: 1 }).code).toBe('EXO_ERR_META_BAD_OPTION');
  });
  it('too few studies for a moderator', () => {
    expect(fails('yi,vi,x\n0.1,0.02,1\n0.3,0.03,2\n', { measure: 'GEN', mods: ['x'] }).code).toBe('EXO_ERR_META_SINGULAR');
  });
  it('malformed CSV', () => {
    expect(fails('yi,vi\n"0.1,0.02\n', { measure: 'GEN' }).code).toBe('EXO_ERR_META_CSV');
    const e = fails('yi,vi\n0.1,0.02,7\n', { measure: 'GEN' });
    expect(e.code).toBe('EXO_ERR_META_CSV');
    expect(e.context.row).toBe(1);
    expect(fails('', { measure: 'GEN' }).code).toBe('EXO_ERR_META_CSV');
  });
});

describe('no NaN leaks into results', () => {
  it('rows that cannot be computed are null, dropped and reported', () => {
    const r = analyseTable(parseCsv('study,yi,vi\nA,0.1,0.02\nB,,0.03\nC,0.2,0.01\nD,0.5,0.04\n'), { measure: 'GEN', bias: true, leaveOneOut: true });
    expect(r.k).toBe(3);
    expect(r.studies[1]).toEqual({ yi: null, vi: 0.03 });
    expect(r.dropped).toEqual([{ row: 2, reason: expect.stringMatching(/cannot be computed/) }]);
    expect(r.warnings).toContain('Studies with NAs omitted from model fitting.');
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });
});
