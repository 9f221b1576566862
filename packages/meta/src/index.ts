/**
 * @exoatlas/meta — metafor-exact meta-analysis in pure TypeScript: effect sizes, equal- and random-effects
 * models, meta-regression, subgroups, bias and sensitivity analyses, forest and funnel plots. No I/O.
 */
export { analyseTable } from './analyse.js';
export type { AnalysisOptions } from './options.js';
export type { MetaResult, Coefficient, BiasResults, TrimfillSummary, DroppedRow, RobustSummary } from './results.js';
export { rmaMv, type RmaMvFit, type RmaMvOptions } from './multilevel/rma-mv.js';
export { robustCr1 } from './multilevel/robust-cr1.js';
export { robustCr2 } from './multilevel/robust-cr2.js';
export type { RobustResult } from './multilevel/robust-blocks.js';
export { formatSummary } from './summary.js';
export { forestPlot, type ForestOptions } from './plots/forest.js';
export { isRatioMeasure } from './plots/scale.js';
export { funnelPlot, type FunnelOptions } from './plots/funnel.js';
export { parseCsv } from './csv.js';
export { type ColumnarTable, parseCsvColumns } from './csv-columns.js';
export { META_ERRORS, MetaError, type MetaErrorCode, type MetaErrorContext } from './errors.js';
export type { AnyTable, Table, TableInput, Cell } from './table.js';
export { escalc, MEASURE_DEFINITIONS } from './effect-sizes/escalc.js';
export { MEASURES, isMeasure, type Measure } from './effect-sizes/types.js';
export { nmd } from './effect-sizes/nmd.js';
export { sdFromSem } from './effect-sizes/sd-from-sem.js';
export { meanSdFromMedian, type MedianSummary, type ConvertedMeanSd } from './conversions/median-to-mean-sd.js';
export { sdFromCi, sdFromCiOfDifference, sdFromT, sdFromP, type CiOptions } from './conversions/sd-from-ci-t-p.js';
export { sdOfChange } from './conversions/change-score-sd.js';
export { hedgesCorrection } from './effect-sizes/smd.js';
export { METHODS, isMethod, type Method } from './tau2/index.js';
export { TESTS, UNIVARIATE_TESTS, rmaUni, type RmaFit, type RmaOptions, type TestType, type UnivariateTest } from './model/rma-uni.js';
export { DEFAULT_CONTROL, FIXTURE_CONTROL, METAFOR_DEFAULT_CONTROL, type Control } from './model/control.js';
export type { Design } from './model/design.js';
export { qProfileInterval } from './model/q-profile.js';
export { eggerTest } from './bias/egger.js';
export { rankTest } from './bias/rank.js';
export { trimfill } from './bias/trimfill.js';
export { failsafeN } from './bias/failsafe.js';
export { leaveOneOut } from './sensitivity/leave-one-out.js';
export { cumulative } from './sensitivity/cumulative.js';
export { influence } from './sensitivity/influence.js';
export { permutationTest } from './moderators/permutation.js';
export { subgroupAnalysis } from './moderators/subgroups.js';
export { RRandom } from './math/r-random.js';
export { pnorm, qnorm } from './math/normal.js';
export { pt, qt, pf } from './math/beta.js';
export { pchisq, qchisq, lgamma } from './math/gamma.js';
export { zeroin } from './math/zeroin.js';
export { checkAnalysisOptions } from './options.js';
export type { AnalysisOptions as MetaOptions } from './options.js';
export { jsonChunks } from './json-chunks.js';
