/** ExoAtlas's MISEV2018-based checklist: applicability rules, score, and its label (not EV-METRIC). */
import { describe, expect, it } from 'vitest';
import { MISEV_ITEMS, MISEV_SCORE_LABEL, MisevAppraisal, misevRuleIssues, misevScore, misevSummary } from '../../src/appraisal/misev.js';
import { parseExtractionForm } from '../../src/extraction/validate.js';
import { rawFixture } from '../synthesis/load-fixture.js';

const studies = rawFixture().studies;
const appraisal = (i: number) => MisevAppraisal.parse(studies[i]!.misev);

describe('MISEV checklist', () => {
  it('covers quantification, markers, EM, single-particle analysis and isolation details', () => {
    expect(MISEV_ITEMS.map((i) => i.id)).toEqual(expect.arrayContaining(['quantification', 'transmembrane-marker', 'cytosolic-marker', 'negative-marker', 'electron-microscopy', 'single-particle-analysis', 'isolation-details']));
  });

  it('scores the share of applicable items reported', () => {
    expect(misevScore(appraisal(0))).toEqual({ reported: 8, applicable: 10, score: 0.8, label: MISEV_SCORE_LABEL });
    const a = appraisal(4);
    a.items['dose-definition'] = { answer: 'na' };
    expect(misevScore(a)).toMatchObject({ reported: 3, applicable: 9, score: 3 / 9 });
    expect(MISEV_SCORE_LABEL).toMatch(/not EV-TRACK's EV-METRIC/);
  });

  it('applies each item by its rule', () => {
    const form = parseExtractionForm(studies[4]!.form);
    expect(misevRuleIssues(appraisal(4), form.characteristics)).toEqual([]);
    const noCells = { ...form.characteristics, cellSource: 'none' as const, route: undefined };
    const issues = misevRuleIssues(appraisal(4), noCells).map((i) => i.path);
    expect(issues).toEqual(['items.source-cell-characterisation.answer', 'items.culture-conditions.answer', 'items.dose-definition.answer']);
    const a = appraisal(0);
    a.items.quantification = { answer: 'na' };
    expect(misevRuleIssues(a, form.characteristics)[0]!.message).toMatch(/applies to this study/);
  });

  it('summarises items across studies', () => {
    const s = misevSummary(studies.map((_, i) => appraisal(i)));
    expect(s.find((x) => x.id === 'negative-marker')).toEqual({ id: 'negative-marker', label: 'Negative marker', reported: 3, applicable: 6 });
  });
});
