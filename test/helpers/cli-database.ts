import { join } from 'node:path';
import { newPostgresDatabase, type Backend } from './backends.js';

/**
 * A database for the `exoatlas` commands of a CLI test on one backend (issue 16 part 4): a new SQLite file in `dir`,
 * or a fresh database on the test file's PostgreSQL server (backends.ts). The CLI takes `--database-url URL` and
 * DATABASE_URL wherever it takes `--db FILE` and EXOATLAS_DB, so a test names the database one way or the other.
 */
export interface CliDatabase {
  backend: Backend;
  /** The SQLite file or the PostgreSQL URL. */
  location: string;
  /** The flag naming it: `--db FILE` or `--database-url URL`. */
  flag: string[];
  /** The environment naming it, the other backend's variable emptied (an explicit flag still wins). */
  env: Record<string, string>;
}

export async function cliDatabase(backend: Backend, dir: string, name: string): Promise<CliDatabase> {
  if (backend === 'postgres') {
    const url = await newPostgresDatabase();
    return { backend, location: url, flag: ['--database-url', url], env: { DATABASE_URL: url, EXOATLAS_DB: '' } };
  }
  const file = join(dir, `${name}.sqlite`);
  return { backend, location: file, flag: ['--db', file], env: { EXOATLAS_DB: file, DATABASE_URL: '' } };
}
