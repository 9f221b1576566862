import type { Control } from './model/control.js';

/** Options of analyseTable(), mirroring `exoatlas meta` flags. */
export interface AnalysisOptions {
  /** effect-size measure: SMD, MD, ROM, OR, RR, RD, PLO, PR, COR, ZCOR, GEN, NMD */
  measure: string;
  /** τ² estimator: REML (default), ML, DL, HE, HS, SJ, EB, PM, or FE/EE */
  method?: string;
  /** z (default) or knha (Knapp–Hartung) */
  test?: string;
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
}
