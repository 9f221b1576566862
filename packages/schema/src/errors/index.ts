import { ExoError as BaseExoError, defineErrors, type ErrorContext } from '@exoatlas/core';
import { LITERATURE_ERRORS } from '@exoatlas/literature/error-codes';
import { META_ERRORS } from '@exoatlas/meta/error-codes';
import { CORE_ERRORS } from './core.js';
import { REVIEW_ERRORS } from './review.js';
import { EXTRACTION_ERRORS } from './extraction.js';
import { HTTP_ERRORS } from './http.js';
import { storageErrorCode } from './storage-error.js';
import { JOB_ERRORS } from './jobs.js';

export { EXIT, type CatalogueEntry } from './catalogue-entry.js';
export type { ErrorContext } from '@exoatlas/core';

/** Each package's own list: meta and literature declare theirs (they are usable without this package). */
type Lists = [typeof CORE_ERRORS, typeof META_ERRORS, typeof LITERATURE_ERRORS, typeof REVIEW_ERRORS, typeof EXTRACTION_ERRORS, typeof HTTP_ERRORS, typeof JOB_ERRORS];
/** The codes that two lists both declare (a spread would silently keep one): must be none. */
type Shared<L extends readonly object[]> = L extends readonly [infer H, ...infer R extends readonly object[]] ? Extract<keyof H, R[number] extends infer U ? (U extends object ? keyof U : never) : never> | Shared<R> : never;
const noCodeTwice: [Shared<Lists>] extends [never] ? true : { declaredTwice: Shared<Lists> } = true;
void noCodeTwice;

/** The one catalogue of error codes; docs/errors.md is generated from it and a test keeps them in step. */
export const ERROR_CATALOGUE = defineErrors('EXO_ERR_', { ...CORE_ERRORS, ...META_ERRORS, ...LITERATURE_ERRORS, ...REVIEW_ERRORS, ...EXTRACTION_ERRORS, ...HTTP_ERRORS, ...JOB_ERRORS });
export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/**
 * The project's one error class (@exoatlas/core's; meta's MetaError and literature's LiteratureError are the same
 * class), its code limited to the catalogue's: `new ExoError('EXO_ERR_…', message, context)`.
 */
export const ExoError = BaseExoError as new (code: ErrorCode, message: string, context?: ErrorContext) => BaseExoError<ErrorCode>;
export type ExoError = BaseExoError<ErrorCode>;

/** True for any error that carries a catalogue code, including those raised by the standalone packages. */
export function hasCatalogueCode(error: unknown): error is Error & { code: ErrorCode; context?: ErrorContext } {
  if (!(error instanceof Error)) return false;
  const code: unknown = (error as { code?: unknown }).code;
  return typeof code === 'string' && code in ERROR_CATALOGUE;
}

/** Maps any thrown value to an ExoError (storage failures become EXO_ERR_STORE_*, unknown errors EXO_ERR_INTERNAL_UNEXPECTED). */
export function toExoError(error: unknown): ExoError {
  if (error instanceof BaseExoError && hasCatalogueCode(error)) return error as ExoError;
  if (hasCatalogueCode(error)) return new ExoError(error.code, error.message, error.context ?? {});
  if (isBusyError(error)) return new ExoError('EXO_ERR_STORE_BUSY', 'the database is busy with another writer; try again in a moment', { retryAfter: 1 });
  const storage = storageErrorCode(error);
  if (storage) return new ExoError(storage.code, storage.message, { cause: storage.cause });
  return new ExoError('EXO_ERR_INTERNAL_UNEXPECTED', error instanceof Error ? error.message : String(error));
}

/** SQLite's "database is locked" (SQLITE_BUSY, SQLITE_LOCKED and their extended codes): another connection holds the write lock. */
export function isBusyError(error: unknown): boolean {
  const code: unknown = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

/** The catalogue rendered as the Markdown of docs/errors.md. */
export function renderErrorCatalogue(): string {
  const rows = Object.entries(ERROR_CATALOGUE).map(([code, e]) => `| \`${code}\` | ${e.description} | ${e.status} | ${e.exit} |`);
  return [
    '# Error catalogue',
    '',
    'Every error ExoAtlas reports carries one of these codes. The HTTP API answers with the status and a JSON body',
    '`{"error": {"code", "message", "context"}}`; the `exoatlas` command prints the message (and where: file, line, row,',
    'column) to stderr and exits with the exit code. This file is generated from `packages/schema/src/errors/` by',
    '`npm run docs`; a test fails when it is stale.',
    '',
    'Exit codes: 1 general failure, 2 usage, 3 not found, 4 invalid input data, 5 storage, 6 conflict, 7 authentication or permission.',
    '',
    '| code | meaning | HTTP status | exit code |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
