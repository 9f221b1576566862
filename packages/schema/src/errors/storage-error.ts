/**
 * A storage failure of SQLite (better-sqlite3's `code`) or PostgreSQL (SQLSTATE), named for the user instead of
 * surfacing as an unexpected error: the disk is full, or the database cannot be read or written. A busy database
 * (SQLITE_BUSY/LOCKED) is not here: toExoError answers it first with EXO_ERR_STORE_BUSY and Retry-After.
 */
export function storageErrorCode(error: unknown): { code: 'EXO_ERR_STORE_FULL' | 'EXO_ERR_STORE_UNAVAILABLE'; message: string; cause: string } | undefined {
  const cause = (error as { code?: unknown } | null)?.code;
  if (typeof cause !== 'string') return undefined;
  const detail = error instanceof Error ? error.message : String(error);
  if (cause === 'SQLITE_FULL' || cause === '53100') return { code: 'EXO_ERR_STORE_FULL', message: `the database is full (${detail}); nothing was written — free disk space and try again`, cause };
  if (/^SQLITE_(IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB|PROTOCOL)/.test(cause) || cause === '53000' || cause === '58030') {
    return { code: 'EXO_ERR_STORE_UNAVAILABLE', message: `the database could not be read or written (${cause}: ${detail}); nothing was written`, cause };
  }
  return undefined;
}
