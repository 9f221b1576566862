import { EXIT, type CatalogueEntry } from './catalogue-entry.js';

/** Errors of data extraction, appraisal (SYRCLE risk of bias, MISEV reporting) and one-step synthesis (packages/review). */
export const EXTRACTION_ERRORS = {
  EXO_ERR_EXTRACT_INVALID: { description: 'An extraction form has a bad value (negative SD, n not a whole number ≥ 1, events above n, …); the message names the field and nothing is saved', status: 400, exit: EXIT.invalidData },
  EXO_ERR_EXTRACT_NOT_FOUND: { description: 'The study has no extraction form (by you, or the consensus form)', status: 404, exit: EXIT.notFound },
  EXO_ERR_EXTRACT_NOT_INCLUDED: { description: 'Only studies included after full-text screening can be extracted or appraised', status: 409, exit: EXIT.conflict },
  EXO_ERR_EXTRACT_STALE: { description: 'The form was saved by someone else since it was loaded (expectedVersion differs): reload it instead of overwriting', status: 409, exit: EXIT.conflict },
  EXO_ERR_EXTRACT_NO_DATA: { description: 'No included study has usable data for that outcome (and time point), or the outcome does not exist', status: 422, exit: EXIT.invalidData },
  EXO_ERR_EXTRACT_NO_CONSENSUS: { description: 'A dual project publishes only studies with a consensus extraction form and a consensus risk-of-bias assessment; the message names each record and what it lacks, and nothing is published', status: 409, exit: EXIT.conflict },
  EXO_ERR_EXTRACT_NOT_PUBLISHED: { description: 'The project has nothing in the atlas to unpublish (never published, or already unpublished)', status: 409, exit: EXIT.conflict },
  EXO_ERR_EXTRACT_BAD_OPTION: { description: 'A synthesis option is malformed or does not suit the outcome (ROM with non-positive means, NMD without a sham group, …)', status: 400, exit: EXIT.usage },
  EXO_ERR_APPRAISAL_INVALID: { description: 'A risk-of-bias or MISEV appraisal has a bad value (unknown item, judgement other than yes/no/unclear, …); nothing is saved', status: 400, exit: EXIT.invalidData },
  EXO_ERR_APPRAISAL_NOT_FOUND: { description: 'The study has no appraisal of that kind yet', status: 404, exit: EXIT.notFound },
} as const satisfies Record<string, CatalogueEntry>;
