/** Golden-file tests of the appraisal plots: regenerate with UPDATE_GOLDEN=1 npx vitest run packages/review/test/appraisal. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MisevAppraisal } from '../../src/appraisal/misev.js';
import { misevSummarySvg } from '../../src/appraisal/misev-summary-svg.js';
import { robSummarySvg } from '../../src/appraisal/rob-summary-svg.js';
import { robTrafficLightSvg } from '../../src/appraisal/rob-traffic-light-svg.js';
import { RobAssessment, robJudgements } from '../../src/appraisal/syrcle.js';
import { synthesise } from '../../src/synthesis/synthesise.js';
import { rawFixture, woundHealingStudies } from '../synthesis/load-fixture.js';

const GOLDEN = join(import.meta.dirname, 'golden');

function golden(name: string, svg: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, svg);
  }
  expect(svg).toBe(readFileSync(file, 'utf8'));
}

const studies = rawFixture().studies;
const rob = studies.map((s) => ({ label: s.label, judgements: robJudgements(RobAssessment.parse(s.rob)) }));
const misev = studies.map((s) => ({ label: s.label, appraisal: MisevAppraisal.parse(s.misev) }));

describe('appraisal plots', () => {
  it('SYRCLE traffic-light plot (golden)', () => golden('rob-traffic-light.svg', robTrafficLightSvg(rob)));
  it('SYRCLE summary plot (golden)', () => golden('rob-summary.svg', robSummarySvg(rob)));
  it('MISEV summary (golden), labelled as ExoAtlas\'s own score', () => {
    const svg = misevSummarySvg(misev);
    expect(svg).toContain("not EV-TRACK&#39;s EV-METRIC".replace('&#39;', "'"));
    golden('misev-summary.svg', svg);
  });
  it('forest plot with risk of bias beside each study (golden)', () => {
    const s = synthesise(woundHealingStudies(), { outcome: 'wound-closure' });
    golden('rob-forest.svg', s.svg.robForest);
  });
  it('is accessible, deterministic and rounded', () => {
    const svg = robTrafficLightSvg(rob);
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="rob-traffic-light-title rob-traffic-light-desc"/);
    expect(svg).toBe(robTrafficLightSvg(rob));
    expect((svg.match(/class="judgement judgement-/g) ?? []).length).toBe(6 * 10 + 3);
    expect(svg).not.toMatch(/\d\.\d{3,}"/);
    const sum = robSummarySvg(rob);
    expect(sum).toContain('Sequence generation: Low risk (yes) 3 of 6 (50%)');
  });
});
