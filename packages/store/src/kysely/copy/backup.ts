import Database from 'better-sqlite3';
import { ExoError } from '@exoatlas/schema';

/**
 * A consistent copy of a live SQLite file through SQLite's online backup API (better-sqlite3 `backup`): other
 * processes may keep reading and writing meanwhile. Returns the pages copied.
 */
export async function backupSqlite(from: string, to: string): Promise<{ totalPages: number }> {
  let db: Database.Database;
  try {
    db = new Database(from, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new ExoError('EXO_ERR_STORE_OPEN', `cannot open the database at ${from} (${(error as Error).message})`, { file: from });
  }
  try {
    const { totalPages } = await db.backup(to);
    return { totalPages };
  } catch (error) {
    throw new ExoError('EXO_ERR_STORE_OPEN', `cannot write the backup to ${to} (${(error as Error).message})`, { file: to });
  } finally {
    db.close();
  }
}
