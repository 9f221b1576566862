/**
 * SYRCLE's risk of bias tool for animal studies (Hooijmans CR, Rovers MM, de Vries RBM, Leenaars M,
 * Ritskes-Hoitinga M, Langendam MW. BMC Med Res Methodol 2014;14:43): ten items, each judged "yes" (low risk of
 * bias), "no" (high risk) or "unclear", with the quote that supports the judgement. The signalling questions are
 * those of the paper's Table 2, abridged.
 */
import { z } from 'zod';

export const ROB_JUDGEMENTS = ['yes', 'no', 'unclear'] as const;
export const RobJudgement = z.enum(ROB_JUDGEMENTS, { error: 'a judgement is yes (low risk), no (high risk) or unclear' });
export type RobJudgement = z.infer<typeof RobJudgement>;

export interface SyrcleItem {
  id: string;
  number: number;
  domain: 'selection' | 'performance' | 'detection' | 'attrition' | 'reporting' | 'other';
  label: string;
  /** the question whose answer "yes" means low risk of bias */
  question: string;
  signalling: string[];
}

export const SYRCLE_ITEMS = [
  {
    id: 'sequence-generation',
    number: 1,
    domain: 'selection',
    label: 'Sequence generation',
    question: 'Was the allocation sequence adequately generated and applied?',
    signalling: [
      'Did the investigators describe a random component in the sequence generation process, such as a random number table or a computer random number generator?',
      'Non-random approaches (e.g. allocation by judgement or investigator preference, by laboratory results, or by availability of the intervention) mean high risk.',
    ],
  },
  {
    id: 'baseline-characteristics',
    number: 2,
    domain: 'selection',
    label: 'Baseline characteristics',
    question: 'Were the groups similar at baseline or were they adjusted for confounders in the analysis?',
    signalling: [
      'Was the distribution of relevant baseline characteristics (e.g. sex, age, weight, baseline value of the outcome) balanced for the intervention and control groups?',
      'If relevant, did the investigators adequately adjust for unequal distribution of relevant baseline characteristics in the analysis?',
      'Was the timing of disease induction adequate (the same in intervention and control groups)?',
    ],
  },
  {
    id: 'allocation-concealment',
    number: 3,
    domain: 'selection',
    label: 'Allocation concealment',
    question: 'Was the allocation adequately concealed?',
    signalling: [
      'Could the investigator allocating the animals not foresee assignment, because of third-party coding of the allocation, sequentially numbered opaque sealed envelopes, or an equivalent method?',
    ],
  },
  {
    id: 'random-housing',
    number: 4,
    domain: 'performance',
    label: 'Random housing',
    question: 'Were the animals randomly housed during the experiment?',
    signalling: [
      'Did the authors randomly place the cages or animals within the animal room or facility?',
      'Is it unlikely that the outcome or its measurement was influenced by not randomly housing the animals?',
    ],
  },
  {
    id: 'blinding-performance',
    number: 5,
    domain: 'performance',
    label: 'Blinding (performance)',
    question: 'Were the caregivers and/or investigators blinded from knowledge of which intervention each animal received during the experiment?',
    signalling: [
      'Was blinding of caregivers and investigators ensured (e.g. coded, identical-looking cage labels or drug containers), and was it unlikely that the blinding could have been broken?',
    ],
  },
  {
    id: 'random-outcome-assessment',
    number: 6,
    domain: 'detection',
    label: 'Random outcome assessment',
    question: 'Were animals selected at random for outcome assessment?',
    signalling: ['Did the investigators randomly pick an animal during outcome assessment, or use a random component in the sequence for outcome assessment?'],
  },
  {
    id: 'blinding-detection',
    number: 7,
    domain: 'detection',
    label: 'Blinding (detection)',
    question: 'Was the outcome assessor blinded?',
    signalling: [
      'Was blinding of the outcome assessor ensured, and was it unlikely that the blinding could have been broken?',
      'If the assessor was not blinded, is the outcome unlikely to be influenced by the lack of blinding?',
    ],
  },
  {
    id: 'incomplete-outcome-data',
    number: 8,
    domain: 'attrition',
    label: 'Incomplete outcome data',
    question: 'Were incomplete outcome data adequately addressed?',
    signalling: [
      'Were all animals included in the analysis?',
      'Were the reasons for missing outcome data unlikely to be related to the true outcome?',
      'Were missing outcome data balanced in numbers across groups, with similar reasons for missing data?',
      'Were missing data imputed using appropriate methods?',
    ],
  },
  {
    id: 'selective-reporting',
    number: 9,
    domain: 'reporting',
    label: 'Selective outcome reporting',
    question: 'Are reports of the study free of selective outcome reporting?',
    signalling: [
      "Was the study protocol available, and were all of the study's pre-specified primary and secondary outcomes reported?",
      'If no protocol was available, was it clear that the published report included all expected outcomes (comparing the methods and results sections)?',
    ],
  },
  {
    id: 'other-bias',
    number: 10,
    domain: 'other',
    label: 'Other sources of bias',
    question: 'Was the study apparently free of other problems that could result in high risk of bias?',
    signalling: [
      'Was the study free of contamination (e.g. pooling of drugs)?',
      'Was the study free of inappropriate influence of funders?',
      'Was the study free of unit-of-analysis errors?',
      'Were design-specific risks of bias absent?',
      'Were no new animals added to the control and experimental groups to replace drop-outs from the original population?',
    ],
  },
] as const satisfies readonly SyrcleItem[];

export type SyrcleItemId = (typeof SYRCLE_ITEMS)[number]['id'];
export const SYRCLE_ITEM_IDS = SYRCLE_ITEMS.map((i) => i.id) as [SyrcleItemId, ...SyrcleItemId[]];

export const RobItemAssessment = z
  .object({
    judgement: RobJudgement,
    quote: z.string({ error: 'the supporting quote must be text' }).trim().max(4000, 'the quote is too long (at most 4000 characters)').optional(),
    comment: z.string({ error: 'the comment must be text' }).trim().max(2000, 'the comment is too long (at most 2000 characters)').optional(),
  })
  .strict()
  .refine((a) => a.judgement === 'unclear' || (a.quote !== undefined && a.quote !== ''), { message: 'a yes or no judgement needs the supporting quote (or "not reported" judged unclear)', path: ['quote'] });
export type RobItemAssessment = z.infer<typeof RobItemAssessment>;

/** One reviewer's (or the consensus) SYRCLE assessment of one study: every item judged. */
export const RobAssessment = z
  .object({
    items: z.object(Object.fromEntries(SYRCLE_ITEM_IDS.map((id) => [id, RobItemAssessment])) as Record<SyrcleItemId, typeof RobItemAssessment>).strict(),
  })
  .strict();
export type RobAssessment = { items: Record<SyrcleItemId, RobItemAssessment> };

/** The judgements only. */
export function robJudgements(a: RobAssessment): Record<SyrcleItemId, RobJudgement> {
  return Object.fromEntries(SYRCLE_ITEM_IDS.map((id) => [id, a.items[id].judgement])) as Record<SyrcleItemId, RobJudgement>;
}

/**
 * A study-level summary for subgrouping (not a score, which SYRCLE advises against): "high" when any item is judged
 * no, else "unclear" when any is unclear or missing, else "low".
 */
export function robOverall(j: Partial<Record<SyrcleItemId, RobJudgement>>): 'low' | 'unclear' | 'high' {
  const v = SYRCLE_ITEM_IDS.map((id) => j[id]);
  if (v.includes('no')) return 'high';
  if (v.some((x) => x === 'unclear' || x === undefined)) return 'unclear';
  return 'low';
}

/** Per item, the share of studies judged yes / unclear / no (the summary plot's bars). */
export function robSummary(studies: readonly Partial<Record<SyrcleItemId, RobJudgement>>[]): { id: SyrcleItemId; label: string; yes: number; unclear: number; no: number; k: number }[] {
  return SYRCLE_ITEMS.map((item) => {
    const v = studies.map((s) => s[item.id]).filter((x): x is RobJudgement => x !== undefined);
    const count = (j: RobJudgement): number => v.filter((x) => x === j).length;
    return { id: item.id, label: item.label, yes: count('yes'), unclear: count('unclear'), no: count('no'), k: v.length };
  });
}
