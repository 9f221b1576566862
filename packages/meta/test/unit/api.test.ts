import { describe, expect, it } from 'vitest';
import { analyseTable, checkAnalysisOptions, forestPlot, funnelPlot } from '../../src/index.js';

const data = {
  columns: ['study', 'yi', 'vi'],
  rows: [
    ['A', 0.1, 0.02],
    ['B', 0.3, 0.03],
    ['C', 0.2, 0.01],
    ['D', 0.5, 0.04],
  ],
};

// Issue 22: the HTTP body is the server's (packages/server/src/routes/meta-routes.ts); the library checks its own options.
describe('analyseTable and checkAnalysisOptions (what any caller, the server included, gives the engine)', () => {
  it('returns results and the SVGs', () => {
    const r = analyseTable(data, { measure: 'GEN', method: 'DL' });
    expect(r.k).toBe(4);
    expect(forestPlot(r)).toMatch(/^<svg /);
    expect(funnelPlot(r, { title: 'Funnel' })).toContain('<title id="funnel-title">Funnel</title>');
  });
  it('rejects malformed options and data with a code naming the option', () => {
    expect(() => checkAnalysisOptions(null)).toThrow(expect.objectContaining({ code: 'EXO_ERR_META_BAD_OPTION', context: { field: 'options' } }));
    expect(() => checkAnalysisOptions({ measure: 'GEN', permutations: '10' })).toThrow(expect.objectContaining({ code: 'EXO_ERR_META_BAD_OPTION', context: { field: 'permutations' } }));
    expect(() => checkAnalysisOptions({ measure: 'GEN', methd: 'DL' })).toThrow(expect.objectContaining({ context: { field: 'methd' } }));
    expect(() => checkAnalysisOptions({ measure: 'HEDGES' })).toThrow(expect.objectContaining({ code: 'EXO_ERR_META_UNKNOWN_MEASURE', context: { field: 'measure' } }));
    expect(() => analyseTable({ columns: ['yi'], rows: [[1, 2]] }, { measure: 'GEN' })).toThrow(expect.objectContaining({ code: 'EXO_ERR_META_CSV' }));
  });
  it('reads the method case-insensitively and returns it in upper case, typed', () => {
    expect(checkAnalysisOptions({ measure: 'GEN', method: 'reml' }).method).toBe('REML');
  });
});
