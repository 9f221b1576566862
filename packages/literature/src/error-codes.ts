import { EXIT, defineErrors } from '@exoatlas/core';

/** The codes packages/literature raises; packages/schema assembles them into the project's error catalogue. */
export const LITERATURE_ERRORS = defineErrors('EXO_ERR_LIT_', {
  EXO_ERR_LIT_EMPTY_FILE: { description: 'The bibliographic file is empty or holds no records', status: 400, exit: EXIT.invalidData },
  EXO_ERR_LIT_MALFORMED: { description: 'The bibliographic file is malformed: a line, tag, field or value is not what its format requires', status: 400, exit: EXIT.invalidData },
  EXO_ERR_LIT_TRUNCATED: { description: 'The bibliographic file ends inside a record (truncated download or copy?)', status: 400, exit: EXIT.invalidData },
  EXO_ERR_LIT_UNKNOWN_FORMAT: { description: 'The file is in none of the known bibliographic formats (PubMed XML, MEDLINE/nbib, RIS, BibTeX, CSV/TSV, CSL-JSON, Web of Science plain text, EndNote tagged)', status: 415, exit: EXIT.invalidData },
  EXO_ERR_LIT_ENCODING: { description: 'The file is not text in a known encoding (binary file, or not valid in the encoding asked for)', status: 400, exit: EXIT.invalidData },
  EXO_ERR_LIT_BAD_OPTION: { description: 'A literature option is malformed: unknown format, threshold out of range, duplicate record ids, …', status: 400, exit: EXIT.usage },
});

export type LiteratureErrorCode = keyof typeof LITERATURE_ERRORS;
