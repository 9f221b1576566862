/**
 * ExoAtlas's EV-reporting checklist, based on the minimal information for studies of extracellular vesicles
 * (MISEV2018; Théry C et al., J Extracell Vesicles 2018;7:1535750). Each item is answered "yes" (reported),
 * "no" (not reported) or "na"; an item's applicability follows from the study's characteristics (rule below),
 * and the score is the share of applicable items reported.
 *
 * This is ExoAtlas's own checklist score. It is NOT EV-TRACK's EV-METRIC (Van Deun et al. 2017, Nat Methods
 * 14:228–232), which has its own items and weighting; the two must not be compared or conflated.
 */
import { z } from 'zod';
import type { StudyCharacteristics } from '../extraction/form-schema.js';

export const MISEV_SCORE_LABEL = "ExoAtlas MISEV2018-based reporting score (ExoAtlas's own checklist, not EV-TRACK's EV-METRIC)";

export interface MisevItem {
  id: string;
  label: string;
  /** what counts as reported */
  criterion: string;
  /** when the item applies, in words */
  appliesWhen: string;
  /** the rule: does the item apply to a study with these characteristics? */
  applies: (c: StudyCharacteristics | undefined) => boolean;
}

const always = (): boolean => true;
const fromCells = (c: StudyCharacteristics | undefined): boolean => c === undefined || c.cellSource !== 'none';
const dosed = (c: StudyCharacteristics | undefined): boolean => c === undefined || c.route !== undefined || c.dose !== undefined;

export const MISEV_ITEMS = [
  { id: 'quantification', label: 'Quantification by ≥ 2 methods', criterion: 'Vesicle amount measured by at least two methods (e.g. particle number by NTA/TRPS and total protein or lipid)', appliesWhen: 'always', applies: always },
  { id: 'transmembrane-marker', label: 'Transmembrane marker', criterion: 'At least one transmembrane or GPI-anchored protein (e.g. CD9, CD63, CD81, integrins)', appliesWhen: 'always', applies: always },
  { id: 'cytosolic-marker', label: 'Cytosolic marker', criterion: 'At least one cytosolic protein recovered in EVs (e.g. TSG101, ALIX, syntenin, HSP70)', appliesWhen: 'always', applies: always },
  { id: 'negative-marker', label: 'Negative marker', criterion: 'At least one marker of non-EV co-isolates or other compartments, reported as absent or depleted (e.g. calnexin, GM130, APOA1, albumin)', appliesWhen: 'always', applies: always },
  { id: 'electron-microscopy', label: 'Electron microscopy', criterion: 'Single-vesicle images by electron microscopy (TEM, cryo-EM) or an equivalent high-resolution imaging (AFM)', appliesWhen: 'always', applies: always },
  { id: 'single-particle-analysis', label: 'Single-particle analysis', criterion: 'Size distribution by a single-particle method (NTA, TRPS, high-resolution flow cytometry)', appliesWhen: 'always', applies: always },
  { id: 'isolation-details', label: 'Isolation method details', criterion: 'Enough detail to repeat the isolation: for dUC speeds, times, rotor; for SEC the column and fractions; for UF the cut-off; for PEG/IA/MF the kit or reagent and protocol', appliesWhen: 'always (an unreported method is answered no)', applies: always },
  { id: 'source-cell-characterisation', label: 'Source cells characterised', criterion: 'Identity of the producing cells shown (e.g. MSC surface markers and trilineage differentiation for iMSCs), with passage', appliesWhen: 'the vesicles come from cells (cell source is not "none")', applies: fromCells },
  { id: 'culture-conditions', label: 'Conditioned-medium conditions', criterion: 'Culture medium, EV-depleted or serum-free conditions, collection time and cell viability at harvest', appliesWhen: 'the vesicles come from cells (cell source is not "none")', applies: fromCells },
  { id: 'dose-definition', label: 'Dose defined', criterion: 'Administered dose stated as particles and/or protein amount with the volume', appliesWhen: 'vesicles were administered (a route or dose is recorded)', applies: dosed },
] as const satisfies readonly MisevItem[];

export type MisevItemId = (typeof MISEV_ITEMS)[number]['id'];
export const MISEV_ITEM_IDS = MISEV_ITEMS.map((i) => i.id) as [MisevItemId, ...MisevItemId[]];

export const MisevAnswer = z
  .object({
    answer: z.enum(['yes', 'no', 'na'], { error: 'an answer is yes (reported), no (not reported) or na (not applicable)' }),
    quote: z.string({ error: 'the quote must be text' }).trim().max(4000, 'the quote is too long (at most 4000 characters)').optional(),
  })
  .strict();
export type MisevAnswer = z.infer<typeof MisevAnswer>;

export const MisevAppraisal = z
  .object({
    items: z.object(Object.fromEntries(MISEV_ITEM_IDS.map((id) => [id, MisevAnswer])) as Record<MisevItemId, typeof MisevAnswer>).strict(),
  })
  .strict();
export type MisevAppraisal = { items: Record<MisevItemId, MisevAnswer> };

/** Answers checked against the applicability rules: "na" only where an item does not apply, and vice versa. */
export function misevRuleIssues(a: MisevAppraisal, c: StudyCharacteristics | undefined): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  for (const item of MISEV_ITEMS) {
    const applies = item.applies(c);
    const ans = a.items[item.id].answer;
    if (applies && ans === 'na') out.push({ path: `items.${item.id}.answer`, message: `"${item.label}" applies to this study (applies when ${item.appliesWhen}); answer yes or no` });
    if (!applies && ans !== 'na') out.push({ path: `items.${item.id}.answer`, message: `"${item.label}" does not apply to this study (applies when ${item.appliesWhen}); answer na` });
  }
  return out;
}

export interface MisevScore {
  reported: number;
  applicable: number;
  /** reported / applicable, 0–1 (null when nothing applies) */
  score: number | null;
  label: typeof MISEV_SCORE_LABEL;
}

export function misevScore(a: MisevAppraisal): MisevScore {
  const answers = MISEV_ITEM_IDS.map((id) => a.items[id].answer);
  const applicable = answers.filter((x) => x !== 'na').length;
  const reported = answers.filter((x) => x === 'yes').length;
  return { reported, applicable, score: applicable === 0 ? null : reported / applicable, label: MISEV_SCORE_LABEL };
}

/** Per item, across studies: how many reported it, of those where it applies. */
export function misevSummary(appraisals: readonly MisevAppraisal[]): { id: MisevItemId; label: string; reported: number; applicable: number }[] {
  return MISEV_ITEMS.map((item) => {
    const v = appraisals.map((a) => a.items[item.id].answer);
    return { id: item.id, label: item.label, reported: v.filter((x) => x === 'yes').length, applicable: v.filter((x) => x !== 'na').length };
  });
}
