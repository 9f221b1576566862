/**
 * Issue 18 item 3: ratio measures published and shown on the ratio scale, log values labelled as such, and every
 * output saying which side favours treatment. The numbers are metafor's: dat.bcg, OR, DL (the conformance case
 * packages/meta/test/fixtures/metafor/cases/dat-bcg-or-dl), entered as dichotomous outcomes (TB: lower is better).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseTable, forestPlot, parseCsv } from '@exoatlas/meta';
import { describe, expect, it } from 'vitest';
import { projectAtlasStudies } from '../../src/synthesis/atlas-records.js';
import { synthesisFromJson, synthesisToJson } from '../../src/synthesis/export.js';
import { synthesise } from '../../src/synthesis/synthesise.js';
import type { SynthesisStudy } from '../../src/synthesis/study-input.js';
import { parseExtractionForm } from '../../src/extraction/validate.js';
import { rawFixture } from '../synthesis/load-fixture.js';

const CASE = join(import.meta.dirname, '../../../meta/test/fixtures/metafor/cases/dat-bcg-or-dl');
const METAFOR = JSON.parse(readFileSync(join(CASE, 'case.json'), 'utf8')).expected as { estimate: number; ciLower: number; ciUpper: number };
const bcg = parseCsv(readFileSync(join(CASE, 'data.csv'), 'utf8'));

function bcgStudies(direction: 'higher-is-better' | 'lower-is-better'): SynthesisStudy[] {
  const characteristics = (rawFixture().studies[0]!.form as { characteristics: unknown }).characteristics;
  const col = (name: string) => bcg.columns.indexOf(name);
  return bcg.rows.map((r, i) => {
    const [ai, bi, ci, di] = (['ai', 'bi', 'ci', 'di'] as const).map((c) => Number(r[col(c)]));
    const outcome = { outcome: 'tuberculosis', timePoint: 'end', kind: 'dichotomous', direction, groups: [{ id: 'T', role: 'treatment', n: ai! + bi!, events: ai }, { id: 'C', role: 'control', n: ci! + di!, events: ci }] };
    return { studyId: `s${i + 1}`, label: String(r[col('study')]), form: parseExtractionForm({ characteristics, outcomes: [outcome] }) };
  });
}

describe('issue 18 item 3: effect measures on the right scale, with the side that favours treatment', () => {
  it('lower is better: the log OR is metafor\'s (negated by the orientation), reported as a ratio with the log values labelled', () => {
    const s = synthesise(bcgStudies('lower-is-better'), { outcome: 'tuberculosis', measure: 'OR', method: 'DL' });
    expect(s.result.estimate).toBeCloseTo(-METAFOR.estimate, 8);
    expect(s.effect).toMatchObject({ measure: 'OR', scale: 'ratio', nullValue: 1, favoursTreatment: 'above', outcomeDirection: 'lower-is-better' });
    expect(s.effect.estimate).toBeCloseTo(Math.exp(-METAFOR.estimate), 8);
    expect(s.effect.logEstimate).toBeCloseTo(-METAFOR.estimate, 8);
    expect(s.effect.ciLower).toBeCloseTo(Math.exp(-METAFOR.ciUpper), 8);
    // the usual way round: metafor's OR of TB in vaccinated vs unvaccinated, below 1 favouring the vaccine
    expect(s.effect.treatmentOverControl!.estimate).toBeCloseTo(Math.exp(METAFOR.estimate), 8);
    expect(s.effect.treatmentOverControl!.ciLower).toBeCloseTo(Math.exp(METAFOR.ciLower), 8);
    expect(s.effect.treatmentOverControl!.ciUpper).toBeCloseTo(Math.exp(METAFOR.ciUpper), 8);
    expect(s.effect.interpretation).toMatch(/OR > 1 favours treatment; lower is better, so the ratio compares control with treatment/);
    expect(s.svg.forest).toContain('Favours treatment →');
    expect(s.svg.forest).toContain('← Favours control');
    expect(s.svg.robForest).toContain('right of 1 favours treatment');
    // the API/JSON export carries it, and a stored synthesis gives it back
    expect(JSON.parse(synthesisToJson(s)).effect).toMatchObject({ scale: 'ratio', favoursTreatment: 'above' });
    expect(synthesisFromJson(JSON.parse(synthesisToJson(s))).effect.estimate).toBeCloseTo(Math.exp(-METAFOR.estimate), 8);
  });

  it('the published record: OR on the ratio scale (what the forest plot shows), log values as logEstimate, direction stated', () => {
    const studies = bcgStudies('higher-is-better');
    const s = synthesise(studies, { outcome: 'tuberculosis', measure: 'OR', method: 'DL' });
    const [rec] = projectAtlasStudies({ id: 'p', name: 'P', diseaseArea: 'wound-healing' }, studies.slice(0, 1).map((x) => ({ ...x })), [s]);
    const p = rec!.pooled[0]!;
    expect(p).toMatchObject({ measure: 'OR', scale: 'ratio', favoursTreatment: 'above', outcomeDirection: 'higher-is-better' });
    expect(p.estimate).toBeCloseTo(Math.exp(METAFOR.estimate), 8);
    expect(p.ciLower).toBeCloseTo(Math.exp(METAFOR.ciLower), 8);
    expect(p.ciUpper).toBeCloseTo(Math.exp(METAFOR.ciUpper), 8);
    expect(p.logEstimate).toBeCloseTo(METAFOR.estimate, 8);
    expect(p.logCiLower).toBeCloseTo(METAFOR.ciLower, 8);
    // the forest plot's pooled row and the record agree
    expect(s.svg.forest).toContain(`${p.estimate!.toFixed(2)} [${p.ciLower!.toFixed(2)}, ${p.ciUpper!.toFixed(2)}]`);
  });

  it('a plot of a result without a known direction says so', () => {
    const r = analyseTable(bcg, { measure: 'OR', method: 'DL' });
    expect(forestPlot(r)).toContain('direction not stated');
    expect(forestPlot(r, { treatmentSide: 'left' })).toContain('← Favours treatment');
  });
});
