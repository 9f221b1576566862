/** Issue 23, JSON streamed: jsonChunks() joined is JSON.stringify(value, null, 2), byte for byte, long arrays included. */
import { describe, expect, it } from 'vitest';
import { analyseTable, jsonChunks } from '../../src/index.js';

const joined = (v: Record<string, unknown>): string => [...jsonChunks(v)].join('');

describe('issue 23: jsonChunks', () => {
  it('is JSON.stringify(…, null, 2) of a large analysis (3,001 studies, one missing)', () => {
    const rows = Array.from({ length: 3001 }, (_, i) => ({ study: `S"${i}\n`, yi: i === 7 ? null : Math.sin(i) / 3, vi: 0.01 + (i % 17) / 100 }));
    const r = analyseTable(rows, { measure: 'GEN', leaveOneOut: false });
    expect(r.studies).toHaveLength(3001);
    expect(joined(r as unknown as Record<string, unknown>)).toBe(JSON.stringify(r, null, 2));
  });
  it('handles the edges JSON.stringify does', () => {
    for (const v of [{}, { a: undefined }, { a: [] }, { a: [{}], b: 'x\ny', c: null, d: Number.NaN, e: () => 1 }, { a: Array.from({ length: 2000 }, (_, i) => (i % 3 ? [i] : { i, u: undefined })) }, { a: Array.from({ length: 1000 }, (_, i) => i) }]) {
      expect(joined(v)).toBe(JSON.stringify(v, null, 2));
    }
  });
});
