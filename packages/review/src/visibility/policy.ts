import type { FormKind } from '../extraction/extraction-store.js';
import type { Role, ScreeningMode, Stage } from '../types.js';

/**
 * Blinding: what a member may see of other members' work. This directory is the one place that decides it; every
 * service method that returns decisions, reasons, notes, forms, form history, judgements, scores, agreement,
 * discovery curves, audit entries, screening logs, exports, appraisal summaries or syntheses filters through it.
 *
 * The rule, per kind of work (title/abstract screening, full-text screening, extraction, SYRCLE, MISEV):
 * - single mode: one member's work settles an item, so nothing is hidden;
 * - dual mode, screening: another member's decision (value, reason, note) on a record and stage stays hidden until
 *   the record has its two reviewers' decisions (or a resolution settles it); only then do conflicts and agreement
 *   count it;
 * - dual mode, forms: another member's forms of a study and kind, every version of them, and whatever is computed
 *   from them (effective value, MISEV score, risk-of-bias overall, extracted outcomes, appraisal plots) stay hidden
 *   until two reviewers have saved that form; a consensus form (always shown) can only be saved after that, so
 *   nobody unblinds a study by writing a consensus early;
 * - aggregates computed from hidden work are computed from what the reader may see (discovery curve, synthesis), or
 *   withheld while the reader is blinded to any of it (saved syntheses: EXO_ERR_REVIEW_BLINDED; a stop's guidance).
 *
 * Who is blinded: reviewers and viewers always (a viewer may be made a reviewer later, and what they saw cannot be
 * unseen); an owner only in the kinds of work they take part in. An owner with no decision at a stage (no form of a
 * kind) supervises it and sees everyone's work there, as Covidence and Rayyan let a non-screening lead do; their
 * first decision at that stage (form of that kind) makes them a blinded participant from then on. An owner who means
 * to screen independently should therefore start screening before looking at others' work.
 */
export type Work = Stage | FormKind;

export interface Reader {
  userId: number;
  mode: ScreeningMode;
  /** The kinds of work this reader supervises (an owner taking no part in them): nothing there is hidden from them. */
  supervises: ReadonlySet<Work>;
}

/** The reader of a project: an owner supervises each of `works` they have no part in (`hasDone`); others supervise nothing. */
export function readerOf(userId: number, mode: ScreeningMode, role: Role | undefined, works: readonly Work[], hasDone: (work: Work) => boolean): Reader {
  return { userId, mode, supervises: new Set(role === 'owner' ? works.filter((w) => !hasDone(w)) : []) };
}
