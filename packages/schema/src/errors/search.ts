import { EXIT, type CatalogueEntry } from './catalogue-entry.js';

/** Errors of the bibliographic database clients (PubMed, Europe PMC, OpenAlex, Crossref) and of saved searches. */
export const SEARCH_ERRORS = {
  EXO_ERR_SEARCH_BAD_OPTION: { description: 'A search option is missing or invalid (service name, query, base URL, budget, schedule)', status: 400, exit: EXIT.usage },
  EXO_ERR_SEARCH_UNAVAILABLE: { description: 'The bibliographic service could not be reached or kept failing (network error, 429 or 5xx) after every retry', status: 502, exit: EXIT.failure },
  EXO_ERR_SEARCH_REJECTED: { description: 'The bibliographic service refused the request (4xx other than 429: bad query, bad API key)', status: 502, exit: EXIT.failure },
  EXO_ERR_SEARCH_BAD_RESPONSE: { description: 'The bibliographic service answered with something that is not in its documented format', status: 502, exit: EXIT.failure },
  EXO_ERR_SEARCH_NOT_FOUND: { description: 'No saved search with that id in this project', status: 404, exit: EXIT.notFound },
  EXO_ERR_SEARCH_RUN_IN_PROGRESS: { description: 'This saved search is already running; wait for the run to finish', status: 409, exit: EXIT.conflict },
} as const satisfies Record<string, CatalogueEntry>;
