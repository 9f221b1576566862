/** The wound-healing review fixture: six preclinical studies (one with two arms sharing a control), parsed. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseExtractionForm } from '../../src/extraction/validate.js';
import { MisevAppraisal, misevScore } from '../../src/appraisal/misev.js';
import { RobAssessment, robJudgements } from '../../src/appraisal/syrcle.js';
import type { SynthesisStudy } from '../../src/synthesis/study-input.js';
import type { DiseaseArea } from '@exoatlas/schema';

export interface FixtureStudy {
  studyId: string;
  label: string;
  year: number;
  form: unknown;
  rob: unknown;
  misev: unknown;
}

export const FIXTURE_FILE = join(import.meta.dirname, 'fixtures', 'wound-healing-studies.json');

export function rawFixture(): { project: { id: string; name: string; diseaseArea: DiseaseArea }; studies: FixtureStudy[] } {
  return JSON.parse(readFileSync(FIXTURE_FILE, 'utf8'));
}

export function woundHealingStudies(): SynthesisStudy[] {
  return rawFixture().studies.map((s) => ({
    studyId: s.studyId,
    label: s.label,
    year: s.year,
    form: parseExtractionForm(s.form),
    rob: robJudgements(RobAssessment.parse(s.rob)),
    misevScore: misevScore(MisevAppraisal.parse(s.misev)).score,
  }));
}
