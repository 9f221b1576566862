/**
 * The flags of `exoatlas meta` (parsed with node:util parseArgs) and their translation into the library's analysis
 * options — and back: the library's messages name its options (`option "permutations"`), the command names its flags.
 * Also used by meta's metafor conformance test and benchmark, whose cases are written as `exoatlas meta` commands.
 */
import { MEASURES, METHODS, TESTS, isMeasure, isMethod, type AnalysisOptions, type TestType } from '@exoatlas/meta';
import { ExoError } from '@exoatlas/schema';

/** parseArgs() option spec of `exoatlas meta <file.csv>`. */
export const META_CLI_OPTIONS = {
  measure: { type: 'string' },
  method: { type: 'string' },
  test: { type: 'string' },
  mods: { type: 'string' },
  subgroup: { type: 'string' },
  bias: { type: 'boolean' },
  'leave-one-out': { type: 'boolean' },
  cumulative: { type: 'string' },
  influence: { type: 'boolean' },
  permutations: { type: 'string' },
  seed: { type: 'string' },
  level: { type: 'string' },
  study: { type: 'string' },
  random: { type: 'string' },
  robust: { type: 'string' },
  'robust-type': { type: 'string' },
  forest: { type: 'string' },
  funnel: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type ParsedMetaFlags = Partial<Record<keyof typeof META_CLI_OPTIONS, string | boolean>>;

export const META_USAGE = `Usage: exoatlas meta <file.csv> --measure M [options]

Meta-analysis of the studies in a CSV file, reproducing R's metafor.

Input columns (metafor's names): m1i,sd1i,n1i,m2i,sd2i,n2i (SMD, MD, ROM; sem1i/sem2i accepted for SDs)
  · ai,bi,ci,di or ai,n1i,ci,n2i (OR, RR, RD) · xi,ni (PR, PLO) · ri,ni (COR, ZCOR) · yi,vi or yi,sei (GEN)
  · NMD: m1i,sd1i,n1i (treatment), m2i,sd2i,n2i (control), msi (sham mean); optional "study" labels.

Options:
  --measure M            ${MEASURES.join(', ')} (required)
  --method T             ${METHODS.join(', ')} (default REML)
  --test z|knha          Wald-type z tests (default) or Knapp-Hartung t tests
  --mods a,b             meta-regression on these columns (text columns are factors)
  --subgroup col         pooled estimate per subgroup and the test for subgroup differences
  --bias                 Egger's test, rank correlation, trim-and-fill, fail-safe N
  --leave-one-out        leave-one-out analysis
  --cumulative col       cumulative meta-analysis in the order of this column
  --influence            influence diagnostics
  --permutations N       permutation test of the moderators (with --seed S, default 1)
  --level L              confidence level in percent (default 95)
  --study col            column of study labels (default "study")
  --random a/b/c         multilevel model: nested random intercepts, outermost first (metafor rma.mv;
                         --method REML or ML, --test z or t)
  --robust col           cluster-robust inference clustered by col (CR2 with Satterthwaite df, as
                         robust(..., clubSandwich = TRUE)); --robust-type CR1 for metafor's default
  --forest out.svg       write a forest plot
  --funnel out.svg       write a funnel plot
  --json                 print the results as JSON
`;

function integer(flag: string, v: string | boolean | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== 'string' || v.trim() === '' || !Number.isInteger(n)) {
    throw new ExoError('EXO_ERR_META_BAD_OPTION', `--${flag} needs a whole number (got ${JSON.stringify(v)})`, { field: flag });
  }
  return n;
}

/** Turns parsed flags into analysis options. */
export function optionsFromFlags(flags: ParsedMetaFlags): AnalysisOptions {
  const str = (k: keyof typeof META_CLI_OPTIONS): string | undefined => (typeof flags[k] === 'string' ? (flags[k] as string) : undefined);
  const measure = str('measure')?.toUpperCase();
  if (measure === undefined) throw new ExoError('EXO_ERR_META_UNKNOWN_MEASURE', `a measure is required: --measure ${MEASURES.join('|')}`, { field: 'measure' });
  if (!isMeasure(measure)) throw new ExoError('EXO_ERR_META_UNKNOWN_MEASURE', `unknown measure "${measure}"; --measure takes ${MEASURES.join(', ')}`, { field: 'measure' });
  const level = str('level');
  const levelNum = level === undefined ? undefined : Number(level);
  if (level !== undefined && !Number.isFinite(levelNum)) throw new ExoError('EXO_ERR_META_BAD_OPTION', `--level needs a number (got ${JSON.stringify(level)})`, { field: 'level' });
  const opts: AnalysisOptions = { measure };
  const method = str('method')?.toUpperCase();
  if (method !== undefined && !isMethod(method)) throw new ExoError('EXO_ERR_META_UNKNOWN_METHOD', `unknown method "${str('method')}"; --method takes ${METHODS.join(', ')}`, { field: 'method' });
  if (method !== undefined) opts.method = method;
  const test = str('test');
  if (test !== undefined && !isTest(test)) throw new ExoError('EXO_ERR_META_BAD_OPTION', `unknown test "${test}"; --test takes ${TESTS.join(' or ')}`, { field: 'test' });
  if (test !== undefined) opts.test = test;
  const mods = str('mods');
  if (mods !== undefined) opts.mods = mods.split(',').map((s) => s.trim()).filter(Boolean);
  const subgroup = str('subgroup');
  if (subgroup !== undefined) opts.subgroup = subgroup;
  if (flags.bias === true) opts.bias = true;
  if (flags['leave-one-out'] === true) opts.leaveOneOut = true;
  const cum = str('cumulative');
  if (cum !== undefined) opts.cumulative = cum;
  if (flags.influence === true) opts.influence = true;
  const perms = integer('permutations', flags.permutations);
  if (perms !== undefined) opts.permutations = perms;
  const seed = integer('seed', flags.seed);
  if (seed !== undefined) opts.seed = seed;
  if (levelNum !== undefined) opts.level = levelNum;
  const study = str('study');
  if (study !== undefined) opts.studyColumn = study;
  const random = str('random');
  if (random !== undefined) opts.random = random;
  const robust = str('robust');
  if (robust !== undefined) opts.robust = robust;
  const robustType = str('robust-type');
  if (robustType !== undefined) opts.robustType = robustType;
  return opts;
}

const isTest = (t: string): t is TestType => (TESTS as readonly string[]).includes(t);

/** The flag of each analysis option whose name differs (the others are the option's name). */
const FLAG_OF: Partial<Record<keyof AnalysisOptions, string>> = { leaveOneOut: 'leave-one-out', studyColumn: 'study', robustType: 'robust-type' };

/** A library message in the command's terms: `option "permutations"` → `--permutations`, `option "studyColumn"` → `--study`. */
export function inFlagTerms(message: string): string {
  return message
    .replace(/\bthe option "(\w+)"/g, (_, name: string) => `--${FLAG_OF[name as keyof AnalysisOptions] ?? name}`)
    .replace(/\boption "(\w+)"/g, (_, name: string) => `--${FLAG_OF[name as keyof AnalysisOptions] ?? name}`);
}
