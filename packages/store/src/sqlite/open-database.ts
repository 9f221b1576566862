import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ExoError } from '@exoatlas/schema';
import { MIGRATIONS } from './migrations.js';

export type SqliteDatabase = Database.Database;

/** Opens (creating if needed) a SQLite database in WAL mode and applies pending migrations. */
export function openDatabase(path: string): SqliteDatabase {
  let db: SqliteDatabase;
  try {
    if (path !== ':memory:') makeDirectories(dirname(path));
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ExoError('EXO_ERR_STORE_OPEN', `cannot open the database at ${path} (${reason}); choose a writable path with --db or EXOATLAS_DB`, { file: path });
  }
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return db;
}

/** mkdir -p one level at a time (Node's recursive mkdir can spin forever on special file systems such as /proc). */
function makeDirectories(dir: string): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) makeDirectories(parent);
  mkdirSync(dir);
}
