import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUTOMATION_REASON, prismaCounts, prismaCsv, prismaSvg, type PrismaCounts, type PrismaRecord } from '../src/index.js';

const golden = (name: string) => new URL(`./golden/${name}`, import.meta.url);
/** Compares with a golden file; UPDATE_GOLDEN=1 rewrites it. */
function expectGolden(name: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(golden(name))) writeFileSync(golden(name), actual);
  expect(actual).toBe(readFileSync(golden(name), 'utf8'));
}

const rec = (ta: PrismaRecord['titleAbstract'], ft: PrismaRecord['fullText'] = { status: 'unscreened' }, isNotRetrieved = false): PrismaRecord => ({ titleAbstract: ta, fullText: ft, isNotRetrieved });

export function addsUp(c: PrismaCounts): void {
  expect(c.identifiedBySource.reduce((n, s) => n + s.count, 0)).toBe(c.identified);
  expect(c.identified - c.duplicatesRemoved).toBe(c.screened);
  expect(c.excludedAtScreening + c.soughtForRetrieval + c.awaitingScreening).toBe(c.screened);
  expect(c.excludedAtScreeningReasons.reduce((n, r) => n + r.count, 0)).toBe(c.excludedAtScreening);
  expect(c.notRetrieved + c.assessedForEligibility).toBe(c.soughtForRetrieval);
  expect(c.excludedAtFullText + c.included + c.awaitingAssessment).toBe(c.assessedForEligibility);
  expect(c.excludedAtFullTextReasons.reduce((n, r) => n + r.count, 0)).toBe(c.excludedAtFullText);
}

const example = (): PrismaCounts =>
  prismaCounts(
    [
      { database: 'Embase', identified: 120 },
      { database: 'PubMed', identified: 80 },
      { database: 'Embase', identified: 10 },
    ],
    [
      ...Array.from({ length: 100 }, () => rec({ status: 'excluded', reason: 'Wrong population or model' })),
      ...Array.from({ length: 40 }, () => rec({ status: 'excluded', reason: 'Review, editorial or commentary' })),
      ...Array.from({ length: 5 }, () => rec({ status: 'excluded' })),
      ...Array.from({ length: 3 }, () => rec({ status: 'conflict' })),
      ...Array.from({ length: 2 }, () => rec({ status: 'included' }, { status: 'unscreened' }, true)),
      ...Array.from({ length: 12 }, () => rec({ status: 'included' }, { status: 'excluded', reason: 'Wrong outcome' })),
      ...Array.from({ length: 1 }, () => rec({ status: 'included' }, { status: 'partial' })),
      ...Array.from({ length: 9 }, () => rec({ status: 'included' }, { status: 'included' })),
    ],
  );

describe('PRISMA 2020 counts', () => {
  it('add up box by box', () => {
    const c = example();
    addsUp(c);
    expect(c).toMatchObject({
      identifiedBySource: [
        { source: 'Embase', count: 130 },
        { source: 'PubMed', count: 80 },
      ],
      identified: 210,
      duplicatesRemoved: 38,
      screened: 172,
      excludedAtScreening: 145,
      awaitingScreening: 3,
      soughtForRetrieval: 24,
      notRetrieved: 2,
      assessedForEligibility: 22,
      excludedAtFullText: 12,
      awaitingAssessment: 1,
      included: 9,
    });
    expect(c.excludedAtScreeningReasons).toEqual([
      { reason: 'Wrong population or model', count: 100 },
      { reason: 'Review, editorial or commentary', count: 40 },
      { reason: 'No reason given', count: 5 },
    ]);
  });

  it('draws the flow diagram as SVG (golden file), the same bytes every time', () => {
    const svg = prismaSvg(example());
    expect(svg).toBe(prismaSvg(example()));
    expect(svg).toContain('Records screened (n = 172)');
    expect(svg).toContain('Wrong population or model (n = 100)');
    expect(svg).toContain('Studies included in review (n = 9)');
    expectGolden('prisma.svg', svg);
    // issue 20: every stage's rail is as tall as its rotated label ("Included" was clipped)
    const rails = [...svg.matchAll(/<rect x="14" y="[\d.]+" width="34" height="([\d.]+)"[^>]*\/>\s*<text[^>]*>(\w+)<\/text>/g)].map((m) => ({ height: Number(m[1]), stage: m[2]! }));
    expect(rails.map((r) => r.stage)).toEqual(['Identification', 'Screening', 'Included']);
    for (const r of rails) expect(r.height, r.stage).toBeGreaterThanOrEqual(r.stage.length * 8.7 + 20);
  });

  it('draws a PNG-ready standalone SVG: prolog, white background, no CSS classes, pixel size', () => {
    const svg = prismaSvg(example(), { isStandalone: true });
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(svg).not.toContain('class=');
    expect(svg).not.toContain('<style>');
    expect(svg).toMatch(/<svg [^>]*width="1800"/);
    expectGolden('prisma-standalone.svg', svg);
  });

  it("writes the counts as CSV in the PRISMA2020 tool's layout", () => {
    const csv = prismaCsv(example());
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('data,node,box,description,boxtext,tooltips,url,n');
    const n = (data: string) => lines.find((l) => l.startsWith(`${data},`))!.split(',').at(-1);
    expect(n('database_results')).toBe('210');
    expect(n('duplicates')).toBe('38');
    expect(n('records_screened')).toBe('172');
    expect(n('records_excluded')).toBe('145');
    expect(n('dbr_sought_reports')).toBe('24');
    expect(n('dbr_notretrieved_reports')).toBe('2');
    expect(n('dbr_assessed')).toBe('22');
    expect(n('new_studies')).toBe('9');
    expect(lines.find((l) => l.startsWith('dbr_excluded,'))).toMatch(/"Wrong outcome, 12"$/);
    expect(lines.find((l) => l.startsWith('database_specific_results,'))).toMatch(/"Embase, 130; PubMed, 80"$/);
    expect(n('records_excluded_automation')).toBe('0');
    expectGolden('prisma.csv', csv);
  });

  it('splits the records excluded into those a human and those automation tools excluded, when screening stopped early', () => {
    // 30 of the 172 records were never screened: prioritised screening stopped, and they count as excluded by automation tools.
    const base = example();
    const stopped = prismaCounts(
      [{ database: 'Embase', identified: 240 }],
      [
        ...Array.from({ length: 145 }, () => rec({ status: 'excluded', reason: 'Wrong population or model' })),
        ...Array.from({ length: 30 }, () => ({ ...rec({ status: 'excluded', reason: AUTOMATION_REASON }), isExcludedByAutomation: true })),
        ...Array.from({ length: 9 }, () => rec({ status: 'included' }, { status: 'included' })),
      ],
    );
    addsUp(stopped);
    expect(base.excludedByAutomation).toBe(0);
    expect(stopped).toMatchObject({ screened: 184, excludedAtScreening: 175, excludedByAutomation: 30, awaitingScreening: 0, included: 9 });
    expect(stopped.excludedAtScreeningReasons).toContainEqual({ reason: AUTOMATION_REASON, count: 30 });
    const svg = prismaSvg(stopped);
    expect(svg).toContain('Records excluded (n = 175)');
    expect(svg).toContain('by a human (n = 145); by automation tools (n = 30)');
    expect(prismaSvg(base)).not.toContain('by automation tools');
    expectGolden('prisma-automation.svg', svg);
    expect(prismaCsv(stopped)).toMatch(/^records_excluded_automation,.*,30$/m);
  });
});
