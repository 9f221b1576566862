/** Issue 22: the CLI owns the flags of `exoatlas meta` and speaks of them; the library speaks of its options. */
import { describe, expect, it } from 'vitest';
import type { CommandIO } from '../src/command-io.js';
import { metaCommand } from '../src/commands/meta.js';
import { inFlagTerms, optionsFromFlags } from '../src/commands/meta-options.js';

const CSV = 'study,yi,vi,x\nA,0.1,0.02,1\nB,0.5,0.03,2\nC,0.3,0.01,3\nD,0.9,0.04,5\n';

function io(files: Record<string, string>): CommandIO & { out: string[] } {
  const out: string[] = [];
  return {
    out,
    stdout: (s) => void out.push(s),
    stderr: (s) => void out.push(s),
    cwd: '/',
    env: {},
    readFile: async (p) => files[p] ?? '',
    readBytes: async () => new Uint8Array(),
    openRead: () => (async function* () {})(),
    writeFile: async () => undefined,
    isTTY: false,
  };
}

describe('issue 22: exoatlas meta translates the library’s option names into its flags', () => {
  it('an engine error about an option names the flag', async () => {
    const error = await metaCommand(['d.csv', '--measure', 'GEN', '--mods', 'x', '--permutations', '1'], io({ 'd.csv': CSV })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'EXO_ERR_META_BAD_OPTION', context: { field: 'permutations' } });
    expect((error as Error).message).toBe('--permutations must be a whole number of at least 2 (got 1)');
  });

  it('maps option names whose flag differs, and leaves other text alone', () => {
    expect(inFlagTerms('a measure is required (option "measure")')).toBe('a measure is required (--measure)');
    expect(inFlagTerms('did not converge; try another method (option "method")')).toBe('did not converge; try another method (--method)');
    expect(inFlagTerms('the option "studyColumn" is bad; option "leaveOneOut" too')).toBe('--study is bad; --leave-one-out too');
    expect(inFlagTerms('row 2, column "yi": expected a number')).toBe('row 2, column "yi": expected a number');
  });

  it('flags become typed options: measure and method in upper case, checked against the engine’s lists', () => {
    expect(optionsFromFlags({ measure: 'smd', method: 'dl', test: 'knha' })).toEqual({ measure: 'SMD', method: 'DL', test: 'knha' });
    expect(() => optionsFromFlags({ measure: 'HEDGES' })).toThrow(expect.objectContaining({ code: 'EXO_ERR_META_UNKNOWN_MEASURE' }));
    expect(() => optionsFromFlags({ measure: 'SMD', method: 'BAYES' })).toThrow(expect.objectContaining({ code: 'EXO_ERR_META_UNKNOWN_METHOD', message: expect.stringContaining('--method takes') }));
    expect(() => optionsFromFlags({ measure: 'SMD', test: 'F' })).toThrow(expect.objectContaining({ code: 'EXO_ERR_META_BAD_OPTION' }));
  });

  it('a good run prints metafor’s summary', async () => {
    const files = io({ 'd.csv': CSV });
    expect(await metaCommand(['d.csv', '--measure', 'GEN', '--method', 'DL'], files)).toBe(0);
    expect(files.out.join('')).toMatch(/Random-Effects Model \(k = 4; tau\^2 estimator: DL\)/);
  });
});
