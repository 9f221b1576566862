import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliBin, repoRoot, tempDir } from '../../../test/helpers/paths.js';

const tmp = tempDir('exoatlas-busy-');
afterAll(() => tmp.cleanup());
const db = join(tmp.dir, 'atlas.sqlite');
const ris = join(repoRoot, 'packages/literature/test/fixtures/types-and-dates.ris');

/** Runs the CLI without blocking this thread (spawnSync would, and this thread holds the other connection). */
function exoatlas(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cliBin, ...args, '--db', db], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

// SQLite only by nature (issue 16.4): a second writer holds SQLite's single write lock; PostgreSQL has row locks and
// no database-wide writer lock, so there is nothing to be busy on.
describe('issue 16.7: the CLI against a database another process is writing', () => {
  it('exits 5 (storage) with EXO_ERR_STORE_BUSY advice, not 1 "database is locked"', { timeout: 60_000 }, async () => {
    expect(spawnSync(process.execPath, [cliBin, 'import', ris, '--db', db]).status).toBe(0);
    const other = new Database(db);
    other.exec('BEGIN IMMEDIATE');
    try {
      const r = await exoatlas(['import', ris]);
      expect(r.code).toBe(5);
      expect(r.stderr).toMatch(/database is busy with another writer/);
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });
});
