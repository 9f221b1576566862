import { ExoError, type ErrorContext } from '@exoatlas/core';
import type { MetaErrorCode } from './error-codes.js';

export { META_ERRORS, type MetaErrorCode } from './error-codes.js';

/** Where in the data an error is: 1-based data row, column name, option name. */
export type MetaErrorContext = Pick<ErrorContext, 'row' | 'column' | 'field'>;

/** The project's one error class, its code limited to meta's own (so every code meta throws is in the catalogue). */
export const MetaError = ExoError as new (code: MetaErrorCode, message: string, context?: MetaErrorContext) => ExoError<MetaErrorCode>;
export type MetaError = ExoError<MetaErrorCode>;

/** Prefix for messages about one cell: `row 4, column "sd1i": `. */
export function cellPrefix(row: number, column: string): string {
  return `row ${row}, column "${column}": `;
}
