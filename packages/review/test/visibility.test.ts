/**
 * Issue 17 (security): the blinding policy of packages/review/src/visibility/, rule by rule. The end-to-end check
 * over every GET route is packages/server/test/blinding.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { BLINDED_PLACEHOLDER, areFormsBlinded, readerOf, isBlindedToAnyForm, visibleAudit, visibleForms, visibleSequence, type AuditEntry, type Decision, type Reader, type Stage } from '../src/index.js';

let nextId = 1;
const d = (recordId: number, reviewerId: number, decision: Decision['decision'], note?: string): Decision => ({
  id: nextId++,
  projectId: 'p',
  recordId,
  stage: 'title-abstract',
  reviewerId,
  reviewer: `r${reviewerId}`,
  decision,
  note,
  version: 1,
  createdAt: '',
});
const byRecord = (ds: Decision[]) => {
  const m = new Map<number, Decision[]>();
  for (const x of ds) m.set(x.recordId, [...(m.get(x.recordId) ?? []), x]);
  return m;
};
const amy: Reader = { userId: 1, mode: 'dual', supervises: new Set() };
/** an owner who has screened nothing at title/abstract and filled in no SYRCLE form: supervises those */
const olivia: Reader = readerOf(9, 'dual', 'owner', ['title-abstract', 'full-text', 'extraction', 'rob', 'misev'], (w) => w === 'full-text' || w === 'misev');
const form = (recordId: number, kind: string, reviewerId: number | null) => ({ recordId, kind, reviewerId });

describe('issue 17 blinding: discovery curve', () => {
  it('counts a record another reviewer alone decided not at all, and the reader’s own by their own decision', () => {
    const bobIncludes = byRecord([d(1, 2, 'include'), d(2, 1, 'exclude'), d(3, 1, 'include'), d(3, 2, 'exclude')]);
    const bobExcludes = byRecord([d(1, 2, 'exclude'), d(2, 1, 'exclude'), d(3, 1, 'include'), d(3, 2, 'exclude')]);
    expect(visibleSequence(bobIncludes, amy)).toEqual([0, 1]);
    expect(visibleSequence(bobExcludes, amy)).toEqual(visibleSequence(bobIncludes, amy));
    // single mode hides nothing: bob's include counts
    expect(visibleSequence(bobIncludes, { ...amy, mode: 'single' })).toEqual([1, 0, 1]);
    // an owner who has not screened supervises: the team's curve; a reviewer never supervises
    expect(visibleSequence(bobIncludes, olivia)).toEqual([1, 0, 1]);
    expect(readerOf(1, 'dual', 'reviewer', ['title-abstract'], () => false).supervises.size).toBe(0);
  });
});

describe('issue 17 blinding: forms', () => {
  it('hides another reviewer’s forms until two reviewers saved one, per study and kind; a consensus alone unblinds nothing', () => {
    const forms = [form(1, 'rob', 2), form(1, 'misev', 2), form(1, 'misev', 1), form(2, 'rob', 2), form(2, 'rob', null), form(3, 'rob', 1)];
    expect(visibleForms(forms, amy)).toEqual([form(1, 'misev', 2), form(1, 'misev', 1), form(2, 'rob', null), form(3, 'rob', 1)]);
    expect(areFormsBlinded([form(1, 'rob', 2)], 'dual')).toBe(true);
    expect(areFormsBlinded([form(1, 'rob', 2)], 'single')).toBe(false);
    expect(isBlindedToAnyForm(forms, amy)).toBe(true);
    // the owner supervises SYRCLE (no form of hers) but takes part in MISEV
    expect(visibleForms([form(1, 'rob', 2), form(1, 'misev', 2), form(1, 'misev', 9)], olivia)).toEqual([form(1, 'rob', 2), form(1, 'misev', 2), form(1, 'misev', 9)]);
    expect(visibleForms([form(1, 'rob', 2), form(1, 'misev', 2), form(2, 'misev', 9)], olivia)).toEqual([form(1, 'rob', 2), form(2, 'misev', 9)]);
    expect(isBlindedToAnyForm([form(1, 'misev', 2), form(1, 'misev', 1), form(2, 'rob', null)], amy)).toBe(false);
  });

  it('filters a form history by its reviewers: every version of bob’s form stays hidden', () => {
    const history = [form(1, 'rob', 2), form(1, 'rob', 2)];
    expect(visibleForms(history, amy)).toEqual([]);
    expect(visibleForms([...history, form(1, 'rob', 1)], amy)).toHaveLength(3);
  });
});

describe('issue 17 blinding: audit', () => {
  const entry = (action: string, userId: number, recordId: number | undefined, after: unknown): AuditEntry => ({ id: nextId++, projectId: 'p', userId, username: `r${userId}`, action, recordId, stage: 'title-abstract', before: null, after, at: '' });
  it('keeps the place of a blinded decision but not its content, and withholds a stop’s team guidance while anything is blinded', () => {
    const decisions: Record<Stage, Map<number, Decision[]>> = { 'title-abstract': byRecord([d(1, 2, 'include', 'bob likes it'), d(2, 1, 'exclude'), d(2, 2, 'exclude')]), 'full-text': new Map() };
    const entries = [entry('decision', 2, 1, { decision: 'include', note: 'bob likes it' }), entry('decision', 2, 2, { decision: 'exclude' }), entry('screening.stop', 3, undefined, { records: 5, stopping: { included: 1 } })];
    const seen = visibleAudit(entries, amy, decisions);
    expect(seen[0]).toMatchObject({ action: 'decision', username: 'r2', before: BLINDED_PLACEHOLDER, after: BLINDED_PLACEHOLDER });
    expect(seen[1]!.after).toEqual({ decision: 'exclude' });
    expect(seen[2]!.after).toEqual({ records: 5, stopping: BLINDED_PLACEHOLDER });
    // bob reads his own entries; once amy decides record 1 too, she reads them all
    expect(visibleAudit(entries, olivia, decisions)).toEqual(entries);
    expect(visibleAudit(entries, { userId: 2, mode: 'dual', supervises: new Set() }, decisions)[0]!.after).toEqual({ decision: 'include', note: 'bob likes it' });
    decisions['title-abstract'].get(1)!.push(d(1, 1, 'exclude'));
    expect(visibleAudit(entries, amy, decisions)).toEqual(entries);
  });
});
