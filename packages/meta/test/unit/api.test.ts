import { describe, expect, it } from 'vitest';
import { runMetaRequest } from '../../src/index.js';

const data = {
  columns: ['study', 'yi', 'vi'],
  rows: [
    ['A', 0.1, 0.02],
    ['B', 0.3, 0.03],
    ['C', 0.2, 0.01],
    ['D', 0.5, 0.04],
  ],
};

describe('runMetaRequest (POST /api/meta)', () => {
  it('returns results and the SVGs asked for', () => {
    const r = runMetaRequest({ data, options: { measure: 'GEN', method: 'DL' }, plots: { forest: true, funnel: { title: 'Funnel' } } });
    expect(r.result.k).toBe(4);
    expect(r.svg.forest).toMatch(/^<svg /);
    expect(r.svg.funnel).toContain('<title id="funnel-title">Funnel</title>');
  });
  it('rejects malformed bodies and options with a code', () => {
    expect(() => runMetaRequest(null)).toThrow(expect.objectContaining({ code: 'EXO_ERR_META_BAD_OPTION' }));
    expect(() => runMetaRequest({ data, options: { measure: 'GEN', permutations: '10' } })).toThrow(expect.objectContaining({ code: 'EXO_ERR_META_BAD_OPTION', context: { field: 'permutations' } }));
    expect(() => runMetaRequest({ data, options: { measure: 'GEN', methd: 'DL' } })).toThrow(expect.objectContaining({ context: { field: 'methd' } }));
    expect(() => runMetaRequest({ data: { columns: ['yi'], rows: [[1, 2]] }, options: { measure: 'GEN' } })).toThrow(expect.objectContaining({ code: 'EXO_ERR_META_CSV' }));
  });
});
