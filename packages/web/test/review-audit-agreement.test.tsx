import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { PairAgreement } from '../src/api/review';
import { PairAgreementTable, tableValues } from '../src/components/review/PairAgreementTable';
import { actionLabel, auditQuery, changedFields, describeChange, pageInfo, recordHref } from '../src/pages/review/audit-log';
import { draftFromProject, patchFromDraft, reasonLines } from '../src/pages/review/criteria-draft';

describe('audit log helpers', () => {
  it('words a decision: before → after, with its reason and note', () => {
    expect(describeChange({ action: 'decision', before: null, after: { decision: 'include', version: 1 } })).toEqual({ before: '–', after: 'include (version 1)', notes: '' });
    expect(describeChange({ action: 'decision', before: { decision: 'include', version: 1 }, after: { decision: 'exclude', reason: 'Wrong outcome', note: 'checked again', version: 2 } })).toEqual({
      before: 'include (version 1)',
      after: 'exclude (version 2)',
      notes: 'Wrong outcome · note: checked again',
    });
    // blinded: the server sends a sentence instead of the decision
    const hidden = '(hidden until both reviewers have decided)';
    expect(describeChange({ action: 'decision', before: null, after: hidden })).toEqual({ before: '–', after: hidden, notes: '' });
  });

  it('words resolutions, retrieval, imports, member changes, project changes and forms', () => {
    expect(describeChange({ action: 'screening.stop', before: null, after: { records: 140, note: 'Stopping rule met', stopping: { screened: 60, included: 6, sinceLastInclude: 29, estimatedRecall: 0.912 } } })).toEqual({
      before: '–',
      after: '140 unscreened records excluded by automation tools after 60 screened (6 included, 29 since the last include, estimated recall 91%)',
      notes: 'note: Stopping rule met',
    });
    expect(describeChange({ action: 'screening.resume', before: null, after: { records: 140, restored: 139 } }).after).toBe('139 records back in the screening queue');
    expect(actionLabel('screening.stop')).toBe('Screening stopped');
    expect(describeChange({ action: 'resolution', before: null, after: { decision: 'include', method: 'third-reviewer', note: 'Pigs are a model', version: 1 } })).toEqual({ before: '–', after: 'include (third reviewer, version 1)', notes: 'note: Pigs are a model' });
    expect(describeChange({ action: 'record.retrieval', before: { isNotRetrieved: false }, after: { isNotRetrieved: true } })).toMatchObject({ before: 'retrieved', after: 'not retrieved' });
    expect(describeChange({ action: 'search.import', before: null, after: { database: 'Embase', identified: 4, added: 3, duplicates: 1, fileName: 'x.ris' } })).toEqual({ before: '–', after: 'Embase: 4 identified, 3 added, 1 duplicates', notes: 'x.ris' });
    expect(describeChange({ action: 'member.set', before: null, after: { userId: 2, role: 'reviewer' } })).toMatchObject({ before: '–', after: 'reviewer (user 2)' });
    expect(describeChange({ action: 'member.set', before: { userId: 2, role: 'viewer' }, after: { userId: 2, role: 'reviewer' } }, (id) => (id === 2 ? 'bob' : undefined))).toMatchObject({ before: 'viewer (bob)', after: 'reviewer (bob)' });
    expect(describeChange({ action: 'project.update', before: { name: 'A', criteria: { population: 'mice' }, question: 'q' }, after: { name: 'A', criteria: { population: 'rats' }, question: 'q2' } }).after).toBe('changed: criteria.population, question');
    expect(describeChange({ action: 'extraction', before: { version: 0 }, after: { version: 1 } })).toEqual({ before: '–', after: 'version 1', notes: '' });
    expect(describeChange({ action: 'something.new', before: null, after: { a: 'x'.repeat(200) } }).after).toHaveLength(120);
    expect(actionLabel('decision')).toBe('Decision');
    expect(actionLabel('something.new')).toBe('something.new');
  });

  it('finds the fields that changed, one level deep', () => {
    expect(changedFields({ a: 1, b: { c: 1, d: 2 } }, { a: 1, b: { c: 1, d: 3 }, e: 'new' })).toEqual(['b.d', 'e']);
    expect(changedFields({ exclusionReasons: { 'full-text': ['x'] } }, { exclusionReasons: { 'full-text': ['x', 'y'] } })).toEqual(['exclusionReasons.full-text']);
    expect(changedFields(null, {})).toEqual([]);
  });

  it('links a record to its screening view at the stage, or to its extraction form', () => {
    expect(recordHref('p 1', { action: 'decision', recordId: 7, stage: 'full-text' })).toBe('/reviews/p%201/screen?stage=full-text&record=7');
    expect(recordHref('p', { action: 'rob-consensus', recordId: 7 })).toBe('/reviews/p/extraction?record=7&form=rob');
    expect(recordHref('p', { action: 'project.update' })).toBeUndefined();
  });

  it('pages 100 rows at a time, clamping the page to the pages there are', () => {
    expect(pageInfo(0, 1)).toEqual({ page: 1, pages: 1, first: 0, last: 0, offset: 0 });
    expect(pageInfo(250, 1)).toEqual({ page: 1, pages: 3, first: 1, last: 100, offset: 0, next: 2 });
    expect(pageInfo(250, 3)).toEqual({ page: 3, pages: 3, first: 201, last: 250, offset: 200, previous: 2 });
    expect(pageInfo(250, 9)).toMatchObject({ page: 3, first: 201 });
    expect(pageInfo(100, 2)).toMatchObject({ page: 1, pages: 1, last: 100 });
  });

  it('reads its filters from the query string', () => {
    expect(auditQuery(new URLSearchParams('user=alice&stage=full-text&page=2'))).toEqual({ user: 'alice', stage: 'full-text', page: 2 });
    expect(auditQuery(new URLSearchParams('stage=abstract&page=x&user='))).toEqual({ page: 1 });
  });
});

describe('criteria editor helpers', () => {
  const project = { question: 'Does it work?', criteria: { population: 'Mice' }, exclusionReasons: { 'title-abstract': ['Wrong population', 'Review'], 'full-text': ['No data'] } };

  it('starts from the project as it is', () => {
    const draft = draftFromProject(project);
    expect(draft.question).toBe('Does it work?');
    expect(draft.criteria).toMatchObject({ population: 'Mice', intervention: '', exclusion: '' });
    expect(draft.reasons).toEqual({ 'title-abstract': 'Wrong population\nReview', 'full-text': 'No data' });
  });

  it('sends the filled-in criteria and one reason a line, trimmed and without repeats', () => {
    const draft = draftFromProject(project);
    draft.criteria.population = '  ';
    draft.criteria.outcomes = ' Wound closure ';
    draft.reasons['full-text'] = 'No data\n\n  Wrong outcome \nNo data\r\n';
    expect(patchFromDraft(draft)).toEqual({
      question: 'Does it work?',
      criteria: { outcomes: 'Wound closure' },
      exclusionReasons: { 'title-abstract': ['Wrong population', 'Review'], 'full-text': ['No data', 'Wrong outcome'] },
    });
    expect(reasonLines('')).toEqual([]);
  });
});

describe('per-pair agreement table', () => {
  const pair = (over: Partial<PairAgreement> = {}): PairAgreement => ({
    reviewers: ['alice', 'bob'],
    records: 4,
    percentAgreement: 0.75,
    kappa: 0.5,
    kappaCi: [-0.23498649420252, 1],
    kappaIncludeExclude: 0.5,
    kappaIncludeExcludeCi: [-0.23498649420252, 1],
    table: { include: { include: 1, exclude: 1, maybe: 0 }, exclude: { include: 0, exclude: 2, maybe: 0 }, maybe: { include: 0, exclude: 0, maybe: 0 } },
    ...over,
  });

  it('is 2×2 without maybe, 3×3 with it', () => {
    expect(tableValues(pair().table)).toEqual(['include', 'exclude']);
    expect(tableValues({ ...pair().table, exclude: { include: 0, exclude: 2, maybe: 1 } })).toEqual(['include', 'exclude', 'maybe']);
  });

  it('shows the counts with totals, the agreement and κ with its 95% interval in the caption', () => {
    const html = renderToStaticMarkup(<PairAgreementTable pair={pair()} stage="title-abstract" />);
    expect(html).toContain("<caption>alice × bob, title and abstract: 4 records, agreement 75.0%, Cohen&#x27;s κ 0.50 (-0.23 to 1.00)</caption>");
    expect(html).toContain('<th scope="row">alice: Include</th><td class="num agree">1</td><td class="num">1</td><td class="num">2</td>');
    expect(html).toContain('<th scope="row">Total</th><td class="num">1</td><td class="num">3</td><td class="num">4</td>');
    expect(html).not.toContain('Maybe');
    const withMaybe = renderToStaticMarkup(<PairAgreementTable pair={pair({ table: { ...pair().table, maybe: { include: 1, exclude: 0, maybe: 0 } }, records: 5, kappa: undefined, kappaCi: undefined })} stage="full-text" />);
    expect(withMaybe).toContain('bob: Maybe');
    expect(withMaybe).toContain('Cohen&#x27;s κ –');
    expect(withMaybe).toContain('κ with maybe as include 0.50 (-0.23 to 1.00)');
  });
});
