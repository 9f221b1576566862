import { ExoError } from '@exoatlas/schema';
import { compareDigests, copyDatabase, tableDigests, type CopyResult, type OpenedDatabase, type TableDigest } from '@exoatlas/store';
import { parseCommandArgs } from '../../args.js';
import type { CommandIO } from '../../command-io.js';
import { locationOf, openMigrated } from './open.js';

/** `exoatlas db copy --from X --to Y [--force]`: a whole installation from one database to another, then verified. */
export async function dbCopy(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseCommandArgs('db copy', args, { from: { type: 'string' }, to: { type: 'string' }, force: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } }, false);
  if (!values.from || !values.to) throw new ExoError('EXO_ERR_CLI_USAGE', 'db copy needs --from <SQLite file or postgres:// URL> and --to <postgres:// URL or SQLite file>');
  return copyAndVerify(io, locationOf(io, values.from), locationOf(io, values.to), { force: values.force, json: values.json, what: 'source database' });
}

/** `exoatlas db verify --from X --to Y`: row counts and checksums of every table compared; exit 1 when they differ. */
export async function dbVerify(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseCommandArgs('db verify', args, { from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean', default: false } }, false);
  if (!values.from || !values.to) throw new ExoError('EXO_ERR_CLI_USAGE', 'db verify needs --from and --to (SQLite files or postgres:// URLs)');
  const from = await openMigrated(locationOf(io, values.from), { mustExist: true, what: 'database' });
  try {
    const to = await openMigrated(locationOf(io, values.to), { mustExist: true, what: 'database' });
    try {
      return await report(io, await verify(from, to), values.json, null);
    } finally {
      await to.db.destroy();
    }
  } finally {
    await from.db.destroy();
  }
}

/** Copies `from` into `to` (both opened and migrated here) and compares them afterwards. */
export async function copyAndVerify(io: CommandIO, fromLocation: string, toLocation: string, options: { force: boolean; json: boolean; what: string }): Promise<number> {
  const from = await openMigrated(fromLocation, { mustExist: true, what: options.what });
  try {
    const to = await openMigrated(toLocation, { mustExist: false, what: 'target' });
    try {
      const copied = await copyDatabase(from, to, { force: options.force });
      return await report(io, await verify(from, to), options.json, { copied, from: from.location, to: to.location });
    } finally {
      await to.db.destroy();
    }
  } finally {
    await from.db.destroy();
  }
}

interface Verification {
  from: TableDigest[];
  differences: ReturnType<typeof compareDigests>;
}

async function verify(from: OpenedDatabase, to: OpenedDatabase): Promise<Verification> {
  const a = await tableDigests(from);
  return { from: a, differences: compareDigests(a, await tableDigests(to)) };
}

async function report(io: CommandIO, v: Verification, json: boolean, copy: { copied: CopyResult; from: string; to: string } | null): Promise<number> {
  const isEqual = v.differences.length === 0;
  if (json) {
    io.stdout(JSON.stringify({ ...(copy ? { from: copy.from, to: copy.to, copied: copy.copied.tables } : {}), tables: v.from, isEqual, differences: v.differences }, null, 2) + '\n');
  } else {
    if (copy) {
      io.stdout(`copied ${copy.from} → ${copy.to}\n`);
      for (const t of copy.copied.tables) io.stdout(`  ${t.table.padEnd(24)} ${String(t.rows).padStart(8)} rows${t.isIndex ? ' (full-text index, rebuilt)' : ''}\n`);
    } else {
      for (const t of v.from) io.stdout(`  ${t.table.padEnd(24)} ${String(t.rows).padStart(8)} rows  ${t.checksum.slice(0, 16)}\n`);
    }
    if (isEqual) io.stdout(`verified: ${v.from.length} tables, row counts and checksums equal\n`);
    for (const d of v.differences) io.stderr(`differs: ${d.table}: ${d.from ? `${d.from.rows} rows` : 'missing'} vs ${d.to ? `${d.to.rows} rows` : 'missing'}${d.from && d.to && d.from.rows === d.to.rows ? ' (same count, different checksum)' : ''}\n`);
  }
  return isEqual ? 0 : 1;
}
