/**
 * One-step meta-analysis of a review's extracted data: outcome → analysis table (buildAnalysisTable) →
 * packages/meta's analyseTable (random effects, REML by default) with subgroups by an extracted characteristic or
 * risk-of-bias judgement, bias tests and sensitivity analyses → forest, funnel and risk-of-bias forest plots.
 * Everything needed to reproduce the numbers (the derived table and the options) is part of the result.
 */
import { type MetaResult, type Method, type UnivariateTest, analyseTable, forestPlot, funnelPlot } from '@exoatlas/meta';
import { ExoError } from '@exoatlas/schema';
import { robForestSvg } from '../appraisal/rob-forest-svg.js';
import { SYRCLE_ITEM_IDS, robOverall, type RobJudgement, type SyrcleItemId } from '../appraisal/syrcle.js';
import { type AnalysisTable, GROUPING_COLUMNS, buildAnalysisTable } from './analysis-table.js';
import { type SynthesisMeasure, isSynthesisMeasure } from './measure-choice.js';
import type { SynthesisStudy } from './study-input.js';
import { type EffectScale, effectScale, isRatio, reported } from './effect-scale.js';

export interface ReportedEffect extends EffectScale {
  measure: string;
  estimate: number | null;
  ciLower: number | null;
  ciUpper: number | null;
  piLower: number | null;
  piUpper: number | null;
  /** ratio measures: the pooled log values (as in `result`) */
  logEstimate?: number | null;
  logCiLower?: number | null;
  logCiUpper?: number | null;
  /**
   * Ratio measures of a lower-is-better outcome: the same ratio the usual way round, treatment over control
   * (the reciprocal; below 1 favours treatment), e.g. the odds ratio of death in treated vs control animals.
   */
  treatmentOverControl?: { estimate: number | null; ciLower: number | null; ciUpper: number | null; favoursTreatment: 'below' };
}

export function reportedEffect(r: MetaResult, scale: EffectScale): ReportedEffect {
  const m = r.measure;
  const logs = isRatio(m) ? { logEstimate: r.estimate, logCiLower: r.ciLower, logCiUpper: r.ciUpper } : {};
  const inv = (x: number | null): number | null => (x === null ? null : Math.exp(-x));
  const natural = isRatio(m) && scale.outcomeDirection === 'lower-is-better' ? { treatmentOverControl: { estimate: inv(r.estimate), ciLower: inv(r.ciUpper), ciUpper: inv(r.ciLower), favoursTreatment: 'below' as const } } : {};
  return { measure: m, estimate: reported(m, r.estimate), ciLower: reported(m, r.ciLower), ciUpper: reported(m, r.ciUpper), piLower: reported(m, r.piLower), piUpper: reported(m, r.piUpper), ...logs, ...scale, ...natural };
}

export interface SynthesisOptions {
  outcome: string;
  timePoint?: string;
  measure?: SynthesisMeasure;
  /** τ² estimator (default REML) */
  method?: Method;
  /** z (default) or knha */
  test?: UnivariateTest;
  /** a characteristic column to form subgroups by (species, cellSource, isolation, rob, rob_<item>, …) */
  subgroup?: string;
  /** Egger, rank correlation, trim-and-fill, fail-safe N (default true) */
  bias?: boolean;
  /** leave-one-out and influence diagnostics (default true) */
  sensitivity?: boolean;
  level?: number;
  /** sensitivity analysis: leave out studies whose overall SYRCLE summary is one of these (and, with "unclear", those not assessed) */
  excludeRob?: ('high' | 'unclear')[];
}

export interface SynthesisResult {
  options: SynthesisOptions;
  measure: SynthesisMeasure;
  measureReason: string;
  analysisTable: AnalysisTable;
  result: MetaResult;
  /** the pooled effect on its reporting scale (ratios for OR, RR, ROM; `result` keeps the log values) and which side favours treatment */
  effect: ReportedEffect;
  svg: { forest: string; funnel: string; robForest: string };
  warnings: string[];
}

export const SUBGROUP_COLUMNS: readonly string[] = GROUPING_COLUMNS;

function checkOptions(o: SynthesisOptions): void {
  if (typeof o.outcome !== 'string' || o.outcome === '') throw new ExoError('EXO_ERR_EXTRACT_BAD_OPTION', 'choose an outcome to pool', { field: 'outcome' });
  if (o.measure !== undefined && !isSynthesisMeasure(o.measure)) throw new ExoError('EXO_ERR_EXTRACT_BAD_OPTION', `unknown measure "${String(o.measure)}"; use SMD, ROM, NMD, OR or RR`, { field: 'measure' });
  if (o.excludeRob !== undefined && !(Array.isArray(o.excludeRob) && o.excludeRob.every((x) => x === 'high' || x === 'unclear'))) {
    throw new ExoError('EXO_ERR_EXTRACT_BAD_OPTION', 'excludeRob lists the risk-of-bias summaries to leave out: high and/or unclear', { field: 'excludeRob' });
  }
  if (o.subgroup !== undefined && !SUBGROUP_COLUMNS.includes(o.subgroup)) throw new ExoError('EXO_ERR_EXTRACT_BAD_OPTION', `cannot form subgroups by "${o.subgroup}"; use one of ${SUBGROUP_COLUMNS.join(', ')}`, { field: 'subgroup' });
}

export function synthesise(studies: readonly SynthesisStudy[], options: SynthesisOptions): SynthesisResult {
  checkOptions(options);
  const drop = new Set<string>(options.excludeRob ?? []);
  const kept = studies.filter((s) => !drop.has(s.rob ? robOverall(s.rob) : 'unclear'));
  const at = buildAnalysisTable(kept, { outcome: options.outcome, timePoint: options.timePoint, measure: options.measure });
  if (kept.length < studies.length) {
    const left = studies.filter((s) => !kept.includes(s));
    at.warnings.push(`Sensitivity analysis: ${left.length} stud${left.length === 1 ? 'y' : 'ies'} with ${[...drop].join(' or ')} risk of bias left out (${left.map((s) => s.label).join(', ')}).`);
  }
  return synthesiseTable(at, options);
}

/** The analysis of a derived table (fresh, or as stored with a saved synthesis: the numbers are reproduced from it). */
export function synthesiseTable(at: AnalysisTable, options: SynthesisOptions): SynthesisResult {
  checkOptions(options);
  const sensitivity = options.sensitivity ?? true;
  const result = analyseTable(at.table, {
    measure: at.measure,
    method: options.method ?? 'REML',
    test: options.test ?? 'z',
    level: options.level ?? 95,
    bias: options.bias ?? true,
    leaveOneOut: sensitivity,
    influence: sensitivity,
    subgroup: options.subgroup,
    studyColumn: 'study',
  });
  const robCol = (id: SyrcleItemId): number => at.table.columns.indexOf(`rob_${id}`);
  const judgements = at.table.rows.map((row) => {
    const j: Partial<Record<SyrcleItemId, RobJudgement>> = {};
    for (const id of SYRCLE_ITEM_IDS) {
      const v = row[robCol(id)];
      if (v === 'yes' || v === 'no' || v === 'unclear') j[id] = v;
    }
    return Object.keys(j).length > 0 ? j : undefined;
  });
  const title = `${options.outcome}${options.timePoint ? ` (${options.timePoint})` : ''}`;
  const used = { rows: result.rowsUsed.map((row) => at.rows[row - 1]).filter((r) => r !== undefined) };
  const effect = effectScale(at.measure, used);
  // the table orients every effect so that above the null favours treatment, once the outcome's direction is known
  const treatmentSide = effect.favoursTreatment === 'above' ? ('right' as const) : undefined;
  const svg = {
    forest: forestPlot(result, { title: `Forest plot: ${title}, ${result.measureLabel}`, idPrefix: 'synthesis-forest', treatmentSide }),
    funnel: funnelPlot(result, { title: `Funnel plot: ${title}`, idPrefix: 'synthesis-funnel' }),
    robForest: robForestSvg(result, judgements, { title: `Forest plot with risk of bias: ${title}`, idPrefix: 'synthesis-rob-forest', treatmentSide }),
  };
  return { options, measure: at.measure, measureReason: at.measureReason, analysisTable: at, result, effect: reportedEffect(result, effect), svg, warnings: [...at.warnings, ...result.warnings] };
}
