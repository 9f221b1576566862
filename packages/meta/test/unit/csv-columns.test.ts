/**
 * Issue 23, the columnar path for large inputs: parseCsvColumns() keeps cells as offsets into the file and reads
 * numbers straight from its characters. It must give exactly what parseCsv() gives — the same cells, the same
 * errors, the same analysis to the last bit on every metafor conformance case — and readNumber() the same double
 * as Number().
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { META_CLI_OPTIONS, type ParsedMetaFlags, optionsFromFlags } from '../../../cli/src/commands/meta-options.js';
import { analyseTable, parseCsv, parseCsvColumns  } from '../../src/index.js';
import { columnarCell } from '../../src/csv-columns.js';
import { readNumber } from '../../src/read-number.js';

const CASES = join(import.meta.dirname, '..', 'fixtures', 'metafor', 'cases');
const cases = readdirSync(CASES).filter((d) => existsSync(join(CASES, d, 'case.json'))).sort();

function outcome(f: () => unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(f()));
  } catch (e) {
    return { code: (e as { code?: string }).code, message: (e as Error).message, context: (e as { context?: unknown }).context };
  }
}

function cells(text: string): unknown {
  return outcome(() => {
    const t = parseCsvColumns(text);
    return { columns: t.columns, textColumns: t.textColumns, rows: Array.from({ length: t.length }, (_, i) => t.columns.map((_, j) => columnarCell(t, i, j))) };
  });
}

const ODD_FILES = [
  '"study","yi",vi\r\n"Smith, ""J""",0.1,0.02\r\n"Line\nbreak",0.2,0.03\r\n',
  '"study","grp","dose"\n"A","1",3\n"B","2",\n',
  '"a","b"\n"1","x"\n',
  '\ufeffyi,vi\n1,2\n\n',
  'yi,vi\n1,2\n\n\n3,4',
  'yi,vi\n1,2,3\n',
  'yi,yi\n1,2\n',
  'yi,\n1,2\n',
  'yi,vi\n"1,2\n',
  'yi,vi\n"1"x,2\n',
  'yi,vi\n1",2\n',
  '',
  '\n\n',
  'yi,vi\n , \n"",""\n',
];

describe('issue 23: the columnar CSV reader gives what parseCsv gives', () => {
  it.each(ODD_FILES.map((f) => [JSON.stringify(f).slice(0, 40), f]))('cells and errors of %s', (_, text) => {
    expect(cells(text)).toEqual(outcome(() => parseCsv(text)));
  });

  it('the same analysis, bit for bit, on every conformance case', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
    for (const c of cases) {
      const spec = JSON.parse(readFileSync(join(CASES, c, 'case.json'), 'utf8')) as { command: string[] };
      const { values } = parseArgs({ args: spec.command.slice(2), options: META_CLI_OPTIONS, strict: true, allowPositionals: false });
      const options = optionsFromFlags(values as ParsedMetaFlags);
      const text = readFileSync(join(CASES, c, 'data.csv'), 'utf8');
      expect(outcome(() => analyseTable(parseCsvColumns(text), options)), c).toEqual(outcome(() => analyseTable(parseCsv(text), options)));
    }
  });

  it('bad cells are reported with their row and column as before', () => {
    for (const text of ['study,yi,vi\nA,0.1,0.02\nB,two,0.03\n', 'study,yi,vi\nA,0.1,0.02\nB, 1e,0.03\n', 'yi,vi\n1,NA\n2, 0.5 \n3,Inf\n4,0.1\n']) {
      expect(outcome(() => analyseTable(parseCsvColumns(text), { measure: 'GEN' }))).toEqual(outcome(() => analyseTable(parseCsv(text), { measure: 'GEN' })));
    }
  });

  it('a request body shaped like a columnar table is read as rows, not trusted', () => {
    const fake = { kind: 'columnar', columns: ['yi', 'vi'], rows: [[0.1, 0.01], [0.3, 0.02]], length: 99, starts: [], ends: [], quoted: [], source: '' };
    expect(analyseTable(fake as never, { measure: 'GEN' }).k).toBe(2);
  });

  it('readNumber() is Number() wherever it answers, and declines what is not a plain decimal', () => {
    const check = (t: string): void => {
      const x = readNumber(t, 0, t.length);
      if (x !== undefined) expect(Object.is(x, Number(t)), t).toBe(true);
    };
    for (const t of ['0', '-0', '+1', '1.', '.5', '0.1', '1e5', '1E+05', '-2.5e-3', '0.30000000000000004', '123456789012345', '9007199254740993', '1e22', '1e23', '4.9e-324']) check(t);
    for (const t of ['', '.', '-', '1e', 'Inf', 'NA', ' 1', '1 ', '1,5', '0x10', 'e5']) expect(readNumber(t, 0, t.length), t).toBeUndefined();
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (d) => check(String(d))));
    fc.assert(fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.nat(12), (m, e) => check(`${m}e-${e}`)));
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (d) => check(d.toFixed(4))));
  });
});
