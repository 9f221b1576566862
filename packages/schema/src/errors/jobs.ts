import { EXIT, type CatalogueEntry } from './catalogue-entry.js';

/** Errors of heavy work run off the request thread (the worker pool), of request sizes, and of a busy database. */
export const JOB_ERRORS = {
  EXO_ERR_JOB_TOO_LARGE: { description: 'The job’s input is larger than the server accepts (bytes, studies or records)', status: 413, exit: EXIT.usage },
  EXO_ERR_JOB_OVER_BUDGET: { description: 'The job asks for more work than the server’s budget allows (e.g. too many permutations for its size)', status: 422, exit: EXIT.usage },
  EXO_ERR_JOB_TIMEOUT: { description: 'The job ran past its time budget and was stopped; retry later or ask for less work', status: 503, exit: EXIT.failure },
  EXO_ERR_JOB_BUSY: { description: 'Too many heavy jobs are queued; retry after the time the response names', status: 503, exit: EXIT.failure },
  EXO_ERR_STORE_BUSY: { description: 'The database is locked by another writer; retry after the time the response names', status: 503, exit: EXIT.storage },
} as const satisfies Record<string, CatalogueEntry>;
