import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliBin, tempDir } from '../../../test/helpers/paths.js';

const tmp = tempDir('exoatlas-cli-dburl-');
afterAll(() => tmp.cleanup());
const db = join(tmp.dir, 'atlas.sqlite');

function exoatlas(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [cliBin, ...args], { encoding: 'utf8', env: { ...process.env, EXOATLAS_DB: '', DATABASE_URL: '', EXOATLAS_USER: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('--database-url / DATABASE_URL (issue 16: one factory opens the stores)', () => {
  it('serve and the atlas and review commands pass a PostgreSQL URL to createStores: an unreachable server is a storage error (exit 5) that hides the password', () => {
    for (const args of [['serve', '--port', '0'], ['studies'], ['review', 'list'], ['synthesis', 'studies', 'p']]) {
      const { code, stderr } = exoatlas([...args, '--database-url', 'postgres://u:secret@127.0.0.1:1/exo']);
      expect(code, args.join(' ')).toBe(5);
      expect(stderr).toMatch(/cannot connect to the PostgreSQL database at postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/exo \(.*ECONNREFUSED/);
      expect(stderr).not.toContain('secret');
    }
    expect(exoatlas(['studies'], { DATABASE_URL: 'postgresql://127.0.0.1:1/exo' }).code).toBe(5);
  });

  it('an explicit --db wins over DATABASE_URL; both flags at once is a usage error', () => {
    const ok = exoatlas(['review', 'list', '--db', db, '--json'], { DATABASE_URL: 'postgres://127.0.0.1:1/exo' });
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ items: [] });
    const both = exoatlas(['studies', '--db', db, '--database-url', 'postgres://127.0.0.1:1/exo']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/either --db FILE .* or --database-url URL/);
  });
});
