import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ExoError } from '@exoatlas/schema';
import { isPostgresUrl, migrateToLatest, openKysely, type OpenedDatabase } from '@exoatlas/store';
import type { CommandIO } from '../../command-io.js';
import { resolvePaths, type AtlasOptions } from '../../context.js';

/** A database named on the command line: a postgres:// URL, or a SQLite file path (relative to the working directory). */
export function locationOf(io: CommandIO, value: string): string {
  return isPostgresUrl(value) || value === ':memory:' ? value : resolve(io.cwd, value);
}

/** The installation's own database, as every command finds it (--db, --database-url, DATABASE_URL, EXOATLAS_DB). */
export function installationLocation(io: CommandIO, options: AtlasOptions): string {
  const { dbPath, databaseUrl } = resolvePaths(io, options);
  return databaseUrl ?? dbPath;
}

/**
 * Opens a database through the Kysely layer and brings it to the latest migration (a file of the hand-written SQLite
 * store is adopted). `mustExist`: a SQLite source file that is missing is an error, not a new empty database.
 */
export async function openMigrated(location: string, options: { mustExist: boolean; what: string }): Promise<OpenedDatabase & { applied: string[] }> {
  if (options.mustExist && !isPostgresUrl(location) && !existsSync(location)) {
    throw new ExoError('EXO_ERR_CLI_FILE', `the ${options.what} ${location} does not exist`, { file: location });
  }
  const opened = openKysely({ url: location, poolSize: 2 });
  try {
    return { ...opened, applied: await migrateToLatest(opened) };
  } catch (error) {
    await opened.db.destroy();
    throw error;
  }
}
