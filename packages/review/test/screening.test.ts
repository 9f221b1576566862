import { describe, expect, it } from 'vitest';
import { findConflicts, fitHyperbolicRate, isBlinded, stageOutcome, stoppingGuidance, validateDecision, visibleDecisions, type Decision, type Project, type Resolution } from '../src/index.js';

let nextId = 1;
const d = (recordId: number, reviewerId: number, decision: Decision['decision'], version = 1, reason?: string): Decision => ({
  id: nextId++,
  projectId: 'p',
  recordId,
  stage: 'title-abstract',
  reviewerId,
  reviewer: `r${reviewerId}`,
  decision,
  reason,
  version,
  createdAt: '',
});
const resolution = (decision: 'include' | 'exclude'): Resolution => ({ id: 1, projectId: 'p', recordId: 1, stage: 'title-abstract', decision, method: 'third-reviewer', resolvedBy: 3, resolver: 'r3', version: 1, createdAt: '' });

describe('record status', () => {
  it('single screening: one decision settles a record; a maybe needs resolving', () => {
    expect(stageOutcome([], [], 'single').status).toBe('unscreened');
    expect(stageOutcome([d(1, 1, 'include')], [], 'single').status).toBe('included');
    expect(stageOutcome([d(1, 1, 'exclude', 1, 'Wrong outcome')], [], 'single')).toMatchObject({ status: 'excluded', reason: 'Wrong outcome' });
    expect(stageOutcome([d(1, 1, 'maybe')], [], 'single').status).toBe('conflict');
  });

  it('dual screening: partial until two reviewers decide; disagreement is a conflict until resolved; latest version counts', () => {
    expect(stageOutcome([d(1, 1, 'include')], [], 'dual').status).toBe('partial');
    expect(stageOutcome([d(1, 1, 'include'), d(1, 2, 'include')], [], 'dual').status).toBe('included');
    const split = [d(1, 1, 'include'), d(1, 2, 'exclude')];
    expect(stageOutcome(split, [], 'dual').status).toBe('conflict');
    expect(stageOutcome(split, [resolution('exclude')], 'dual')).toMatchObject({ status: 'excluded', isResolved: true });
    expect(stageOutcome([...split, d(1, 2, 'include', 2)], [], 'dual').status).toBe('included');
  });

  it('lists conflicts with their kind', () => {
    const byRecord = new Map([
      [1, [d(1, 1, 'include'), d(1, 2, 'exclude')]],
      [2, [d(2, 1, 'maybe'), d(2, 2, 'maybe')]],
      [3, [d(3, 1, 'include'), d(3, 2, 'include')]],
    ]);
    expect(findConflicts(byRecord, new Map(), 'dual', 'title-abstract').map((c) => [c.recordId, c.kind])).toEqual([
      [1, 'disagreement'],
      [2, 'maybe'],
    ]);
  });
});

describe('blinding', () => {
  it('hides the other reviewer’s decision until both have decided (dual), never in single screening', () => {
    const one = [d(1, 1, 'include')];
    expect(isBlinded(one, 'dual')).toBe(true);
    expect(visibleDecisions(one, 2, 'dual')).toEqual([]);
    expect(visibleDecisions(one, 1, 'dual').map((x) => x.reviewerId)).toEqual([1]);
    const both = [...one, d(1, 2, 'exclude')];
    expect(isBlinded(both, 'dual')).toBe(false);
    expect(visibleDecisions(both, 2, 'dual')).toHaveLength(2);
    expect(visibleDecisions(one, 2, 'single')).toHaveLength(1);
  });
});

describe('decision input', () => {
  const project: Project = {
    id: 'p',
    name: 'P',
    question: '',
    criteria: {},
    mode: 'dual',
    exclusionReasons: { 'title-abstract': ['Wrong population'], 'full-text': ['Wrong outcome'] },
    createdAt: '',
    createdBy: 1,
  };
  it('accepts a decision with a listed reason and defaults the stage and version', () => {
    expect(validateDecision(project, { decision: 'exclude', reason: 'Wrong population' })).toEqual({ stage: 'title-abstract', decision: 'exclude', reason: 'Wrong population', note: undefined, expectedVersion: 0 });
  });
  it.each([
    [{ decision: 'yes' }, /decision must be/],
    [{ decision: 'exclude', reason: 'Because' }, /unknown exclusion reason/],
    [{ decision: 'include', reason: 'Wrong population' }, /only with an exclusion/],
    [{ decision: 'exclude', stage: 'full-text' }, /needs a reason/],
    [{ decision: 'include', stage: 'abstract' }, /stage must be/],
    [{ decision: 'include', expectedVersion: -1 }, /expectedVersion/],
  ])('refuses %j', (input, message) => {
    expect(() => validateDecision(project, input)).toThrow(message);
  });
});

describe('stopping guidance', () => {
  // Expected values: the same Poisson likelihood maximised over c continuously with scipy
  // (optimize.minimize_scalar over ln c in [ln(1e-3/n), ln(1e3/n)], a = included / Σ 1/(1 + c·k)).
  it('counts records since the last include and estimates recall from a hyperbolic discovery rate, only as guidance', () => {
    expect(stoppingGuidance([1, 0, 0], 100).estimatedRecall).toBeUndefined();
    // Includes thin out: 10 in the first 30, then none in the next 170 — scipy: c 0.7225, 3.435 expected, recall 0.7443.
    const sequence = [...Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? 1 : 0)), ...Array(170).fill(0)] as (0 | 1)[];
    const g = stoppingGuidance(sequence, 800);
    expect(g.sinceLastInclude).toBe(172);
    expect(g.included).toBe(10);
    expect(g.estimatedRecall).toBeCloseTo(0.7443, 2);
    expect(g.expectedRemainingIncludes).toBeCloseTo(3.435, 0);
    expect(g.note).toMatch(/guidance, not a stopping rule/);
    // A steady rate of includes means many remain — scipy: c 0.00156, 49.2 expected, recall 0.289.
    const steady = Array.from({ length: 200 }, (_, i) => (i % 10 === 0 ? 1 : 0)) as (0 | 1)[];
    expect(stoppingGuidance(steady, 800).estimatedRecall).toBeCloseTo(0.289, 2);
  });

  it('does not claim high recall from one early include (the exponential rate it replaced said over 99%)', () => {
    // The starting include, then 19 excludes, 2,000 unscreened: the rate's shape tends to 1/k, recall 1/(1 + 1.287) = 0.437.
    const g = stoppingGuidance([1, ...Array(19).fill(0)] as (0 | 1)[], 2000);
    expect(g.estimatedRecall).toBeCloseTo(0.437, 2);
  });

  it('fits the hyperbolic rate by maximum likelihood: a matches its closed form, a constant rate gives c = 0', () => {
    const steady = Array.from({ length: 100 }, (_, i) => (i % 4 === 3 ? 1 : 0)) as (0 | 1)[];
    expect(fitHyperbolicRate(steady).c).toBe(0);
    const early = [...Array(10).fill(1), ...Array(90).fill(0)] as (0 | 1)[];
    const { a, c } = fitHyperbolicRate(early);
    let mass = 0;
    for (let k = 1; k <= 100; k++) mass += 1 / (1 + c * k);
    expect(a).toBeCloseTo(10 / mass, 12);
    expect(c).toBeGreaterThan(0.1);
  });
});
