/**
 * Extracted outcome data → the analysis table of packages/meta (metafor's escalc column names), one row per
 * treatment-vs-control comparison:
 *  - time point: the one asked for, else each study's latest (by `days`, else the last entered);
 *  - SEM → SD with packages/meta's sdFromSem (SD = SEM·√n), on the group's own n, before any splitting;
 *  - several treatment arms sharing one control: the control's n (and, for counts, its events) divided by the
 *    number of arms sharing it (Vesterinen et al. 2014, "the number of control animals was divided by the
 *    number of treatment groups served"); fractional n are kept as they are, as metafor accepts them;
 *  - direction: every effect is oriented so that a positive SMD/ROM (log ratio > 0), or an OR/RR above 1, favours
 *    treatment. Where lower is better the two groups are swapped (m1i/sd1i/n1i = control): for SMD this is exactly
 *    multiplying by −1 (Hedges' correction and the variance are symmetric in the groups), for ROM it gives
 *    ln(m_control/m_treatment) = −ln(m_t/m_c) with the same variance. The `swapped` column records it.
 *    NMD needs no swap: 100·(ε_c − ε_Rx)/(ε_c − ε_sham) is positive for an improvement on either scale; without a
 *    sham group the sham mean is taken as 0, which only makes sense when lower is better — otherwise the row is
 *    left out with a warning.
 *  - ROM needs positive means: a comparison with a mean ≤ 0 is left out with a warning.
 */
import { sdFromSem } from '@exoatlas/meta';
import type { Cell, Table } from '@exoatlas/meta';
import { ExoError } from '@exoatlas/schema';
import { ISOLATION_METHODS, type OutcomeData, type OutcomeGroup } from '../extraction/form-schema.js';
import { SYRCLE_ITEMS, robOverall } from '../appraisal/syrcle.js';
import { type SynthesisMeasure, suggestMeasure } from './measure-choice.js';
import type { SynthesisStudy } from './study-input.js';

export interface TableOptions {
  /** outcome key, e.g. wound-closure */
  outcome: string;
  /** time point label; default: each study's latest */
  timePoint?: string;
  /** SMD, ROM, NMD, OR, RR; default: suggested from the data */
  measure?: SynthesisMeasure;
}

export interface TableRowInfo {
  studyId: string;
  label: string;
  treatment: string;
  control: string;
  timePoint: string;
  armsSharingControl: number;
  swapped: boolean;
  /** the outcome's direction on this study's form (NMD rows are never swapped, so `swapped` alone does not say) */
  direction?: OutcomeData['direction'];
}

export interface ExcludedStudy {
  studyId: string;
  label: string;
  reason: string;
}

export interface AnalysisTable {
  measure: SynthesisMeasure;
  measureReason: string;
  table: Table;
  rows: TableRowInfo[];
  excluded: ExcludedStudy[];
  warnings: string[];
}

/** The characteristics synthesis can group by (subgroups) — columns of the analysis table. */
export const GROUPING_COLUMNS = ['species', 'strain', 'sex', 'diseaseModel', 'cellSource', 'isolation', 'route', 'rob', ...SYRCLE_ITEMS.map((i) => `rob_${i.id}`)] as const;

function pickTimePoint(entries: OutcomeData[], timePoint: string | undefined): OutcomeData | undefined {
  if (timePoint !== undefined) return entries.find((o) => o.timePoint === timePoint);
  let best: OutcomeData | undefined;
  for (const o of entries) if (best === undefined || (o.days ?? -Infinity) >= (best.days ?? -Infinity)) best = o;
  return best;
}

const round = (x: number): number => Number(x.toPrecision(15));

export function buildAnalysisTable(studies: readonly SynthesisStudy[], options: TableOptions): AnalysisTable {
  const warnings: string[] = [];
  const excluded: ExcludedStudy[] = [];
  const chosen: { study: SynthesisStudy; data: OutcomeData }[] = [];
  for (const study of studies) {
    const entries = study.form.outcomes.filter((o) => o.outcome === options.outcome);
    if (entries.length === 0) {
      excluded.push({ studyId: study.studyId, label: study.label, reason: `no data for outcome "${options.outcome}"` });
      continue;
    }
    const data = pickTimePoint(entries, options.timePoint);
    if (!data) {
      excluded.push({ studyId: study.studyId, label: study.label, reason: `no data at time point "${options.timePoint}" (has ${entries.map((e) => e.timePoint).join(', ')})` });
      continue;
    }
    if (entries.length > 1 && options.timePoint === undefined) warnings.push(`${study.label}: ${entries.length} time points; the latest (${data.timePoint}) is used.`);
    chosen.push({ study, data });
  }
  if (chosen.length === 0) throw new ExoError('EXO_ERR_EXTRACT_NO_DATA', `no included study has data for outcome "${options.outcome}"${options.timePoint ? ` at "${options.timePoint}"` : ''}`, { field: 'outcome' });
  const kinds = new Set(chosen.map((c) => c.data.kind));
  if (kinds.size > 1) throw new ExoError('EXO_ERR_EXTRACT_BAD_OPTION', `outcome "${options.outcome}" is continuous in some studies and dichotomous in others; correct the forms first`, { field: 'outcome' });
  const suggestion = suggestMeasure(chosen.map((c) => c.data));
  const measure = options.measure ?? suggestion.measure;
  const dichotomous = kinds.has('dichotomous');
  if (dichotomous !== (measure === 'OR' || measure === 'RR')) {
    throw new ExoError('EXO_ERR_EXTRACT_BAD_OPTION', `measure ${measure} does not suit a ${dichotomous ? 'dichotomous' : 'continuous'} outcome (use ${dichotomous ? 'OR or RR' : 'SMD, ROM or NMD'})`, { field: 'measure' });
  }
  const measureReason = options.measure ? `${measure} chosen by the analyst` : suggestion.reason;
  const effectCols = dichotomous ? ['ai', 'n1i', 'ci', 'n2i'] : measure === 'NMD' ? ['m1i', 'sd1i', 'n1i', 'm2i', 'sd2i', 'n2i', 'msi'] : ['m1i', 'sd1i', 'n1i', 'm2i', 'sd2i', 'n2i'];
  const columns = ['study', 'studyId', 'arm', 'timePoint', ...effectCols, 'swapped', 'nControlTotal', 'armsSharingControl', 'sdFromSem', ...GROUPING_COLUMNS, 'misevScore', 'year'];
  const rows: Cell[][] = [];
  const info: TableRowInfo[] = [];
  let converted = 0;
  for (const { study, data } of chosen) {
    const controls = data.groups.filter((g) => g.role === 'control');
    const sham = data.groups.find((g) => g.role === 'sham');
    const arms = data.groups.filter((g) => g.role === 'treatment');
    const controlOf = (arm: OutcomeGroup): OutcomeGroup => (arm.control === undefined ? controls[0]! : controls.find((c) => c.id === arm.control)!);
    const sharing = new Map<string, number>();
    for (const a of arms) sharing.set(controlOf(a).id, (sharing.get(controlOf(a).id) ?? 0) + 1);
    const sd = (g: OutcomeGroup): number => {
      if (g.sd !== undefined) return g.sd;
      converted++;
      return sdFromSem(g.sem!, g.n);
    };
    for (const arm of arms) {
      const control = controlOf(arm);
      const share = sharing.get(control.id)!;
      const label = arms.length > 1 ? `${study.label} (${arm.label ?? arm.id})` : study.label;
      if (measure === 'ROM' && (arm.mean! <= 0 || control.mean! <= 0)) {
        excluded.push({ studyId: study.studyId, label, reason: 'ROM needs positive means (a ratio scale)' });
        continue;
      }
      if (measure === 'NMD' && !sham && data.direction === 'higher-is-better') {
        excluded.push({ studyId: study.studyId, label, reason: 'NMD needs a sham group when higher is better (a normal value of 0 is assumed only when lower is better)' });
        continue;
      }
      const swapped = measure !== 'NMD' && data.direction === 'lower-is-better';
      const nC = control.n / share;
      let effect: Cell[];
      if (dichotomous) {
        const t = [arm.events!, arm.n];
        const c = [control.events! / share, nC].map(round);
        effect = swapped ? [c[0], c[1], t[0], t[1]] : [t[0], t[1], c[0], c[1]];
      } else {
        const t = [arm.mean!, round(sd(arm)), arm.n];
        const c = [control.mean!, round(sd(control)), round(nC)];
        effect = swapped ? [...c, ...t] : [...t, ...c];
        if (measure === 'NMD') {
          if (!sham) warnings.push(`${label}: no sham group; the normal value is taken as 0 (lower is better).`);
          effect.push(sham?.mean ?? 0);
        }
      }
      const rob = study.rob;
      rows.push([
        label,
        study.studyId,
        arm.label ?? arm.id,
        data.timePoint,
        ...effect,
        swapped ? 'yes' : 'no',
        control.n,
        share,
        !dichotomous && (arm.sd === undefined || control.sd === undefined) ? 'yes' : 'no',
        study.form.characteristics.species,
        study.form.characteristics.strain ?? null,
        study.form.characteristics.sex,
        study.form.characteristics.diseaseModel,
        study.form.characteristics.cellSource,
        [...study.form.characteristics.isolation.methods].sort((a, b) => ISOLATION_METHODS.indexOf(a) - ISOLATION_METHODS.indexOf(b)).join('+'),
        study.form.characteristics.route ?? null,
        rob ? robOverall(rob) : null,
        ...SYRCLE_ITEMS.map((i) => rob?.[i.id] ?? null),
        study.misevScore ?? null,
        study.year ?? null,
      ]);
      info.push({ studyId: study.studyId, label, treatment: arm.id, control: control.id, timePoint: data.timePoint, armsSharingControl: share, swapped, direction: data.direction });
    }
  }
  if (converted > 0) warnings.push(`Converted ${converted} standard error${converted === 1 ? '' : 's'} of the mean to standard deviations (SD = SEM × √n, on each group's own n).`);
  const shared = info.filter((r) => r.armsSharingControl > 1);
  if (shared.length > 0) warnings.push(`${shared.length} comparisons share a control group; its n is divided among the arms that share it.`);
  for (const e of excluded) if (!e.reason.startsWith('no data')) warnings.push(`${e.label} left out: ${e.reason}.`);
  if (rows.length === 0) throw new ExoError('EXO_ERR_EXTRACT_NO_DATA', `no comparison of outcome "${options.outcome}" can be pooled with ${measure}: ${excluded.map((e) => `${e.label} (${e.reason})`).join('; ')}`, { field: 'outcome' });
  return { measure, measureReason, table: { columns, rows }, rows: info, excluded, warnings };
}
