import type { Project, ScreeningMode, User } from '../types.js';

/**
 * Blinding: what a member may see of other members' work. This directory is the one place that decides it; every
 * service method that returns decisions, reasons, notes, forms, form history, judgements, scores, agreement,
 * discovery curves, audit entries, screening logs, exports, appraisal summaries or syntheses filters through it.
 *
 * The rule, the same for every role (owner, reviewer, viewer) and every stage:
 * - single mode: one member's work settles an item, so nothing is hidden;
 * - dual mode, screening: another member's decision (value, reason, note) on a record and stage stays hidden until
 *   the record has its two reviewers' decisions (or a resolution settles it); only then do conflicts and agreement
 *   count it;
 * - dual mode, forms (extraction, SYRCLE, MISEV): another member's forms of a study and kind, every version of them,
 *   and whatever is computed from them (effective value, MISEV score, risk-of-bias overall, extracted outcomes,
 *   appraisal plots) stay hidden until two reviewers have saved that form; a consensus form (always shown) can only
 *   be saved after that, so nobody unblinds a study by writing a consensus early;
 * - aggregates computed from hidden work are computed from what the reader may see (discovery curve), or withheld
 *   while the reader is blinded to any of it (saved syntheses: EXO_ERR_REVIEW_BLINDED).
 *
 * Owners get no exception, whether or not they screen: a role can change at any time (a viewer made a reviewer, an
 * owner who starts screening), and what someone saw before cannot be unseen. An owner who needs to see everything
 * switches the project to single mode, an audited change.
 */
export interface Reader {
  userId: number;
  mode: ScreeningMode;
}

/** The reader of a project: who reads and under which screening mode. */
export const readerOf = (user: Pick<User, 'id'>, project: Pick<Project, 'mode'>): Reader => ({ userId: user.id, mode: project.mode });
