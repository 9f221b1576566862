import { MEASURES, isMeasure, type Measure } from './effect-sizes/types.js';
import { MetaError } from './errors.js';
import type { Control } from './model/control.js';
import { TESTS, type TestType } from './model/rma-uni.js';
import { METHODS, isMethod, type Method } from './tau2/index.js';

/**
 * Options of analyseTable(). measure, method and test are literal unions (MEASURES, METHODS, TESTS); a JavaScript
 * caller's other string is a coded error at run time (and method is read case-insensitively, as metafor does).
 */
export interface AnalysisOptions {
  /** effect-size measure: SMD, MD, ROM, OR, RR, RD, PLO, PR, COR, ZCOR, GEN, NMD */
  measure: Measure;
  /** τ² estimator: REML (default), ML, DL, HE, HS, SJ, EB, PM, or FE/EE */
  method?: Method;
  /** z (default) or knha (Knapp–Hartung) */
  test?: TestType;
  /** moderator columns (meta-regression) */
  mods?: string[];
  /** column defining subgroups */
  subgroup?: string;
  /** Egger, rank correlation, trim-and-fill, fail-safe N */
  bias?: boolean;
  leaveOneOut?: boolean;
  /** column whose order drives the cumulative meta-analysis */
  cumulative?: string;
  /** case-deletion influence diagnostics */
  influence?: boolean;
  /** number of permutations of the permutation test (≥ 2) */
  permutations?: number;
  /** seed of the permutation test (R's set.seed) */
  seed?: number;
  /** confidence level in percent (default 95) */
  level?: number;
  /** column of study labels (default "study" when present) */
  studyColumn?: string;
  /** settings of the iterative estimators */
  control?: Partial<Control>;
  /** multilevel model: nested grouping columns, outermost first ("paper/experiment" or an array) */
  random?: string | string[];
  /** cluster-robust inference clustered by this column (multilevel models) */
  robust?: string;
  /** CR2 (default, clubSandwich) or CR1 (metafor's robust() default) */
  robustType?: string;
}

const OPTION_TYPES: Record<keyof AnalysisOptions, 'string' | 'boolean' | 'number' | 'string[]' | 'object' | 'string|string[]'> = {
  measure: 'string',
  method: 'string',
  test: 'string',
  mods: 'string[]',
  subgroup: 'string',
  bias: 'boolean',
  leaveOneOut: 'boolean',
  cumulative: 'string',
  influence: 'boolean',
  permutations: 'number',
  seed: 'number',
  level: 'number',
  studyColumn: 'string',
  control: 'object',
  random: 'string|string[]',
  robust: 'string',
  robustType: 'string',
};

/**
 * Checks options given by any caller (TypeScript, JavaScript, a JSON body): the types, no unknown option (so typos do
 * not pass silently), a known measure, method and test, and the ranges of level, permutations, seed and control.
 * Returns them typed, the method in upper case (read case-insensitively, as metafor does). Errors name the option.
 */
export function checkAnalysisOptions(options: unknown): AnalysisOptions {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) throw badOption('options', 'options must be an object with at least "measure"');
  for (const [key, value] of Object.entries(options)) {
    // own keys only: "constructor" or "toString" are unknown options, not Object's methods
    const type = Object.hasOwn(OPTION_TYPES, key) ? OPTION_TYPES[key as keyof AnalysisOptions] : undefined;
    if (!type) throw badOption(key, `unknown option "${key}" (known: ${Object.keys(OPTION_TYPES).join(', ')})`);
    if (value === undefined || value === null) continue;
    const ok = type === 'string|string[]' ? typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string')) : type === 'string[]' ? Array.isArray(value) && value.every((v) => typeof v === 'string') : type === 'object' ? typeof value === 'object' && !Array.isArray(value) : typeof value === type;
    if (!ok) throw badOption(key, `option "${key}" must be ${type === 'string[]' ? 'an array of strings' : type === 'string|string[]' ? 'a string or an array of strings' : `a ${type}`}`);
  }
  const o = options as Record<keyof AnalysisOptions, unknown>;
  if (typeof o.measure !== 'string' || o.measure === '') throw new MetaError('EXO_ERR_META_UNKNOWN_MEASURE', 'a measure is required (option "measure")', { field: 'measure' });
  if (!isMeasure(o.measure)) throw new MetaError('EXO_ERR_META_UNKNOWN_MEASURE', `unknown measure "${o.measure}"; use one of ${MEASURES.join(', ')}`, { field: 'measure' });
  const method = typeof o.method === 'string' ? o.method.toUpperCase() : undefined;
  if (method !== undefined && !isMethod(method)) throw new MetaError('EXO_ERR_META_UNKNOWN_METHOD', `unknown method "${String(o.method)}"; use one of ${METHODS.join(', ')}`, { field: 'method' });
  if (o.test !== undefined && o.test !== null && !(TESTS as readonly unknown[]).includes(o.test)) throw badOption('test', `unknown test "${String(o.test)}"; use ${TESTS.join(' or ')}`);
  const level = o.level ?? 95;
  if (!(typeof level === 'number' && level > 0 && level < 100)) throw badOption('level', `the confidence level must be a percentage between 0 and 100 (got ${String(level)})`);
  if (o.permutations !== undefined && o.permutations !== null && !(Number.isInteger(o.permutations) && (o.permutations as number) >= 2)) {
    throw badOption('permutations', `the option "permutations" must be a whole number of at least 2 (got ${String(o.permutations)})`);
  }
  if (o.seed !== undefined && o.seed !== null && !Number.isInteger(o.seed)) throw badOption('seed', `the option "seed" must be a whole number (got ${String(o.seed)})`);
  if (o.control !== undefined && o.control !== null) checkControl(o.control as Record<string, unknown>);
  return (method === undefined ? options : { ...options, method }) as AnalysisOptions;
}

/** What each control setting may be: past these the estimators loop for ever (tau2Min = Infinity) or never start. */
const CONTROL_RANGES: Record<keyof Control, { check: (v: number) => boolean; what: string } | 'boolean'> = {
  threshold: { check: (v) => v > 0, what: 'a positive number' },
  maxiter: { check: (v) => Number.isInteger(v) && v >= 1 && v <= 1_000_000, what: 'a whole number from 1 to 1,000,000' },
  stepadj: { check: (v) => v > 0 && v <= 1, what: 'a number in (0, 1]' },
  tol: { check: (v) => v > 0, what: 'a positive number' },
  tau2Min: { check: (v) => v >= 0, what: 'a number of at least 0' },
  tau2Max: { check: (v) => v > 0, what: 'a positive number' },
  ll0check: 'boolean',
  warmStart: 'boolean',
};

function checkControl(control: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(control)) {
    const range = Object.hasOwn(CONTROL_RANGES, key) ? CONTROL_RANGES[key as keyof Control] : undefined;
    const field = `control.${key}`;
    if (!range) throw badOption(field, `unknown control setting "${key}" (known: ${Object.keys(CONTROL_RANGES).join(', ')})`);
    if (value === undefined) continue;
    if (range === 'boolean') {
      if (typeof value !== 'boolean') throw badOption(field, `control setting "${key}" must be true or false`);
    } else if (typeof value !== 'number' || !Number.isFinite(value) || !range.check(value)) {
      throw badOption(field, `control setting "${key}" must be ${range.what} (got ${JSON.stringify(value)})`);
    }
  }
}

function badOption(field: string, message: string): MetaError {
  return new MetaError('EXO_ERR_META_BAD_OPTION', message, { field });
}
