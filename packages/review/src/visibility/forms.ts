import type { ScreeningMode } from '../types.js';
import type { Reader, Work } from './policy.js';

interface FormLike {
  recordId: number;
  kind: string;
  /** null for the consensus form */
  reviewerId: number | null;
}

/**
 * True while the reviewers' forms of one study and kind are hidden from each other (see policy.ts): in dual mode,
 * until two reviewers have saved one. (A consensus form cannot come earlier: ExtractionService refuses it.)
 */
export function areFormsBlinded(forms: readonly FormLike[], mode: ScreeningMode): boolean {
  if (mode === 'single') return false;
  return new Set(forms.filter((f) => f.reviewerId !== null).map((f) => f.reviewerId)).size < 2;
}

/**
 * The forms (latest versions or the whole history, of any number of studies and kinds) this reader may see: per
 * study and kind, all of them once unblinded, else only the reader's own and the consensus.
 */
export function visibleForms<T extends FormLike>(forms: readonly T[], reader: Reader): T[] {
  const groups = new Map<string, T[]>();
  for (const f of forms) {
    const key = `${f.recordId}:${f.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const hidden = new Set<string>();
  for (const [key, group] of groups) if (!reader.supervises.has(group[0]!.kind as Work) && areFormsBlinded(group, reader.mode)) hidden.add(key);
  return forms.filter((f) => !hidden.has(`${f.recordId}:${f.kind}`) || f.reviewerId === reader.userId || f.reviewerId === null);
}

/** True when some other member's form is hidden from this reader: what is computed from all forms is withheld then. */
export function isBlindedToAnyForm(forms: readonly FormLike[], reader: Reader): boolean {
  return visibleForms(forms, reader).length < forms.length;
}
