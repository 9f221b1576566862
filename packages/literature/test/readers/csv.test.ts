import { describe, expect, it } from 'vitest';
import { readCitations } from '../../src/index.js';
import { readFixture } from '../helpers.js';

describe('CSV / TSV reader', () => {
  it('maps the column names screening tools use, quoted multi-line cells and labels; keeps other columns raw', async () => {
    const { format, records, warnings } = await readFixture('asreview-columns.csv');
    expect(format).toBe('csv');
    expect(records).toHaveLength(3);
    expect(records[0]).toMatchObject({
      title: 'Exosomes in wound healing: a "systematic" review',
      abstract: 'Line one of the abstract, line two of the abstract.',
      authors: [{ family: 'Zhou', given: 'Y.' }, { family: 'Chen', given: 'L.' }],
      year: 2023,
      doi: '10.1186/s13287-023-00001-1',
      label: 1,
      sourceId: '1',
    });
    expect(records[0]!.raw.fields.extra_column).toEqual(['kept in raw']);
    expect(records[0]!.raw.line).toBe(2);
    expect(records[1]).toMatchObject({ label: 0, authors: [{ family: 'Gadow', given: 'K D' }, { family: 'Sverd', given: 'J' }] });
    expect(records[2]!.raw.line).toBe(5);
    expect(records[2]!.flags).toEqual(['missing-title']);
    expect(warnings.map((w) => w.code)).toEqual(['missing-title']);
  });

  it('sniffs semicolons and reads Scopus column names (page start/end)', async () => {
    const { records } = await readFixture('semicolon.csv');
    expect(records[0]).toMatchObject({ title: 'Exosomes and cartilage', year: 2020, journal: 'Psychoneuroendocrinology', volume: '111', pages: '1-9' });
    expect(records[0]!.authors).toEqual([{ family: 'Labanski', given: 'A.' }, { family: 'Langhorst', given: 'J.' }]);
  });

  it('reads Web of Science tab-delimited columns', async () => {
    const { format, records } = await readFixture('wos-tab.tsv');
    expect(format).toBe('tsv');
    expect(records[0]).toMatchObject({ title: 'Holding yourself captive', year: 2018, pages: '387-397', doi: '10.1016/j.jarmac.2018.03.001', sourceDatabase: 'Web of Science' });
    expect(records[0]!.authors[0]).toEqual({ family: 'Alceste', given: 'F' });
  });

  it('refuses a row with more cells than the header, naming the line', async () => {
    const error = await readCitations('title,year\n"A",2001\nB,2002,extra\n', { fileName: 'x.csv' }).catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'EXO_ERR_LIT_MALFORMED', context: { file: 'x.csv', line: 3 } });
    expect((error as Error).message).toBe('x.csv line 3: expected 2 cells as in the header, found 3 (an unquoted delimiter or quote?)');
  });
});

describe('issue 22: the shared CSV reader keeps the literature behaviour', () => {
  it('a file ending inside quotes is EXO_ERR_LIT_TRUNCATED naming where the quote opens', async () => {
    const error = await readCitations('title,year\n"A title,2020\nmore\n', { fileName: 't.csv' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'EXO_ERR_LIT_TRUNCATED', context: { file: 't.csv', line: 4 } });
    expect((error as Error).message).toBe(`t.csv line 4: the file ends inside a quoted field that opens at line 2 (expected a closing '"'; truncated?)`);
  });
  it('stray quotes are text and white lines are skipped', async () => {
    const { records } = await readCitations('title,year\nA "quoted" word,2020\n   \nB,2021\n', { fileName: 't.csv' });
    expect(records.map((r) => [r.title, r.raw.line])).toEqual([
      ['A "quoted" word', 2],
      ['B', 4],
    ]);
  });
});
