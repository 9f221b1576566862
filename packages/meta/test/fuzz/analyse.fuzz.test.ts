/**
 * Issue 17 (fuzzing): the meta-analysis entry points — parseCsv (`exoatlas meta`), analyseTable and a JSON body as POST /api/meta brings it
 * (POST /api/meta) — on arbitrary CSV text, tables and option objects: a result or a coded MetaError, never another
 * exception or a hang; and no NaN or Infinity in the result, which JSON would turn into a silent null (docs/meta.md
 * promises null only where a value "cannot be computed", and then warnings say why).
 */
import { describe, expect, it } from 'vitest';
import { analyseTable, forestPlot, funnelPlot, parseCsv, type AnalysisOptions, type MetaResult, type TableInput } from '../../src/index.js';
import { expectCoded, fc, fuzzParams, fuzzTimeout, timed } from '../../../../test/helpers/fuzz.js';
import { COLUMNS, cellArb, measureCaseArb, nonFiniteNumbers, optionsArb, tableArb } from './arbitraries.js';

const MAX_MS = 1500;

function checkResult(result: MetaResult): void {
  // a NaN or Infinity becomes null in JSON: allowed only where a warning names it
  const { warnings, ...rest } = result;
  const unexplained = nonFiniteNumbers(rest).filter((path) => !warnings.some((w) => w.includes(`${path} (`)));
  if (unexplained.length > 0) throw new Error(`non-finite numbers would become a silent null in JSON: ${unexplained.slice(0, 5).join(', ')}`);
  // the pooled estimate is promised as a number; a null must come with a warning saying why
  for (const key of ['estimate', 'se', 'ciLower', 'ciUpper'] as const) {
    if (result.coefficients.length === 1 && result[key] === null && warnings.length === 0) throw new Error(`result.${key} is null without a warning`);
  }
  expect(JSON.parse(JSON.stringify(result)).k).toBe(result.k);
}

async function analyseChecked(f: () => MetaResult | { result: MetaResult }): Promise<void> {
  const { value, error, ms } = await timed(f);
  expect(ms, `one analysis took ${Math.round(ms)} ms`).toBeLessThan(MAX_MS);
  if (error !== undefined) return expectCoded(error);
  checkResult('result' in value! ? value.result : value!);
}

const csvArb = fc
  .tuple(
    fc.uniqueArray(fc.constantFrom(...COLUMNS, '"quoted, name"', ''), { minLength: 1, maxLength: 8 }),
    fc.array(fc.array(fc.oneof(cellArb.map((c) => (c === null || c === undefined ? '' : String(c))), fc.constantFrom('"', '""', '"a,b"', '"x\ny"', ',', '\r')), { maxLength: 9 }), { maxLength: 10 }),
    fc.constantFrom('\n', '\r\n', '\r'),
  )
  .map(([header, rows, eol]) => [header.join(','), ...rows.map((r) => r.join(','))].join(eol));

describe('meta-analysis on arbitrary input (issue 17, fuzzing)', () => {
  it('parseCsv on arbitrary text: a table or EXO_ERR_META_CSV', { timeout: fuzzTimeout(30_000) }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), csvArb), async (text) => {
        const { value, error, ms } = await timed(() => parseCsv(text));
        expect(ms).toBeLessThan(MAX_MS);
        if (error !== undefined) return expectCoded(error);
        for (const row of value!.rows) expect(row.length).toBe(value!.columns.length);
      }),
      fuzzParams(300),
    );
  });

  it('CSV text through parseCsv and analyseTable, as `exoatlas meta` does: a result or a coded error', { timeout: fuzzTimeout(60_000) }, async () => {
    await fc.assert(
      fc.asyncProperty(csvArb, optionsArb, async (csv, options) => {
        await analyseChecked(() => analyseTable(parseCsv(csv), options as AnalysisOptions));
      }),
      fuzzParams(200),
    );
  });

  it('tables and options of any shape into analyseTable: a result or a coded error, no silent NaN', { timeout: fuzzTimeout(60_000) }, async () => {
    await fc.assert(
      fc.asyncProperty(tableArb, optionsArb, async (table, options) => {
        await analyseChecked(() => analyseTable(table, options as AnalysisOptions));
      }),
      fuzzParams(300),
    );
  });

  it('tables in one measure\'s columns with plausible options (runs reach the models): a result with finite numbers or a coded error', { timeout: fuzzTimeout(60_000) }, async () => {
    let results = 0;
    await fc.assert(
      fc.asyncProperty(measureCaseArb, async ({ table, options }) => {
        await analyseChecked(() => {
          const r = analyseTable(table, options);
          results++;
          return r;
        });
      }),
      fuzzParams(300),
    );
    // most cases must get through: otherwise this property only tests the option checks
    expect(results).toBeGreaterThan(50);
  });

  it('data, options and plot options as a JSON body brings them (POST /api/meta), arbitrary or near-valid: a result or a coded error and on near-valid bodies: a result or a coded error', { timeout: fuzzTimeout(60_000) }, async () => {
    const near = fc.record({ data: fc.oneof(tableArb, fc.array(fc.dictionary(fc.constantFrom(...COLUMNS), cellArb), { maxLength: 8 }), fc.jsonValue({ maxDepth: 2 })), options: fc.oneof(optionsArb, fc.jsonValue({ maxDepth: 2 })), plots: fc.oneof(fc.constant(undefined), fc.record({ forest: fc.oneof(fc.boolean(), fc.jsonValue({ maxDepth: 1 })), funnel: fc.oneof(fc.boolean(), fc.jsonValue({ maxDepth: 1 })) }, { requiredKeys: [] })) }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue({ maxDepth: 3 }), near), async (body) => {
        await analyseChecked(() => analyseBody(body));
      }),
      fuzzParams(300),
    );
  });
});

/** What the server's meta job does with a body's data, options and plot options (the library is given them as they come). */
function analyseBody(body: unknown): MetaResult {
  const b = (body ?? {}) as { data?: unknown; options?: unknown; plots?: { forest?: unknown; funnel?: unknown } };
  const result = analyseTable(b.data as TableInput, b.options as AnalysisOptions);
  const plots = (typeof b.plots === 'object' && b.plots) || {};
  if (plots.forest) forestPlot(result, typeof plots.forest === 'object' ? (plots.forest as object) : {});
  if (plots.funnel) funnelPlot(result, typeof plots.funnel === 'object' ? (plots.funnel as object) : {});
  return result;
}
