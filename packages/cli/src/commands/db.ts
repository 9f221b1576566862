import { ExoError } from '@exoatlas/schema';
import type { CommandIO } from '../command-io.js';
import { dbBackup, dbRestore } from './db/backup.js';
import { dbCopy, dbVerify } from './db/copy.js';
import { dbMigrate } from './db/migrate.js';

export const DB_HELP = `Usage: exoatlas db <subcommand> [options]

  migrate [--status]                bring the database to the latest migration and print what was applied;
                                    --status lists applied and pending migrations
  copy --from X --to Y [--force]    copy a whole installation between databases (a SQLite file or a
                                    postgres:// URL on either side): every table with its ids, the search
                                    indexes rebuilt, in one transaction on the target; then verified.
                                    The target must be empty unless --force (which replaces its contents)
  verify --from X --to Y            compare the row count and checksum of every table of two databases
  backup --to FILE [--force]        SQLite: the online backup API; PostgreSQL: a copy into a new SQLite file
  restore --from FILE [--force]     copy a backup into this installation's database (empty unless --force)

migrate, backup and restore act on the installation's database: --db FILE, --database-url URL,
DATABASE_URL or EXOATLAS_DB, as every command. --json prints machine-readable output.
`;

const SUBCOMMANDS: Record<string, (args: string[], io: CommandIO) => Promise<number>> = { migrate: dbMigrate, copy: dbCopy, verify: dbVerify, backup: dbBackup, restore: dbRestore };

/** `exoatlas db …`: moving and keeping data (issue 16 part 8). */
export async function dbCommand(args: string[], io: CommandIO): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout(DB_HELP);
    return sub === undefined ? 2 : 0;
  }
  const command = SUBCOMMANDS[sub];
  if (!command) throw new ExoError('EXO_ERR_CLI_USAGE', `unknown db subcommand '${sub}' (migrate, copy, verify, backup, restore)`);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(DB_HELP);
    return 0;
  }
  return command(rest, io);
}
