import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RecordView, StageProgress } from '../src/api/review';
import { AgreementTable, CriteriaList, ProgressTable, RecordCard, StoppingView, issuesByPath, num, pct } from '../src/components/review/ReviewParts';
import { emptyDraft, enumOf, fromData, numberOrText, toData } from '../src/components/review/extraction-draft';

const stage = (p: Partial<StageProgress> = {}): StageProgress => ({ eligible: 10, included: 2, excluded: 3, excludedByAutomation: 0, conflicts: 1, partial: 2, unscreened: 2, mine: { decided: 6, remaining: 4 }, ...p });

const record = (over: Partial<RecordView> = {}): RecordView => ({
  id: 7,
  title: 'Exosomes & wounds <b>',
  authors: ['Zhang, Wei', 'Liu, Min'],
  year: 2019,
  journal: 'Stem Cells',
  abstract: 'An abstract.',
  doi: '10.1/x',
  keywords: [],
  sources: ['Embase'],
  isNotRetrieved: false,
  isExcludedByAutomation: false,
  score: 0.8123,
  stages: {
    'title-abstract': { status: 'partial', decidedBy: 1, isBlinded: true, decisions: [] },
    'full-text': { status: 'unscreened', decidedBy: 0, isBlinded: false, decisions: [] },
  },
  ...over,
});

describe('review parts', () => {
  it('lists the PICO criteria and free text that are given, and says so when none are', () => {
    const html = renderToStaticMarkup(<CriteriaList criteria={{ population: 'Mice', exclusion: 'Reviews' }} question="Does it work?" />);
    expect(html).toContain('<dt>Population</dt><dd>Mice</dd>');
    expect(html).toContain('<dt>Exclude when</dt><dd>Reviews</dd>');
    expect(html).not.toContain('Intervention');
    expect(html).toContain('Does it work?');
    expect(renderToStaticMarkup(<CriteriaList criteria={{}} />)).toContain('No eligibility criteria recorded.');
  });

  it('shows progress per stage: screened, remaining, included, excluded, conflicts', () => {
    const html = renderToStaticMarkup(<ProgressTable progress={{ 'title-abstract': stage(), 'full-text': stage({ eligible: 2, included: 0, excluded: 0, conflicts: 0, partial: 0, unscreened: 2 }) }} />);
    expect(html).toContain('<th scope="row">Title and abstract</th><td class="num">10</td><td class="num">8</td><td class="num">4</td><td class="num">2</td><td class="num">3</td><td class="num">1</td><td class="num">4</td>');
    expect(html).toContain('<caption>Screening progress per stage</caption>');
    const stopped = renderToStaticMarkup(<ProgressTable progress={{ 'title-abstract': stage({ excluded: 7, excludedByAutomation: 4, unscreened: 0 }), 'full-text': stage() }} />);
    expect(stopped).toContain('<td class="num">7 (4 by automation tools)</td>');
  });

  it('writes agreement as a percentage and kappa with two decimals, a dash when undefined', () => {
    const html = renderToStaticMarkup(<AgreementTable items={[{ stage: 'title-abstract', records: 4, percentAgreement: 0.75, kappa: 0.4667, kappaIncludeExclude: undefined, table: { include: { include: 2, exclude: 1, maybe: 0 }, exclude: { include: 0, exclude: 1, maybe: 0 }, maybe: { include: 0, exclude: 0, maybe: 0 } }, pairs: [] }]} />);
    expect(html).toContain('<td class="num">75.0%</td><td class="num">0.47</td><td class="num">–</td>');
    expect(pct(undefined)).toBe('–');
    expect(num(Number.NaN)).toBe('–');
  });

  it('renders a record escaped, with its score, and says when the other decision is blinded', () => {
    const html = renderToStaticMarkup(<RecordCard record={record()} stage="title-abstract" />);
    expect(html).toContain('Exosomes &amp; wounds &lt;b&gt;');
    expect(html).toContain('Zhang, Wei; Liu, Min · 2019 · Stem Cells');
    expect(html).toContain('relevance score 0.812');
    expect(html).toContain('stays hidden until both have decided');
    expect(html).not.toContain('decision-list');
    const open = record({
      stages: {
        'title-abstract': {
          status: 'conflict',
          decidedBy: 2,
          isBlinded: false,
          decisions: [
            { id: 1, projectId: 'p', recordId: 7, reviewerId: 1, stage: 'title-abstract', reviewer: 'alice', decision: 'include', version: 1, createdAt: '' },
            { id: 2, projectId: 'p', recordId: 7, reviewerId: 2, stage: 'title-abstract', reviewer: 'bob', decision: 'exclude', reason: 'Wrong outcome', version: 1, createdAt: '' },
          ],
        },
        'full-text': { status: 'unscreened', decidedBy: 0, isBlinded: false, decisions: [] },
      },
    });
    const shown = renderToStaticMarkup(<RecordCard record={open} stage="title-abstract" headingLevel={3} />);
    expect(shown).toMatch(/<h3 id="record-7-title"/);
    expect(shown).toContain('<strong>bob</strong>: Exclude — Wrong outcome');
  });

  it('gives stopping guidance as guidance', () => {
    const html = renderToStaticMarkup(<StoppingView stopping={{ screened: 30, remaining: 70, included: 5, sinceLastInclude: 12, estimatedRecall: 0.9, note: 'guidance, not a stopping rule' }} />);
    expect(html).toContain('<dt>Since the last include</dt><dd>12</dd>');
    expect(html).toContain('<dd>90%</dd>');
    expect(renderToStaticMarkup(<StoppingView stopping={{ screened: 3, remaining: 7, included: 0, sinceLastInclude: 3, note: 'too early' }} />)).toContain('not yet estimable');
  });

  it('keeps the first message per field', () => {
    expect([...issuesByPath([{ path: 'a', message: '1' }, { path: 'a', message: '2' }, { path: 'b', message: '3' }])]).toEqual([
      ['a', '1'],
      ['b', '3'],
    ]);
  });
});

describe('the extraction draft', () => {
  it('turns typed text into the API form: numbers parsed, empty fields left out, bad text kept for the schema to name', () => {
    expect(numberOrText(' 4.5 ')).toBe(4.5);
    expect(numberOrText('')).toBeUndefined();
    expect(numberOrText('abc')).toBe('abc');
    const d = emptyDraft();
    d.characteristics.species = 'mouse';
    d.characteristics.methods = ['dUC'];
    d.outcomes[0]!.outcome = 'wound-closure';
    d.outcomes[0]!.groups[0]!.n = '6';
    d.outcomes[0]!.groups[0]!.sd = '-5';
    const data = toData(d) as { characteristics: Record<string, unknown>; outcomes: { groups: Record<string, unknown>[] }[] };
    expect(data.characteristics).toEqual({ species: 'mouse', isolation: { methods: ['dUC'] } });
    expect(data.outcomes[0]!.groups[0]).toEqual({ id: 'treatment', role: 'treatment', n: 6, sd: -5 });
    expect(fromData(toData(fromData(data)))).toEqual(fromData(data));
  });

  it('reads the allowed values of a field from the JSON Schema', () => {
    expect(enumOf({ anyOf: [{ type: 'string', enum: ['a', 'b'] }, { type: 'null' }] })).toEqual(['a', 'b']);
    expect(enumOf({ type: 'array', items: { enum: ['x'] } })).toEqual(['x']);
    expect(enumOf(undefined)).toEqual([]);
  });
});
