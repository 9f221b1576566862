import { describe, expect, it } from 'vitest';
import { screeningLogCsv, type Decision, type RecordView, type StageView } from '../src/index.js';

const decision = (reviewer: string, value: Decision['decision'], reason?: string): Decision => ({ id: 1, projectId: 'p', recordId: 1, stage: 'title-abstract', reviewerId: 1, reviewer, decision: value, reason, version: 1, createdAt: '' });
const stage = (over: Partial<StageView>): StageView => ({ status: 'unscreened', decidedBy: 0, isBlinded: false, decisions: [], ...over });
const record = (over: Partial<RecordView>): RecordView => ({
  id: 1,
  title: 'A title',
  authors: [],
  keywords: [],
  sources: ['Embase'],
  isNotRetrieved: false,
  isExcludedByAutomation: false,
  stages: { 'title-abstract': stage({}), 'full-text': stage({}) },
  ...over,
});

describe('screeningLogCsv', () => {
  const csv = screeningLogCsv([
    record({
      id: 7,
      title: 'Exosomes, "small" vesicles',
      authors: ['Zhang, W.', 'Liu, M.'],
      year: 2019,
      sources: ['Embase', 'PubMed'],
      stages: {
        'title-abstract': stage({ status: 'included', decidedBy: 2, decisions: [decision('alice', 'include'), decision('bob', 'maybe')] }),
        'full-text': stage({ status: 'excluded', reason: 'Data not extractable', decidedBy: 2, decisions: [decision('alice', 'exclude', 'Data not extractable'), decision('bob', 'exclude', 'Data not extractable')] }),
      },
    }),
    record({ id: 8, isNotRetrieved: true, stages: { 'title-abstract': stage({ status: 'included', decidedBy: 2 }), 'full-text': stage({}) } }),
    record({
      id: 9,
      title: '=HYPERLINK("x")',
      stages: {
        'title-abstract': stage({ status: 'excluded', reason: 'Wrong outcome', decidedBy: 2, decisions: [decision('alice', 'exclude', 'Wrong outcome'), decision('bob', 'include')], resolution: { id: 1, projectId: 'p', recordId: 9, stage: 'title-abstract', decision: 'exclude', reason: 'Wrong outcome', method: 'discussion', resolvedBy: 3, resolver: 'carol', version: 1, createdAt: '' } }),
        'full-text': stage({}),
      },
    }),
    record({ id: 10, stages: { 'title-abstract': stage({ status: 'partial', decidedBy: 1, isBlinded: true }), 'full-text': stage({}) } }),
  ]);
  const rows = csv.split('\r\n');

  it('has a header and one CRLF-ended row per record', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(rows).toHaveLength(6);
    expect(rows[0]!.split(',')).toHaveLength(18);
  });

  it('quotes commas and quotes, and defuses spreadsheet formulas', () => {
    expect(rows[1]).toBe('7,"Exosomes, ""small"" vesicles","Zhang, W.; Liu, M.",2019,,,,Embase; PubMed,included,,alice: include; bob: maybe,,yes,yes,excluded,Data not extractable,alice: exclude (Data not extractable); bob: exclude (Data not extractable),');
    expect(rows[3]).toBe(`9,"'=HYPERLINK(""x"")",,,,,,Embase,excluded,Wrong outcome,alice: exclude (Wrong outcome); bob: include,"exclude (Wrong outcome) by carol, discussion",no,,,,,`);
  });

  it('a report not retrieved was sought but not assessed; a blinded record shows no decision', () => {
    expect(rows[2]).toBe('8,A title,,,,,,Embase,included,,,,yes,no,,,,');
    expect(rows[4]).toBe('10,A title,,,,,,Embase,partial,,,,no,,,,,');
  });
});
