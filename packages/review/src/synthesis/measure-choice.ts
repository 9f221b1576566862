/**
 * Which effect-size measure suits an outcome: SMD, ROM or NMD for continuous outcomes (the three of preclinical
 * meta-analysis; Vesterinen et al. 2014, J Neurosci Methods 221:92–102), OR or RR for dichotomous ones.
 */
import type { OutcomeData } from '../extraction/form-schema.js';

export const SYNTHESIS_MEASURES = ['SMD', 'ROM', 'NMD', 'OR', 'RR'] as const;
export type SynthesisMeasure = (typeof SYNTHESIS_MEASURES)[number];

export function isSynthesisMeasure(m: string): m is SynthesisMeasure {
  return (SYNTHESIS_MEASURES as readonly string[]).includes(m);
}

export const CONTINUOUS_MEASURES: readonly SynthesisMeasure[] = ['SMD', 'ROM', 'NMD'];

/**
 * The default measure for the selected outcome data: OR for dichotomous outcomes; for continuous ones NMD when every
 * comparison has a sham group (the CAMARADES preference: an effect as a share of the lesion), otherwise SMD (valid
 * whatever the scales). ROM is offered, not chosen: it needs a ratio scale with positive means.
 */
export function suggestMeasure(outcomes: readonly OutcomeData[]): { measure: SynthesisMeasure; reason: string } {
  if (outcomes.length > 0 && outcomes.every((o) => o.kind === 'dichotomous')) return { measure: 'OR', reason: 'dichotomous outcome (events and totals): odds ratio' };
  if (outcomes.length > 0 && outcomes.every((o) => o.groups.some((g) => g.role === 'sham' && g.mean !== undefined))) {
    return { measure: 'NMD', reason: 'every study reports a sham group: normalised mean difference (% of the lesion)' };
  }
  return { measure: 'SMD', reason: 'continuous outcome on scales that may differ between studies: standardised mean difference (Hedges g)' };
}
