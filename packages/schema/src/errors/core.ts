import { EXIT, type CatalogueEntry } from './catalogue-entry.js';

/** Errors of the atlas, its data, its store, its CLI and its HTTP API. */
export const CORE_ERRORS = {
  EXO_ERR_DATA_PARSE: { description: 'A data file is not valid YAML', status: 500, exit: EXIT.invalidData },
  EXO_ERR_DATA_INVALID: { description: 'A data record does not match its schema', status: 500, exit: EXIT.invalidData },
  EXO_ERR_DATA_DUPLICATE_ID: { description: 'Two records of one kind share an id', status: 500, exit: EXIT.invalidData },
  EXO_ERR_DATA_DANGLING_REF: { description: 'A record points at an entity, study or reference that does not exist', status: 500, exit: EXIT.invalidData },
  EXO_ERR_DATA_QUOTE_NOT_VERBATIM: { description: 'A provenance quote is not a verbatim span of the review', status: 500, exit: EXIT.invalidData },
  EXO_ERR_DATA_MISSING: { description: 'The data directory or a required file is missing', status: 500, exit: EXIT.invalidData },
  EXO_ERR_STORE_OPEN: { description: 'The database cannot be opened or written', status: 500, exit: EXIT.storage },
  EXO_ERR_STORE_BUILD: { description: 'The database could not be built from data/', status: 500, exit: EXIT.storage },
  EXO_ERR_QUERY_UNKNOWN_FILTER: { description: 'A filter names a value that does not exist', status: 400, exit: EXIT.usage },
  EXO_ERR_QUERY_INVALID: { description: 'A query parameter or option is malformed', status: 400, exit: EXIT.usage },
  EXO_ERR_QUERY_EMPTY_SEARCH: { description: 'A search needs at least one word', status: 400, exit: EXIT.usage },
  EXO_ERR_NOT_FOUND_STUDY: { description: 'No study has that id', status: 404, exit: EXIT.notFound },
  EXO_ERR_NOT_FOUND_ENTITY: { description: 'No entity has that id, name or synonym', status: 404, exit: EXIT.notFound },
  EXO_ERR_NOT_FOUND_REFERENCE: { description: 'No reference has that number or id', status: 404, exit: EXIT.notFound },
  EXO_ERR_NOT_FOUND_IMPORT: { description: 'No literature import has that id', status: 404, exit: EXIT.notFound },
  EXO_ERR_NOT_FOUND_RECORD: { description: 'No imported literature record has that id', status: 404, exit: EXIT.notFound },
  EXO_ERR_NOT_FOUND_ROUTE: { description: 'No API route at that path', status: 404, exit: EXIT.notFound },
  EXO_ERR_ADVISOR_INPUT: { description: 'The isolation-method advisor was given an impossible or unknown need', status: 400, exit: EXIT.usage },
  EXO_ERR_GRAPH_NO_PATH: { description: 'No path joins the two entities in the mechanism graph', status: 404, exit: EXIT.notFound },
  EXO_ERR_CLI_USAGE: { description: 'The command line is not valid: unknown command, option or missing argument', status: 400, exit: EXIT.usage },
  EXO_ERR_CLI_FILE: { description: 'A file named on the command line cannot be read or written', status: 400, exit: EXIT.usage },
  EXO_ERR_HTTP_BAD_REQUEST: { description: 'The request body or parameters are malformed', status: 400, exit: EXIT.usage },
  EXO_ERR_INTERNAL_UNEXPECTED: { description: 'An unexpected error; please report it', status: 500, exit: EXIT.failure },
} as const satisfies Record<string, CatalogueEntry>;
