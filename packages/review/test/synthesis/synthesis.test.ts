/** Synthesis beyond SMD: measure choice, ROM and NMD direction handling, counts, subgroups, exports, atlas records. */
import { analyseTable, escalc, parseCsv } from '@exoatlas/meta';
import { ExoError } from '@exoatlas/schema';
import { describe, expect, it } from 'vitest';
import { buildAnalysisTable } from '../../src/synthesis/analysis-table.js';
import { projectAtlasStudies } from '../../src/synthesis/atlas-records.js';
import { resultsToCsv, synthesisFromJson, synthesisToJson, tableToCsv } from '../../src/synthesis/export.js';
import { suggestMeasure } from '../../src/synthesis/measure-choice.js';
import { synthesise } from '../../src/synthesis/synthesise.js';
import type { SynthesisStudy } from '../../src/synthesis/study-input.js';
import { parseExtractionForm } from '../../src/extraction/validate.js';
import { rawFixture, woundHealingStudies } from './load-fixture.js';

const studies = woundHealingStudies();

function study(id: string, outcome: unknown): SynthesisStudy {
  const characteristics = rawFixture().studies[0]!.form as { characteristics: unknown };
  return { studyId: id, label: id, form: parseExtractionForm({ characteristics: characteristics.characteristics, outcomes: [outcome] }) };
}

describe('measure choice', () => {
  it('SMD for continuous data, NMD when every study has a sham group, OR for counts', () => {
    expect(suggestMeasure(studies.flatMap((s) => s.form.outcomes)).measure).toBe('SMD');
    const withSham = studies[0]!.form.outcomes.map((o) => ({ ...o, groups: [...o.groups, { id: 'S', role: 'sham' as const, n: 4, mean: 100 }] }));
    expect(suggestMeasure(withSham).measure).toBe('NMD');
    expect(suggestMeasure([{ ...studies[0]!.form.outcomes[0]!, kind: 'dichotomous' }]).measure).toBe('OR');
  });

  it('refuses a measure that does not suit the outcome, an unknown outcome or subgroup', () => {
    expect(() => synthesise(studies, { outcome: 'wound-closure', measure: 'OR' })).toThrow(/does not suit a continuous outcome/);
    expect(() => synthesise(studies, { outcome: 'angiogenesis' })).toThrow(ExoError);
    expect(() => synthesise(studies, { outcome: 'wound-closure', subgroup: 'colour' })).toThrow(/cannot form subgroups by "colour"/);
    try {
      synthesise(studies, { outcome: 'angiogenesis' });
    } catch (e) {
      expect((e as ExoError).code).toBe('EXO_ERR_EXTRACT_NO_DATA');
    }
  });
});

describe('direction', () => {
  const hi = { outcome: 'x', timePoint: 'd7', kind: 'continuous', direction: 'higher-is-better', groups: [{ id: 'T', role: 'treatment', n: 8, mean: 30, sd: 4 }, { id: 'C', role: 'control', n: 8, mean: 20, sd: 5 }] };
  const lo = { ...hi, direction: 'lower-is-better', groups: [{ id: 'T', role: 'treatment', n: 8, mean: 20, sd: 5 }, { id: 'C', role: 'control', n: 8, mean: 30, sd: 4 }] };

  it('SMD and ROM: lower-is-better outcomes are swapped, so a positive effect favours treatment (same magnitude)', () => {
    for (const measure of ['SMD', 'ROM'] as const) {
      const t = buildAnalysisTable([study('a', hi), study('b', lo)], { outcome: 'x', measure });
      const es = escalc(t.table, measure);
      expect(es.yi[0]).toBeGreaterThan(0);
      expect(es.yi[1]).toBeCloseTo(es.yi[0]!, 12);
      expect(es.vi[1]).toBeCloseTo(es.vi[0]!, 12);
    }
  });

  it('NMD: no swap (the sham gives the direction); without a sham only when lower is better', () => {
    const hiSham = { ...hi, groups: [...hi.groups, { id: 'S', role: 'sham', n: 4, mean: 40 }] };
    const t = buildAnalysisTable([study('a', hiSham), study('b', lo), study('c', hi)], { outcome: 'x', measure: 'NMD' });
    const es = escalc(t.table, 'NMD');
    // a: lesion 20 − 40 = −20; NMD = 100·(20 − 30)/(−20) = 50 %. b: sham 0, NMD = 100·(30 − 20)/30 = 33.3 %
    expect(es.yi[0]).toBeCloseTo(50, 12);
    expect(es.yi[1]).toBeCloseTo(100 / 3, 12);
    expect(t.excluded).toEqual([{ studyId: 'c', label: 'c', reason: expect.stringMatching(/NMD needs a sham group/) }]);
  });

  it('ROM leaves out non-positive means', () => {
    const neg = { ...hi, groups: [{ id: 'T', role: 'treatment', n: 8, mean: -1, sd: 4 }, { id: 'C', role: 'control', n: 8, mean: 20, sd: 5 }] };
    const t = buildAnalysisTable([study('a', hi), study('b', neg)], { outcome: 'x', measure: 'ROM' });
    expect(t.table.rows).toHaveLength(1);
    expect(t.warnings.join(' ')).toMatch(/b left out: ROM needs positive means/);
  });

  it('counts: OR with a shared control splits its events and n', () => {
    const mort = { outcome: 'death', timePoint: 'd28', kind: 'dichotomous', direction: 'lower-is-better', groups: [{ id: 'A', role: 'treatment', n: 10, events: 2 }, { id: 'B', role: 'treatment', n: 10, events: 3 }, { id: 'C', role: 'control', n: 12, events: 6 }] };
    const t = buildAnalysisTable([study('a', mort)], { outcome: 'death' });
    expect(t.measure).toBe('OR');
    // swapped: group 1 = control (6/2 = 3 events of 12/2 = 6), group 2 = treatment
    expect(t.table.rows.map((r) => r.slice(4, 8))).toEqual([[3, 6, 2, 10], [3, 6, 3, 10]]);
  });
});

describe('subgroups, exports and reproducibility', () => {
  const s = synthesise(studies, { outcome: 'wound-closure', subgroup: 'rob' });

  it('subgroups by the risk-of-bias summary and by cell source', () => {
    expect(s.result.subgroups!.groups.map((g) => [g.level, g.k])).toEqual([['high', 3], ['low', 1], ['unclear', 3]]);
    const bySource = synthesise(studies, { outcome: 'wound-closure', subgroup: 'cellSource' });
    expect(bySource.result.subgroups!.groups.map((g) => g.level)).toEqual(['AT-MSC', 'BM-MSC', 'iMSC']);
    const byIsolation = synthesise(studies, { outcome: 'wound-closure', subgroup: 'isolation' });
    expect(byIsolation.result.subgroups!.groups.map((g) => g.level)).toEqual(['dUC', 'dUC+SEC', 'PEG', 'SEC+UF', 'UF']);
  });

  it('sensitivity analysis without the studies at high risk of bias', () => {
    const low = synthesise(studies, { outcome: 'wound-closure', excludeRob: ['high'] });
    expect(low.result.labels).toEqual(['Zhang 2015', 'Kim 2018', 'Chen 2020', 'Garcia 2022']);
    expect(low.warnings).toContain('Sensitivity analysis: 2 studies with high risk of bias left out (Li 2019, Wang 2021).');
    expect(() => synthesise(studies, { outcome: 'wound-closure', excludeRob: ['low' as 'high'] })).toThrow(/excludeRob/);
  });

  it('the CSV export reproduces the analysis through packages/meta', () => {
    const csv = tableToCsv(s.analysisTable.table);
    expect(csv.split('\n')[0]).toMatch(/^study,studyId,arm,timePoint,m1i,sd1i,n1i,m2i,sd2i,n2i,swapped,/);
    const again = analyseTable(parseCsv(csv), { measure: 'SMD', method: 'REML' });
    expect(again.estimate).toBe(s.result.estimate);
    expect(again.tau2).toBe(s.result.tau2);
    const res = resultsToCsv(s).split('\n');
    expect(res[0]).toBe('study,studyId,yi,vi,ciLower,ciUpper,weight');
    expect(res).toHaveLength(7 + 3);
    const json = JSON.parse(synthesisToJson(s, { projectId: 'p' }));
    expect(json.result.estimate).toBe(s.result.estimate);
    expect(json.table.columns).toContain('m1i');
  });

  it('a stored synthesis is reproduced from its own derived table', () => {
    const again = synthesisFromJson(JSON.parse(synthesisToJson(s)));
    expect(again.result.estimate).toBe(s.result.estimate);
    expect(again.result.subgroups).toEqual(s.result.subgroups);
    expect(again.svg.forest).toBe(s.svg.forest);
    expect(again.svg.robForest).toBe(s.svg.robForest);
    expect(again.warnings).toEqual(s.warnings);
    expect(() => synthesisFromJson({ options: {} })).toThrow(/not a stored synthesis/);
  });
});

describe('back into the atlas', () => {
  it('turns included studies and pooled results into Study records marked with their origin', () => {
    const fx = rawFixture();
    const s = synthesise(studies, { outcome: 'wound-closure' });
    const recs = projectAtlasStudies(fx.project, studies.map((x) => ({ studyId: x.studyId, label: x.label, year: x.year, form: x.form })), [s]);
    expect(recs).toHaveLength(6);
    const li = recs.find((r) => r.study.id === 'project-imsc-wound-healing-li-2019')!;
    expect(li.study.origin).toMatchObject({ kind: 'project', projectId: 'imsc-wound-healing', projectName: 'iMSC exosomes in skin wound healing', note: expect.stringMatching(/^Isolation /) });
    // issue 18 item 2: what the project recorded is in the origin, never a curator's note shown as the review's words
    expect(li.study.curationNote).toBeUndefined();
    expect(li.study).toMatchObject({ diseaseArea: 'wound-healing', cellSource: 'BM-MSC', species: ['mouse'], setting: ['in-vivo'], inTable1: false });
    expect(li.pooled).toEqual([expect.objectContaining({ outcome: 'wound-closure', measure: 'SMD', k: 7, comparisons: 2 })]);
  });
});
