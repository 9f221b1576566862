/** Generators of the meta-analysis fuzz tests: tables in metafor's column names, and option objects right and wrong. */
import { MEASURES, METHODS, type Cell } from '../../src/index.js';
import { fc } from '../../../../test/helpers/fuzz.js';

export const COLUMNS = ['study', 'm1i', 'sd1i', 'n1i', 'm2i', 'sd2i', 'n2i', 'sem1i', 'sem2i', 'msi', 'ai', 'bi', 'ci', 'di', 'xi', 'ni', 'ri', 'yi', 'vi', 'sei', 'dose', 'species', 'year'];

export const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -5, max: 200 }) },
  { weight: 4, arbitrary: fc.double({ min: -10, max: 10, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, 1e-300, 1e300, -1e300, 0.5, 1, -1, 2 ** 53) },
  { weight: 1, arbitrary: fc.constantFrom('NA', '', ' ', 'abc', '1e400', '-0', '0x10', '1,5', 'Infinity', 'NaN', '3', '  4.5 ') },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);

/** A table {columns, rows} over a subset of metafor's column names, 0–12 rows. */
export const tableArb = fc
  .uniqueArray(fc.constantFrom(...COLUMNS), { minLength: 1, maxLength: 9 })
  .chain((columns) => fc.record({ columns: fc.constant(columns), rows: fc.array(fc.array(cellArb, { minLength: columns.length, maxLength: columns.length }), { maxLength: 12 }) }));

const wrongType = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.string({ maxLength: 5 }), fc.constant([]), fc.constant({}));

/** Options as a client might send them: mostly plausible, sometimes of the wrong type or out of range. */
export const optionsArb = fc.record(
  {
    measure: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...MEASURES) }, { weight: 1, arbitrary: fc.constantFrom('smd', 'XYZ', '') }, { weight: 1, arbitrary: wrongType }),
    method: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...METHODS) }, { weight: 1, arbitrary: fc.constantFrom('reml', 'bogus', '') }, { weight: 1, arbitrary: wrongType }),
    test: fc.oneof(fc.constantFrom('z', 'knha', 't'), wrongType),
    mods: fc.oneof({ weight: 4, arbitrary: fc.uniqueArray(fc.constantFrom(...COLUMNS, 'nope', ' '), { maxLength: 3 }) }, { weight: 1, arbitrary: wrongType }),
    subgroup: fc.oneof(fc.constantFrom(...COLUMNS, 'nope'), wrongType),
    bias: fc.oneof(fc.boolean(), wrongType),
    leaveOneOut: fc.oneof(fc.boolean(), wrongType),
    cumulative: fc.oneof(fc.constantFrom(...COLUMNS, 'nope'), wrongType),
    influence: fc.oneof(fc.boolean(), wrongType),
    permutations: fc.oneof(fc.integer({ min: -2, max: 30 }), fc.constantFrom(2.5, Number.NaN), wrongType),
    seed: fc.oneof(fc.integer(), fc.constantFrom(1.5, Number.NaN, Infinity), wrongType),
    level: fc.oneof(fc.double({ min: -10, max: 110 }), fc.constantFrom(0, 50, 95, 99.99, 100), wrongType),
    studyColumn: fc.oneof(fc.constantFrom('study', 'species', 'nope'), wrongType),
    control: fc.oneof(
      fc.record({ threshold: fc.oneof(fc.constantFrom(1e-8, 0, -1, 1e10, Number.NaN), wrongType), maxiter: fc.oneof(fc.integer({ min: -5, max: 500 }), fc.constantFrom(0.5, Number.NaN), wrongType), stepadj: fc.oneof(fc.double({ min: -2, max: 2 }), wrongType), tau2Min: fc.oneof(fc.double({ min: -1, max: 10 }), wrongType), tau2Max: fc.oneof(fc.double({ min: -1, max: 1e6 }), wrongType), ll0check: fc.oneof(fc.boolean(), wrongType) }, { requiredKeys: [] }),
      wrongType,
    ),
  },
  { requiredKeys: [] },
);

/** Every number in a value that JSON would turn into null without saying so (NaN, ±Infinity), with its path. */
export function nonFiniteNumbers(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (value === null || typeof value !== 'object') return [];
  if (ArrayBuffer.isView(value)) return [`${path} is a typed array (JSON writes it as an object)`];
  return Object.entries(value).flatMap(([k, v]) => nonFiniteNumbers(v, Array.isArray(value) ? `${path}[${k}]` : path === '' ? k : `${path}.${k}`));
}

/** Options of the right types and mostly in range, so that runs reach the models rather than the option checks. */
export const validOptionsArb = fc.record(
  {
    measure: fc.constantFrom(...MEASURES),
    method: fc.constantFrom(...METHODS),
    test: fc.constantFrom('z', 'knha'),
    mods: fc.uniqueArray(fc.constantFrom(...COLUMNS), { maxLength: 2 }),
    subgroup: fc.constantFrom(...COLUMNS),
    bias: fc.boolean(),
    leaveOneOut: fc.boolean(),
    cumulative: fc.constantFrom(...COLUMNS),
    influence: fc.boolean(),
    permutations: fc.integer({ min: 2, max: 20 }),
    seed: fc.integer(),
    level: fc.constantFrom(50, 80, 90, 95, 99, 99.9),
  },
  { requiredKeys: ['measure'] },
);

/** Tables whose columns are those of one measure (plus labels and a moderator), so that effect sizes are computed. */
const MEASURE_COLUMNS: Record<string, string[]> = {
  SMD: ['m1i', 'sd1i', 'n1i', 'm2i', 'sd2i', 'n2i'], MD: ['m1i', 'sd1i', 'n1i', 'm2i', 'sd2i', 'n2i'], ROM: ['m1i', 'sd1i', 'n1i', 'm2i', 'sd2i', 'n2i'],
  NMD: ['m1i', 'sd1i', 'n1i', 'm2i', 'sd2i', 'n2i', 'msi'], OR: ['ai', 'bi', 'ci', 'di'], RR: ['ai', 'bi', 'ci', 'di'], RD: ['ai', 'n1i', 'ci', 'n2i'],
  PLO: ['xi', 'ni'], PR: ['xi', 'ni'], COR: ['ri', 'ni'], ZCOR: ['ri', 'ni'], GEN: ['yi', 'vi'],
};
/** Cells a study would have: counts and sizes ≥ 2, positive SDs and variances, correlations inside (-1, 1), means of any sign. */
function goodCell(column: string): fc.Arbitrary<Cell> {
  const plausible =
    column === 'ri' ? fc.double({ min: -0.99, max: 0.99, noNaN: true })
    : column.startsWith('m') ? fc.double({ min: -50, max: 50, noNaN: true })
    : column === 'yi' ? fc.double({ min: -3, max: 3, noNaN: true })
    : column.startsWith('sd') || column === 'vi' ? fc.double({ min: 1e-6, max: 20, noNaN: true })
    : fc.integer({ min: 2, max: 60 });
  return fc.oneof({ weight: 30, arbitrary: plausible }, { weight: 1, arbitrary: cellArb });
}
export const measureCaseArb = validOptionsArb.chain((options) => {
  const effect = MEASURE_COLUMNS[options.measure] ?? ['yi', 'vi'];
  const columns = ['study', ...effect, 'dose', 'species', 'year'];
  const row = fc.tuple(fc.string({ maxLength: 4 }), ...effect.map(goodCell), fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant(null)), fc.constantFrom('rat', 'mouse', ''), fc.integer({ min: 2000, max: 2024 }));
  const inTable = (c: string | undefined): string | undefined => (c === undefined || columns.includes(c) ? c : 'year');
  return fc.record({
    table: fc.record({ columns: fc.constant(columns), rows: fc.array(row as fc.Arbitrary<Cell[]>, { minLength: 1, maxLength: 12 }) }),
    options: fc.constant({ ...options, subgroup: inTable(options.subgroup), cumulative: inTable(options.cumulative), mods: options.mods?.filter((m) => ['dose', 'species', 'year'].includes(m)) }),
  });
});
