import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { skipped, testBackends } from '../../../test/helpers/backends.js';
import { cliDatabase, type CliDatabase } from '../../../test/helpers/cli-database.js';
import { cliBin, tempDir } from '../../../test/helpers/paths.js';

const tmp = tempDir('exoatlas-accounts-cli-');
afterAll(() => tmp.cleanup());

function exoatlas(db: CliDatabase, args: string[], input?: string) {
  const r = spawnSync(process.execPath, [cliBin, ...args], { encoding: 'utf8', input, env: { ...process.env, ...db.env, EXOATLAS_USER: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const ok = (r: ReturnType<typeof exoatlas>) => {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r;
};

describe.each(await testBackends())('on $name', (backend) => {
  if (skipped(backend)) return;
  describe('issue 17 item 9: exoatlas review user passwd|disable|enable|unlock|revoke-sessions|list and member remove', () => {
    it('manages accounts from the command line; a weak password and a non-admin are refused; the last owner stays', async () => {
      const db = await cliDatabase(backend.name, tmp.dir, 'accounts');
      const weak = exoatlas(db, ['review', 'user', 'add', 'alice', '--password-stdin'], 'password\n');
      expect(weak.code).toBe(2);
      expect(weak.stderr).toMatch(/at least 10 characters/);
      ok(exoatlas(db, ['review', 'user', 'add', 'alice', '--password-stdin'], 'alice-password\n'));
      ok(exoatlas(db, ['review', 'user', 'add', 'bob', '--password-stdin'], 'bob-password\n'));
      expect(ok(exoatlas(db, ['review', 'user', 'passwd', 'alice', '--password-stdin'], 'a-brand-new-passphrase\n')).stdout).toMatch(/password of alice changed/);
      expect(ok(exoatlas(db, ['review', 'user', 'disable', 'bob'])).stdout).toMatch(/bob disabled/);
      const listed = JSON.parse(ok(exoatlas(db, ['review', 'user', 'list', '--json'])).stdout).items;
      expect(listed.map((u: { username: string; isDisabled: boolean }) => [u.username, u.isDisabled])).toEqual([
        ['alice', false],
        ['bob', true],
        ['local', false],
      ]);
      ok(exoatlas(db, ['review', 'user', 'enable', 'bob']));
      ok(exoatlas(db, ['review', 'user', 'unlock', 'bob']));
      expect(JSON.parse(ok(exoatlas(db, ['review', 'user', 'revoke-sessions', 'bob', '--json'])).stdout)).toEqual({ username: 'bob', ended: 0 });
      // A non-admin acting as itself cannot disable anyone.
      expect(exoatlas(db, ['review', 'user', 'disable', 'alice', '--as', 'bob']).code).toBe(7);

      ok(exoatlas(db, ['review', 'create', '--name', 'Members', '--id', 'members']));
      ok(exoatlas(db, ['review', 'member', 'members', 'alice', '--role', 'reviewer']));
      expect(ok(exoatlas(db, ['review', 'member', 'remove', 'members', 'alice'])).stdout).toMatch(/alice removed from members/);
      const last = exoatlas(db, ['review', 'member', 'remove', 'members', 'local']);
      expect(last.code).toBe(6);
      expect(last.stderr).toMatch(/last owner/);
      const audit = JSON.parse(ok(exoatlas(db, ['review', 'audit', 'members', '--json'])).stdout);
      expect(audit.items[0]).toMatchObject({ action: 'member.remove' });
    }, 120_000);
  });
});
