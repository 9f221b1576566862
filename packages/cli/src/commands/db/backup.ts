import { existsSync, renameSync, rmSync } from 'node:fs';
import { ExoError } from '@exoatlas/schema';
import { backupSqlite, isPostgresUrl } from '@exoatlas/store';
import { ATLAS_OPTIONS, parseCommandArgs } from '../../args.js';
import type { CommandIO } from '../../command-io.js';
import { copyAndVerify } from './copy.js';
import { installationLocation, locationOf } from './open.js';

const OPTIONS = { ...ATLAS_OPTIONS, force: { type: 'boolean', default: false } } as const;

const removeSqlite = (path: string): void => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
};

/**
 * `exoatlas db backup --to FILE`: a SQLite installation through SQLite's online backup API; a PostgreSQL one copied
 * into a new SQLite file with the copy code (so the backup restores into either backend). Written beside FILE first
 * and renamed into place, so an interrupted backup never leaves a half-written FILE.
 */
export async function dbBackup(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseCommandArgs('db backup', args, { ...OPTIONS, to: { type: 'string' } }, false);
  if (!values.to) throw new ExoError('EXO_ERR_CLI_USAGE', 'db backup needs --to FILE (a SQLite file to write)');
  const to = locationOf(io, values.to);
  if (isPostgresUrl(to)) throw new ExoError('EXO_ERR_CLI_USAGE', 'db backup writes a SQLite file; to copy into PostgreSQL use db copy');
  if (existsSync(to) && !values.force) throw new ExoError('EXO_ERR_STORE_TARGET_NOT_EMPTY', `${to} exists; choose a new file, or give --force to replace it`, { file: to });
  const from = installationLocation(io, values);
  const partial = `${to}.partial`;
  removeSqlite(partial);
  try {
    if (isPostgresUrl(from)) {
      const code = await copyAndVerify(io, from, partial, { force: false, json: values.json, what: 'database' });
      if (code !== 0) return code;
    } else {
      if (!existsSync(from)) throw new ExoError('EXO_ERR_CLI_FILE', `the database ${from} does not exist`, { file: from });
      const { totalPages } = await backupSqlite(from, partial);
      if (values.json) io.stdout(JSON.stringify({ from, to, pages: totalPages }) + '\n');
      else io.stdout(`backed up ${from} (${totalPages} pages, SQLite online backup)\n`);
    }
    removeSqlite(to);
    renameSync(partial, to);
  } finally {
    removeSqlite(partial);
  }
  if (!values.json) io.stdout(`backup written to ${to}\n`);
  return 0;
}

/** `exoatlas db restore --from FILE`: the inverse, into this installation's database (SQLite or PostgreSQL), empty unless --force. */
export async function dbRestore(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseCommandArgs('db restore', args, { ...OPTIONS, from: { type: 'string' } }, false);
  if (!values.from) throw new ExoError('EXO_ERR_CLI_USAGE', 'db restore needs --from FILE (a backup made by db backup)');
  return copyAndVerify(io, locationOf(io, values.from), installationLocation(io, values), { force: values.force, json: values.json, what: 'backup' });
}
