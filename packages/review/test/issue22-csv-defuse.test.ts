/** Issue 22: every CSV export of a review defuses spreadsheet formulas in text cells, and numbers stay numbers. */
import { readCsv } from '@exoatlas/core';
import { analyseTable, parseCsv } from '@exoatlas/meta';
import { describe, expect, it } from 'vitest';
import { prismaCounts, prismaCsv, type PrismaRecord } from '../src/index.js';
import { resultsToCsv, tableToCsv } from '../src/synthesis/export.js';
import { synthesise } from '../src/synthesis/synthesise.js';
import { woundHealingStudies } from './synthesis/load-fixture.js';

const cellsOf = (csv: string): string[][] => readCsv(csv).map((r) => r.cells);

describe('issue 22: formula defusing in every review CSV export', () => {
  it('PRISMA CSV: a database name and an exclusion reason starting with = or @ come out as text', () => {
    const records: PrismaRecord[] = [
      { titleAbstract: { status: 'excluded', reason: '=HYPERLINK("http://evil")' }, fullText: { status: 'unscreened' }, isNotRetrieved: false },
      { titleAbstract: { status: 'included' }, fullText: { status: 'excluded', reason: '@SUM(1)' }, isNotRetrieved: false },
    ];
    const csv = prismaCsv(prismaCounts([{ database: '=cmd|calc', identified: 2 }], records));
    const byName = new Map(cellsOf(csv).map((r) => [r[0], r[7]]));
    expect(byName.get('database_specific_results')).toBe("'=cmd|calc, 2");
    expect(byName.get('records_excluded_reasons')).toBe(`'=HYPERLINK("http://evil"), 1`);
    expect(byName.get('dbr_excluded')).toBe("'@SUM(1), 1");
    // counts stay bare numbers
    expect(byName.get('database_results')).toBe('2');
    expect(csv).not.toMatch(/(^|,)"?[=@]/m);
  });

  it('synthesis table CSV: a study label starting with = is defused; negative effects round-trip into meta unchanged', () => {
    const table = {
      columns: ['study', 'yi', 'vi'],
      rows: [
        ['=1+1', -0.5, 0.02],
        ['-control', 0.25, 0.03],
        ['C', -1.25e-3, 0.05],
      ],
    };
    const csv = tableToCsv(table);
    expect(csv).toBe("study,yi,vi\n'=1+1,-0.5,0.02\n'-control,0.25,0.03\nC,-0.00125,0.05\n");
    const back = parseCsv(csv);
    expect(back.rows.map((r) => r[1])).toEqual(['-0.5', '0.25', '-0.00125']);
    expect(analyseTable(back, { measure: 'GEN', method: 'FE' }).estimate).toBe(analyseTable({ ...table, rows: table.rows.map((r) => r.map((v) => (typeof v === 'number' ? String(v) : v))) }, { measure: 'GEN', method: 'FE' }).estimate);
  });

  it('synthesis results CSV: study labels are defused, yi and CI bounds stay numbers', () => {
    const studies = woundHealingStudies().map((s, i) => (i === 0 ? { ...s, label: '+cmd' } : s));
    const rows = cellsOf(resultsToCsv(synthesise(studies, { outcome: 'wound-closure' })));
    expect(rows[1]![0]).toMatch(/^'\+cmd/);
    for (const r of rows.slice(1)) expect(Number.isFinite(Number(r[2]))).toBe(true);
  });
});
