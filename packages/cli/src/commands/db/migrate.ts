import { existsSync } from 'node:fs';
import { ExoError } from '@exoatlas/schema';
import { isPostgresUrl, migrationStatus, openKysely } from '@exoatlas/store';
import { ATLAS_OPTIONS, parseCommandArgs } from '../../args.js';
import type { CommandIO } from '../../command-io.js';
import { installationLocation, openMigrated } from './open.js';

/** `exoatlas db migrate [--status]`: brings the schema to the latest migration, or lists applied and pending ones. */
export async function dbMigrate(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseCommandArgs('db migrate', args, { ...ATLAS_OPTIONS, status: { type: 'boolean', default: false } }, false);
  const location = installationLocation(io, values);
  if (values.status) {
    // --status only looks: it does not create a SQLite file that is not there.
    if (!isPostgresUrl(location) && location !== ':memory:' && !existsSync(location)) throw new ExoError('EXO_ERR_CLI_FILE', `the database ${location} does not exist yet (db migrate creates it)`, { file: location });
    const opened = openKysely({ url: location, poolSize: 1 });
    try {
      const status = await migrationStatus(opened);
      if (values.json) io.stdout(JSON.stringify({ database: opened.location, ...status }, null, 2) + '\n');
      else {
        io.stdout(`${opened.location}\n`);
        for (const m of status.migrations) io.stdout(`  ${m.name.padEnd(28)} ${m.appliedAt ? `applied ${m.appliedAt}` : 'pending'}\n`);
        if (status.legacyVersion) io.stdout(`  (a file of the hand-written SQLite store at schema version ${status.legacyVersion}: db migrate records its first migrations as applied)\n`);
      }
      return 0;
    } finally {
      await opened.db.destroy();
    }
  }
  const opened = await openMigrated(location, { mustExist: false, what: 'database' });
  try {
    if (values.json) io.stdout(JSON.stringify({ database: opened.location, applied: opened.applied }, null, 2) + '\n');
    else if (opened.applied.length === 0) io.stdout(`${opened.location}: already at the latest migration\n`);
    else io.stdout(`${opened.location}: applied ${opened.applied.join(', ')}\n`);
    return 0;
  } finally {
    await opened.db.destroy();
  }
}
