import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/csv.js';

describe('CSV reader (RFC 4180)', () => {
  it('reads quotes, escaped quotes, CRLF and embedded newlines', () => {
    const t = parseCsv('"study","yi",vi\r\n"Smith, ""J""",0.1,0.02\r\n"Line\nbreak",0.2,0.03\r\n');
    expect(t.columns).toEqual(['study', 'yi', 'vi']);
    expect(t.rows).toEqual([
      ['Smith, "J"', '0.1', '0.02'],
      ['Line\nbreak', '0.2', '0.03'],
    ]);
  });
  it("marks columns quoted throughout as text in a selectively quoted file (R's write.csv)", () => {
    const t = parseCsv('"study","grp","dose"\n"A","1",3\n"B","2",\n');
    expect(t.textColumns).toEqual(['study', 'grp']);
    expect(t.rows[1]).toEqual(['B', '2', null]);
  });
  it('does not when every field is quoted', () => {
    expect(parseCsv('"a","b"\n"1","x"\n').textColumns).toEqual([]);
  });
  it('strips a BOM and ignores a trailing blank line', () => {
    expect(parseCsv('\ufeffyi,vi\n1,2\n\n').rows).toEqual([['1', '2']]);
  });
});

describe('issue 22: the shared reader keeps the messages and lines of meta CSV errors', () => {
  const message = (text: string): string => {
    try {
      parseCsv(text);
    } catch (e) {
      expect(e).toMatchObject({ code: 'EXO_ERR_META_CSV' });
      return (e as Error).message;
    }
    return 'no error';
  };
  it('names the line of each syntax problem, counting line breaks inside quotes', () => {
    expect(message('study,yi\n"a\nb",1\nx"y,2\n')).toBe('line 4: a quote inside an unquoted field (quote the whole field and double the quote)');
    expect(message('study,yi\n"a"b,1\n')).toBe('line 2: unexpected character "b" after a closing quote');
    expect(message('study,yi\n"a,1\n\n')).toBe('line 2: a quoted field is never closed');
    expect(message('study,yi\n"a\nb",1\nc\n')).toBe('line 4 (row 2): 1 fields, but the header has 2');
    expect(message('\n\n')).toBe('the CSV file is empty: it needs a header row of column names');
  });
  it('an empty unquoted cell is missing, a quoted empty cell is empty text', () => {
    expect(parseCsv('a,b\n,""\n').rows).toEqual([[null, '']]);
  });
});
