/** SYRCLE's risk of bias tool: the ten items, assessment validation, study-level summary and per-item shares. */
import { describe, expect, it } from 'vitest';
import { validateWith } from '../../src/extraction/validate.js';
import { RobAssessment, SYRCLE_ITEMS, robJudgements, robOverall, robSummary } from '../../src/appraisal/syrcle.js';
import { rawFixture } from '../synthesis/load-fixture.js';

describe('SYRCLE items (Hooijmans et al. 2014)', () => {
  it('has the ten items in order, each with its question and signalling questions', () => {
    expect(SYRCLE_ITEMS.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(SYRCLE_ITEMS.map((i) => i.domain)).toEqual(['selection', 'selection', 'selection', 'performance', 'performance', 'detection', 'detection', 'attrition', 'reporting', 'other']);
    for (const i of SYRCLE_ITEMS) {
      expect(i.question).toMatch(/\?$/);
      expect(i.signalling.length).toBeGreaterThan(0);
    }
  });

  it('validates an assessment: every item judged, yes/no with a quote', () => {
    const a = structuredClone(rawFixture().studies[0]!.rob) as { items: Record<string, Record<string, unknown>> };
    expect(RobAssessment.safeParse(a).success).toBe(true);
    a.items['blinding-detection'] = { judgement: 'yes' };
    a.items['random-housing'] = { judgement: 'maybe' };
    delete a.items['other-bias'];
    const r = validateWith(RobAssessment, a);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.fromEntries(r.issues.map((i) => [i.path, i.message]))).toEqual({
      'items.blinding-detection.quote': 'a yes or no judgement needs the supporting quote (or "not reported" judged unclear)',
      'items.random-housing.judgement': 'a judgement is yes (low risk), no (high risk) or unclear',
      'items.other-bias': 'this field is required',
    });
  });

  it('summarises a study (any no → high; any unclear → unclear; else low) and the items across studies', () => {
    const js = rawFixture().studies.map((s) => robJudgements(RobAssessment.parse(s.rob)));
    expect(js.map(robOverall)).toEqual(['unclear', 'unclear', 'high', 'unclear', 'high', 'low']);
    const sum = robSummary(js);
    expect(sum[0]).toEqual({ id: 'sequence-generation', label: 'Sequence generation', yes: 3, unclear: 2, no: 1, k: 6 });
    expect(sum.every((s) => s.yes + s.unclear + s.no === 6)).toBe(true);
  });
});
