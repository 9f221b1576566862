/** The error codes this package raises; `packages/schema/src/errors/literature.ts` lists them in the catalogue. */
export type LiteratureErrorCode =
  | 'EXO_ERR_LIT_EMPTY_FILE'
  | 'EXO_ERR_LIT_MALFORMED'
  | 'EXO_ERR_LIT_TRUNCATED'
  | 'EXO_ERR_LIT_UNKNOWN_FORMAT'
  | 'EXO_ERR_LIT_ENCODING'
  | 'EXO_ERR_LIT_BAD_OPTION';

/** Where in the input a problem is. */
export interface LiteratureErrorContext {
  file?: string;
  line?: number;
  record?: string;
  field?: string;
}

/** A problem the user can fix: the message says where and what was expected. */
export class LiteratureError extends Error {
  readonly code: LiteratureErrorCode;
  readonly context: LiteratureErrorContext;
  constructor(code: LiteratureErrorCode, message: string, context: LiteratureErrorContext = {}) {
    super(message);
    this.name = 'LiteratureError';
    this.code = code;
    this.context = context;
  }
}

/** "pubmed.xml line 2041: " — the prefix every located message starts with. */
export function where(file: string | undefined, line?: number): string {
  const name = file ?? 'input';
  return line === undefined ? `${name}: ` : `${name} line ${line}: `;
}

export type WarningCode =
  | 'missing-title'
  | 'unparsed-year'
  | 'unknown-tags'
  | 'encoding-fallback'
  | 'empty-record'
  | 'ragged-row'
  | 'ignored-text'
  | 'missing-end';

/** Something worth telling the user that did not stop the read. Returned, never printed. */
export interface LiteratureWarning {
  code: WarningCode;
  message: string;
  file?: string;
  line?: number;
  record?: string;
}
