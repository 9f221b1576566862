/** Pure helpers of the criteria editor: the project's question, criteria and exclusion reasons as form text, and back. */
import { STAGES, type Criteria, type ReviewProject, type Stage } from '../../api/review';

/** The PICO fields and the free-text criteria, in the order the form shows them, with their labels. */
export const CRITERIA_FIELDS: readonly (readonly [keyof Criteria, string])[] = [
  ['population', 'Population (P)'],
  ['intervention', 'Intervention (I)'],
  ['comparator', 'Comparator (C)'],
  ['outcomes', 'Outcomes (O)'],
  ['studyDesigns', 'Study designs'],
  ['inclusion', 'Inclusion criteria (free text)'],
  ['exclusion', 'Exclusion criteria (free text)'],
];

export interface CriteriaDraft {
  question: string;
  criteria: Record<keyof Criteria, string>;
  /** the exclusion reasons of each stage, one a line */
  reasons: Record<Stage, string>;
}

/** The form's starting text: the project as it is. */
export function draftFromProject(project: Pick<ReviewProject, 'question' | 'criteria' | 'exclusionReasons'>): CriteriaDraft {
  const criteria = Object.fromEntries(CRITERIA_FIELDS.map(([k]) => [k, project.criteria[k] ?? ''])) as Record<keyof Criteria, string>;
  const reasons = Object.fromEntries(STAGES.map((s) => [s, (project.exclusionReasons[s] ?? []).join('\n')])) as Record<Stage, string>;
  return { question: project.question ?? '', criteria, reasons };
}

/** "A\n\n B \nA" → ["A", "B"]: one reason a line, trimmed, blank lines and repeats dropped. */
export function reasonLines(text: string): string[] {
  return [...new Set(text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== ''))];
}

/** The PATCH body: the question, the criteria that are filled in (an emptied field is removed), the reasons per stage. */
export function patchFromDraft(draft: CriteriaDraft): { question: string; criteria: Criteria; exclusionReasons: Record<Stage, string[]> } {
  const criteria: Criteria = {};
  for (const [k] of CRITERIA_FIELDS) {
    const v = draft.criteria[k].trim();
    if (v !== '') criteria[k] = v;
  }
  const exclusionReasons = Object.fromEntries(STAGES.map((s) => [s, reasonLines(draft.reasons[s])])) as Record<Stage, string[]>;
  return { question: draft.question.trim(), criteria, exclusionReasons };
}
