/**
 * Issue 17 (fuzzing): the extraction and appraisal form validators and the review service's input checks on arbitrary
 * JSON and on real forms with random damage: a validation result or a coded ExoError, never a TypeError.
 */
import { describe, expect, it } from 'vitest';
import { MisevAppraisal, misevRuleIssues, misevScore } from '../../src/appraisal/misev.js';
import { RobAssessment, robJudgements, robOverall } from '../../src/appraisal/syrcle.js';
import { validateForm } from '../../src/extraction/extraction-service.js';
import { parseExtractionForm, validateExtractionForm, validateWith } from '../../src/extraction/validate.js';
import { ExtractionForm } from '../../src/extraction/form-schema.js';
import { PROJECT_ID, parseCriteria, parseReasons, slugify, text } from '../../src/service/input.js';
import { expectCoded, fc, fuzzParams, fuzzTimeout } from '../../../../test/helpers/fuzz.js';
import { rawFixture } from '../synthesis/load-fixture.js';
import { nearValid, oddValue } from './json-mutations.js';

const studies = rawFixture().studies;
const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 4 }), oddValue);
const KINDS = ['extraction', 'rob', 'misev'] as const;
const seedsOf = { extraction: studies.map((s) => s.form), rob: studies.map((s) => s.rob), misev: studies.map((s) => s.misev) };

/** The validator's contract: ok with a value, or issues that each name a field in text. */
function checkValidation(r: { ok: boolean; issues: { path: string; message: string }[] }): void {
  if (r.ok) return expect(r.issues).toEqual([]);
  expect(r.issues.length).toBeGreaterThan(0);
  for (const i of r.issues) {
    expect(typeof i.path).toBe('string');
    expect(typeof i.message).toBe('string');
    expect(i.message.length).toBeGreaterThan(0);
  }
}

function noThrowExceptCoded(f: () => unknown): void {
  try {
    f();
  } catch (error) {
    expectCoded(error);
  }
}

describe('form validators on arbitrary input (issue 17, fuzzing)', () => {
  it('validateForm of every kind, with or without characteristics, on arbitrary JSON: a result, never a throw', { timeout: fuzzTimeout(30_000) }, () => {
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), anyJson, fc.option(anyJson, { nil: undefined }), (kind, data, characteristics) => {
        checkValidation(validateForm(kind, data, characteristics));
      }),
      fuzzParams(300),
    );
  });

  it('real forms with random damage: validation lists issues, the throwing parser raises EXO_ERR_EXTRACT_INVALID, the scores stay numbers', { timeout: fuzzTimeout(30_000) }, () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KINDS).chain((kind) => fc.tuple(fc.constant(kind), nearValid(seedsOf[kind]))),
        fc.constantFrom(...studies.map((s) => (s.form as { characteristics: unknown }).characteristics)),
        ([kind, data], characteristics) => {
          checkValidation(validateForm(kind, data, characteristics));
          if (kind === 'extraction') {
            const v = validateExtractionForm(data);
            try {
              parseExtractionForm(data);
              expect(v.ok).toBe(true);
            } catch (error) {
              expectCoded(error);
              expect((error as { code: string }).code).toBe('EXO_ERR_EXTRACT_INVALID');
              expect(v.ok).toBe(false);
            }
          }
          if (kind === 'rob') {
            const r = validateWith(RobAssessment, data);
            if (r.ok) expect(['low', 'unclear', 'high']).toContain(robOverall(robJudgements(r.value)));
          }
          if (kind === 'misev') {
            const r = validateWith(MisevAppraisal, data);
            if (r.ok) {
              const s = misevScore(r.value);
              expect(s.score === null || (s.score >= 0 && s.score <= 1)).toBe(true);
              const c = ExtractionForm.shape.characteristics.safeParse(characteristics);
              for (const i of misevRuleIssues(r.value, c.success ? c.data : undefined)) expect(i.path).toMatch(/^items\./);
            }
          }
        },
      ),
      fuzzParams(300),
    );
  });

  it('the review service\'s input checks (text, criteria, exclusion reasons, slugs) on arbitrary values: a value or EXO_ERR_REVIEW_INVALID_INPUT', { timeout: fuzzTimeout(30_000) }, () => {
    const fallback = { 'title-abstract': ['wrong population'], 'full-text': ['no outcome'] };
    const criteriaLike = fc.dictionary(fc.constantFrom('population', 'intervention', 'comparator', 'outcomes', 'studyDesigns', 'inclusion', 'exclusion', '__proto__', 'other'), oddValue);
    const reasonsLike = fc.dictionary(fc.constantFrom('title-abstract', 'full-text', '__proto__', 'other'), fc.oneof(fc.array(oddValue, { maxLength: 4 }), oddValue));
    fc.assert(
      fc.property(fc.oneof(anyJson, criteriaLike, reasonsLike), fc.record({ required: fc.boolean(), max: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }) }), (value, options) => {
        noThrowExceptCoded(() => {
          const t = text(value, 'name', options);
          if (t !== undefined) expect(t.length).toBeLessThanOrEqual(options.max ?? 20_000);
        });
        noThrowExceptCoded(() => parseCriteria(value));
        noThrowExceptCoded(() => {
          const r = parseReasons(value, fallback);
          for (const list of Object.values(r)) for (const reason of list) expect(typeof reason).toBe('string');
          // nothing but the two stages, whatever keys came in
          expect(Object.keys(r).sort()).toEqual(['full-text', 'title-abstract']);
        });
      }),
      fuzzParams(300),
    );
  });

  it('slugify turns any name into a valid project id', { timeout: fuzzTimeout(30_000) }, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (name) => {
        expect(slugify(name)).toMatch(PROJECT_ID);
      }),
      fuzzParams(300),
    );
  });
});
