import { MEASURES as ENGINE_MEASURES, METHODS as ENGINE_METHODS } from '@exoatlas/meta';
import { describe, expect, it } from 'vitest';
import { MEASURES, METHODS } from '../src/pages/MetaPage';

describe('issue 22: the workbench offers exactly the engine’s measures and methods', () => {
  it('every method (EE was missing) and every measure, each once', () => {
    expect(METHODS.map((m) => m.value).sort()).toEqual([...ENGINE_METHODS].sort());
    expect(MEASURES.map((m) => m.value).sort()).toEqual([...ENGINE_MEASURES].sort());
    expect(METHODS[0]!.value).toBe('REML');
  });
});
