import { EXIT, type CatalogueEntry } from './catalogue-entry.js';

/** Errors of the living-review workflow (packages/review) and of reviewer accounts and sessions. */
export const REVIEW_ERRORS = {
  EXO_ERR_AUTH_REQUIRED: { description: 'Sign in first: the request has no valid session (cookie exoatlas_session or Authorization: Bearer)', status: 401, exit: EXIT.auth },
  EXO_ERR_AUTH_INVALID_CREDENTIALS: { description: 'The user name or password is wrong', status: 401, exit: EXIT.auth },
  EXO_ERR_AUTH_FORBIDDEN: { description: "Your role in this review project does not allow this (viewers read only; owners manage the project)", status: 403, exit: EXIT.auth },
  EXO_ERR_AUTH_USER_EXISTS: { description: 'A user with that name already exists', status: 409, exit: EXIT.conflict },
  EXO_ERR_AUTH_WEAK_PASSWORD: { description: 'The new password is refused — fewer than 10 characters, more than 1,024 bytes, only white space, the user name, or in the list of common passwords — or the user name is malformed', status: 400, exit: EXIT.usage },
  EXO_ERR_AUTH_TOO_MANY_ATTEMPTS: { description: 'Too many failed sign-ins for this account or from this address: sign-in is locked for a while (see Retry-After; an admin can unlock the account)', status: 429, exit: EXIT.auth },
  EXO_ERR_AUTH_ACCOUNT_DISABLED: { description: 'An admin has disabled this account: it cannot sign in and its sessions have ended', status: 403, exit: EXIT.auth },
  EXO_ERR_REVIEW_BLINDED: { description: "Hidden by blinding (dual mode): it may show another member's work on a record or form you have not done yet; decide or save your own first, or wait for the consensus", status: 403, exit: EXIT.auth },
  EXO_ERR_REVIEW_NOT_FOUND_PROJECT: { description: 'No review project has that id, or you are not a member of it', status: 404, exit: EXIT.notFound },
  EXO_ERR_REVIEW_NOT_FOUND_RECORD: { description: 'The review project has no record with that id', status: 404, exit: EXIT.notFound },
  EXO_ERR_REVIEW_NOT_FOUND_USER: { description: 'No user has that name', status: 404, exit: EXIT.notFound },
  EXO_ERR_REVIEW_LAST_OWNER: { description: 'A project keeps at least one owner: the last owner cannot be removed or demoted (add another owner first)', status: 409, exit: EXIT.conflict },
  EXO_ERR_REVIEW_PROJECT_EXISTS: { description: 'A review project with that id already exists', status: 409, exit: EXIT.conflict },
  EXO_ERR_REVIEW_STALE_DECISION: { description: 'The record was decided since the form was loaded (expectedVersion differs): reload it instead of overwriting', status: 409, exit: EXIT.conflict },
  EXO_ERR_REVIEW_NOT_ELIGIBLE: { description: 'The record is not at that stage (full-text screening needs a title/abstract include) or not in conflict, or title/abstract screening cannot be stopped (nothing left unscreened) or resumed (not stopped)', status: 409, exit: EXIT.conflict },
  EXO_ERR_REVIEW_INVALID_INPUT: { description: 'A review field is missing or malformed: decision, stage, exclusion reason, role, criteria, search date, …', status: 400, exit: EXIT.usage },
  EXO_ERR_REVIEW_LABELS: { description: 'The labelled file has no label column, a label that is not 0/1, or lacks an included or an excluded record', status: 400, exit: EXIT.invalidData },
} as const satisfies Record<string, CatalogueEntry>;
