/**
 * Issue 22: no plain Error escapes the meta engine for an input problem. Each failure path — bad measure, method,
 * test or option values, too few studies, missing or bad cells, a constant moderator, a singular design, an
 * estimator or trim-and-fill that does not converge, bad CSV — is the project's one error class with a catalogue
 * code, and the message speaks of the library's options, never of a command-line flag.
 */
import { ExoError } from '@exoatlas/core';
import { ERROR_CATALOGUE } from '@exoatlas/schema';
import { describe, expect, it } from 'vitest';
import { trimfill } from '../src/bias/trimfill.js';
import { META_ERRORS, MetaError, analyseTable, parseCsv, type AnalysisOptions, type TableInput } from '../src/index.js';
import { METAFOR_DEFAULT_CONTROL } from '../src/model/control.js';
import { rmaUni } from '../src/model/rma-uni.js';

const MEANS = 'study,m1i,sd1i,n1i,m2i,sd2i,n2i,dose,arm\nA,10,2,12,8,3,15,1,x\nB,11,2.5,20,9,2,18,1,y\nC,9,1.5,10,8.5,2,11,1,x\nD,12,3,25,9,3,24,1,y\n';
const GEN = 'study,yi,vi\nA,0.1,0.02\nB,0.5,0.03\nC,0.3,0.01\nD,0.9,0.04\nE,-0.2,0.05\n';

function failure(run: () => unknown): ExoError {
  try {
    run();
  } catch (e) {
    return e as ExoError;
  }
  throw new Error('expected a failure');
}

const analyse = (csv: string, options: unknown) => () => analyseTable(parseCsv(csv), options as AnalysisOptions);

const PATHS: [string, () => unknown, keyof typeof META_ERRORS, string?][] = [
  ['no measure', analyse(MEANS, {}), 'EXO_ERR_META_UNKNOWN_MEASURE', 'measure'],
  ['an unknown measure', analyse(MEANS, { measure: 'XYZ' }), 'EXO_ERR_META_UNKNOWN_MEASURE', 'measure'],
  ['an unknown method', analyse(MEANS, { measure: 'SMD', method: 'BAYES' }), 'EXO_ERR_META_UNKNOWN_METHOD', 'method'],
  ['an unknown test', analyse(MEANS, { measure: 'SMD', test: 'F' }), 'EXO_ERR_META_BAD_OPTION', 'test'],
  ['test t without a multilevel model', analyse(MEANS, { measure: 'SMD', test: 't' }), 'EXO_ERR_META_BAD_OPTION', 'test'],
  ['a level of 100', analyse(MEANS, { measure: 'SMD', level: 100 }), 'EXO_ERR_META_BAD_OPTION', 'level'],
  ['one permutation', analyse(MEANS, { measure: 'SMD', mods: ['arm'], permutations: 1 }), 'EXO_ERR_META_BAD_OPTION', 'permutations'],
  ['a fractional seed', analyse(MEANS, { measure: 'SMD', seed: 1.5 }), 'EXO_ERR_META_BAD_OPTION', 'seed'],
  ['an unknown option', analyse(MEANS, { measure: 'SMD', methd: 'DL' }), 'EXO_ERR_META_BAD_OPTION', 'methd'],
  ['options of the wrong type', analyse(MEANS, { measure: 'SMD', bias: 'yes' }), 'EXO_ERR_META_BAD_OPTION', 'bias'],
  ['options that are no object', analyse(MEANS, null), 'EXO_ERR_META_BAD_OPTION', 'options'],
  ['a control setting out of range', analyse(MEANS, { measure: 'SMD', control: { maxiter: 0 } }), 'EXO_ERR_META_BAD_OPTION', 'control.maxiter'],
  ['data that are no table', () => analyseTable({ columns: 'a' } as unknown as TableInput, { measure: 'GEN' }), 'EXO_ERR_META_BAD_OPTION'],
  ['a record that is no object', () => analyseTable([1] as unknown as TableInput, { measure: 'GEN' }), 'EXO_ERR_META_BAD_OPTION'],
  ['no rows (k = 0)', analyse('study,yi,vi\n', { measure: 'GEN' }), 'EXO_ERR_META_NO_STUDIES'],
  ['a missing column', analyse('study,yi\nA,1\n', { measure: 'GEN' }), 'EXO_ERR_META_MISSING_COLUMN'],
  ['a study-label column that is not there', analyse(GEN, { measure: 'GEN', studyColumn: 'label' }), 'EXO_ERR_META_MISSING_COLUMN'],
  ['a text cell where a number belongs', analyse(GEN.replace('0.02', 'x'), { measure: 'GEN' }), 'EXO_ERR_META_NOT_NUMERIC'],
  ['a negative variance', analyse(GEN.replace('0.02', '-0.02'), { measure: 'GEN' }), 'EXO_ERR_META_OUT_OF_RANGE'],
  ['a constant moderator', analyse(MEANS, { measure: 'SMD', mods: ['dose'] }), 'EXO_ERR_META_CONSTANT_MODERATOR'],
  ['a cumulative order column that is not there', analyse(GEN, { measure: 'GEN', cumulative: 'year' }), 'EXO_ERR_META_MISSING_COLUMN'],
  ['REML that does not converge', analyse(GEN, { measure: 'GEN', method: 'REML', control: { maxiter: 1, threshold: 1e-300 } }), 'EXO_ERR_META_NO_CONVERGENCE', 'method'],
  ['a malformed CSV', analyse('study,yi,vi\n"A,0.1,0.02\n', { measure: 'GEN' }), 'EXO_ERR_META_CSV'],
  ['a CSV row of the wrong length', analyse('study,yi,vi\nA,0.1\n', { measure: 'GEN' }), 'EXO_ERR_META_CSV'],
];

describe('issue 22: every failure path of the meta engine is a coded ExoError', () => {
  it.each(PATHS)('%s', (_name, run, code, field) => {
    const error = failure(run);
    expect(error).toBeInstanceOf(ExoError);
    expect(error).toBeInstanceOf(MetaError);
    expect(error.code).toBe(code);
    expect(ERROR_CATALOGUE).toHaveProperty(code);
    expect(error.status).toBe(ERROR_CATALOGUE[code].status);
    expect(error.exitCode).toBe(ERROR_CATALOGUE[code].exit);
    if (field !== undefined) expect(error.context.field).toBe(field);
    // the library speaks of its options; the command line translates them into flags
    expect(error.message).not.toMatch(/(^|[\s(])--[a-z]/);
  });

  it('more coefficients than the studies identify is EXO_ERR_META_SINGULAR', () => {
    const csv = 'study,yi,vi,a,b\nA,0.1,0.02,1,1\nB,0.5,0.03,2,3\nC,0.3,0.01,3,2\n';
    const error = failure(analyse(csv, { measure: 'GEN', mods: ['a', 'b'] }));
    expect(error).toBeInstanceOf(ExoError);
    expect(error.code).toBe('EXO_ERR_META_SINGULAR');
  });

  it('trim-and-fill that does not converge throws EXO_ERR_META_NO_CONVERGENCE (was a plain Error), which the analysis reports as a warning', () => {
    const y = Float64Array.from([0.1, 0.5, 0.3, 0.9, -0.2, 1.4]);
    const v = Float64Array.from([0.02, 0.03, 0.01, 0.04, 0.05, 0.02]);
    const base = rmaUni(y, v, null, { method: 'REML', test: 'z', level: 95, control: METAFOR_DEFAULT_CONTROL, computeR2: false });
    const error = failure(() => trimfill(base, 'REML', 95, 0));
    expect(error).toBeInstanceOf(ExoError);
    expect(error.code).toBe('EXO_ERR_META_NO_CONVERGENCE');
    expect(error.status).toBe(422);
  });

  it("meta's own code list is the catalogue's, entry for entry", () => {
    for (const [code, entry] of Object.entries(META_ERRORS)) expect(ERROR_CATALOGUE[code as keyof typeof META_ERRORS]).toBe(entry);
  });
});
