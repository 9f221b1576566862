import { describe, expect, it } from 'vitest';
import { CsvReader, CsvSyntaxError, csvCell, csvDocument, defuseFormula, readCsv, sniffDelimiter, type CsvRow } from '../src/index.js';

describe('issue 22: the one CSV reader', () => {
  it('reads RFC 4180: quotes, doubled quotes, line breaks inside quotes, CRLF, a BOM; rows know their start line and quoted cells', () => {
    const rows = readCsv('\ufeffstudy,"yi"\r\n"Smith, ""J""",0.1\r\n"two\nlines",-0.2\n\n"",\n');
    expect(rows.map((r) => r.cells)).toEqual([['study', 'yi'], ['Smith, "J"', '0.1'], ['two\nlines', '-0.2'], ['', '']]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 6]);
    expect(rows[1]!.quoted).toEqual([true, false]);
  });

  it('gives the same rows whatever the chunking (the literature readers push text in pieces)', () => {
    const text = 'a,b\r\n"x ""y""\r\nz",2\r\n3,"4"';
    const whole = readCsv(text);
    for (let size = 1; size <= 4; size++) {
      const rows: CsvRow[] = [];
      const reader = new CsvReader((r) => rows.push(r));
      for (let i = 0; i < text.length; i += size) reader.push(text.slice(i, i + size));
      reader.end();
      expect(rows).toEqual(whole);
    }
  });

  it('strict mode reports stray quotes with their line; lenient mode keeps them as text', () => {
    expect(() => readCsv('a,b\n1,x"y\n', { strict: true })).toThrow(expect.objectContaining({ problem: 'quote-in-field', line: 2 }));
    expect(() => readCsv('a\n"x"y\n', { strict: true })).toThrow(expect.objectContaining({ problem: 'text-after-quote', line: 2 }));
    expect(readCsv('a,b\n1,x"y\n"p"q,2\n').map((r) => r.cells)).toEqual([['a', 'b'], ['1', 'x"y'], ['pq', '2']]);
  });

  it('an unclosed quote is an error naming the line it opens on, unless accepted (text being typed)', () => {
    const error = (() => {
      try {
        readCsv('a\n"open\nmore\n');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect(error).toMatchObject({ problem: 'unclosed-quote', detail: { quoteLine: 2 } });
    expect(readCsv('a\n"open', { unclosedQuote: 'accept' }).map((r) => r.cells)).toEqual([['a'], ['open']]);
  });

  it('reads other delimiters and sniffs them from the header line', () => {
    expect(readCsv('a;b\n1;2', { delimiter: ';' }).map((r) => r.cells)).toEqual([['a', 'b'], ['1', '2']]);
    expect(sniffDelimiter('a\tb\tc')).toBe('\t');
    expect(sniffDelimiter('"x;y",b')).toBe(',');
    expect(sniffDelimiter('a;b;c,d')).toBe(';');
    expect(sniffDelimiter('title')).toBe(',');
  });
});

describe('issue 22: the one CSV writer defuses spreadsheet formulas', () => {
  it('prefixes text starting with =, +, -, @, tab or CR with an apostrophe', () => {
    expect(['=HYPERLINK("x")', '+1+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx'].map(defuseFormula)).toEqual(["'=HYPERLINK(\"x\")", "'+1+cmd", "'-2+3", "'@SUM(A1)", "'\tx", "'\rx"]);
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('=A1,B1')).toBe(`"'=A1,B1"`);
  });

  it('leaves numbers alone, so negative effect sizes read back as numbers', () => {
    expect([csvCell(-0.25), csvCell('-0.25'), csvCell('+1e-3'), csvCell('1.5')]).toEqual(['-0.25', '-0.25', '+1e-3', '1.5']);
  });

  it('quotes delimiters, quotes, line breaks and edge spaces; writes missing values as asked', () => {
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell(' x')).toBe('" x"');
    expect([csvCell(null), csvCell(undefined), csvCell(Number.NaN, { missing: 'NA' }), csvCell('NA', { missing: 'NA' })]).toEqual(['', '', 'NA', '"NA"']);
    expect(csvDocument(['t', 'n'], [['=x', 1]], { eol: '\r\n' })).toBe("t,n\r\n'=x,1\r\n");
  });

  it('what it writes the reader reads back (defused text keeps its apostrophe)', () => {
    const rows = [['A, "x"', '-1.5'], ['line\nbreak', '']];
    expect(readCsv(csvDocument(['s', 'v'], rows)).slice(1).map((r) => r.cells)).toEqual(rows);
  });
});
