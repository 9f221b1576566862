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
