import { ExoError, type ErrorContext } from '@exoatlas/core';
import type { LiteratureErrorCode } from './error-codes.js';

export { LITERATURE_ERRORS, type LiteratureErrorCode } from './error-codes.js';

/** Where in the input a problem is. */
export type LiteratureErrorContext = Pick<ErrorContext, 'file' | 'line' | 'record' | 'field'>;

/** The project's one error class, its code limited to literature's own (so every code thrown is in the catalogue). */
export const LiteratureError = ExoError as new (code: LiteratureErrorCode, message: string, context?: LiteratureErrorContext) => ExoError<LiteratureErrorCode>;
export type LiteratureError = ExoError<LiteratureErrorCode>;

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
