/** Where in the input an error is: 1-based data row, column name, option name. */
export interface MetaErrorContext {
  row?: number;
  column?: string;
  field?: string;
}

/** The codes packages/meta raises (all listed in the project's error catalogue, packages/schema/src/errors/meta.ts). */
export type MetaErrorCode =
  | 'EXO_ERR_META_MISSING_COLUMN'
  | 'EXO_ERR_META_NOT_NUMERIC'
  | 'EXO_ERR_META_OUT_OF_RANGE'
  | 'EXO_ERR_META_NO_STUDIES'
  | 'EXO_ERR_META_UNKNOWN_MEASURE'
  | 'EXO_ERR_META_UNKNOWN_METHOD'
  | 'EXO_ERR_META_BAD_OPTION'
  | 'EXO_ERR_META_CONSTANT_MODERATOR'
  | 'EXO_ERR_META_SINGULAR'
  | 'EXO_ERR_META_NO_CONVERGENCE'
  | 'EXO_ERR_META_CSV'
  | 'EXO_ERR_META_CLUSTERS';

/** An error a scientist can act on: a catalogue code, a plain message and where in the data it happened. */
export class MetaError extends Error {
  readonly code: MetaErrorCode;
  readonly context: MetaErrorContext;
  constructor(code: MetaErrorCode, message: string, context: MetaErrorContext = {}) {
    super(message);
    this.name = 'MetaError';
    this.code = code;
    this.context = context;
  }
  toJSON(): { code: string; message: string; context: MetaErrorContext } {
    return { code: this.code, message: this.message, context: this.context };
  }
}

/** Prefix for messages about one cell: `row 4, column "sd1i": `. */
export function cellPrefix(row: number, column: string): string {
  return `row ${row}, column "${column}": `;
}
