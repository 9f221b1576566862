/** Dual appraisal: disagreements, agreement (per cent, Cohen's κ) and the value used downstream. */
import { describe, expect, it } from 'vitest';
import { compareJudgements, effectiveValue } from '../../src/appraisal/consensus.js';
import { SYRCLE_ITEM_IDS } from '../../src/appraisal/syrcle.js';

describe('consensus', () => {
  const a = Object.fromEntries(SYRCLE_ITEM_IDS.map((id, i) => [id, i < 5 ? 'yes' : 'unclear'])) as Record<string, 'yes' | 'no' | 'unclear'>;
  const b = { ...a, 'random-housing': 'no' as const, 'other-bias': 'yes' as const };

  it('lists the items the reviewers judged differently', () => {
    const r = compareJudgements({ alice: a, bob: b }, SYRCLE_ITEM_IDS);
    expect(r.agreed).toBe(8);
    expect(r.disagreements).toEqual([
      { item: 'random-housing', judgements: { alice: 'yes', bob: 'no' } },
      { item: 'other-bias', judgements: { alice: 'unclear', bob: 'yes' } },
    ]);
    expect(r.percent).toBe(0.8);
    // po = 0.8; pe = 0.5·0.5 (yes) + 0.5·0.4 (unclear) + 0·0.1 (no) = 0.45; κ = (0.8 − 0.45)/(1 − 0.45)
    expect(r.kappa).toBeCloseTo(0.35 / 0.55, 12);
  });

  it('uses the consensus, else an agreed value, else a single reviewer; conflicts give nothing', () => {
    const same = (x: unknown, y: unknown): boolean => JSON.stringify(x) === JSON.stringify(y);
    expect(effectiveValue([a, b], b, same)).toEqual({ status: 'consensus', value: b });
    expect(effectiveValue([a, { ...a }], undefined, same)).toEqual({ status: 'agreed', value: a });
    expect(effectiveValue([a], undefined, same)).toEqual({ status: 'single', value: a });
    expect(effectiveValue([a, b], undefined, same)).toEqual({ status: 'conflict', value: undefined });
    expect(effectiveValue([], undefined, same)).toEqual({ status: 'none', value: undefined });
  });
});
