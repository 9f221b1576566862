import { describe, expect, it } from 'vitest';
import { effectDisplay } from '../src/pages/review/effect-display';

describe('issue 18 item 3: the synthesis page shows ratio measures as ratios and says which side favours treatment', () => {
  it('OR: the pooled log OR 1.433 is shown as OR 4.19, with the interpretation', () => {
    const d = effectDisplay({ measure: 'OR', effect: { scale: 'ratio', estimate: 4.19, ciLower: 2.54, ciUpper: 6.89, favoursTreatment: 'above', interpretation: 'OR > 1 favours treatment; lower is better, so the ratio compares control with treatment' } });
    expect(d.shown(1.4327)).toBeCloseTo(4.19, 2);
    expect(d.heading).toBe('Effect (OR)');
    expect(d.favours).toMatch(/^OR > 1 favours treatment/);
  });

  it('SMD stays as analysed; a response without the effect says the direction is not stated', () => {
    expect(effectDisplay({ measure: 'SMD', effect: { scale: 'linear', estimate: 2.1, ciLower: 1.3, ciUpper: 2.9, favoursTreatment: 'above', interpretation: 'SMD > 0 favours treatment; higher is better' } }).shown(2.1)).toBe(2.1);
    expect(effectDisplay({ measure: 'OR' }).favours).toBe('OR: direction not stated');
  });
});
