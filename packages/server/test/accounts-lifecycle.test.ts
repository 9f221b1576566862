import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { KyselyStores } from '@exoatlas/store';
import { accountsApp } from './accounts-helpers.js';
import { skipped, testBackends } from '../../../test/helpers/backends.js';

describe.each(await testBackends())('on $name', (backend) => {
  if (skipped(backend)) return;

  let ctx: Awaited<ReturnType<typeof accountsApp>>;
  let tokens: Record<string, string> & { olivia: string; alice: string; bob: string };
  beforeAll(async () => {
    ctx = await accountsApp({ backend: backend.name });
    tokens = (await ctx.users('olivia', 'alice', 'bob')) as typeof tokens;
  }, 60_000);
  afterAll(() => ctx.close());

  const me = (token: string) => ctx.call('GET', '/api/reviews/auth/me', { token });

  describe('issue 17 item 9: account lifecycle', () => {
    it('change password: needs the current one, applies the policy, ends the other sessions and keeps this one', async () => {
      const other = await ctx.login('alice');
      expect((await ctx.call('POST', '/api/reviews/auth/password', { token: tokens.alice, body: { currentPassword: 'wrong-password', newPassword: 'a-new-long-passphrase' } })).status).toBe(401);
      expect((await ctx.call('POST', '/api/reviews/auth/password', { token: tokens.alice, body: { currentPassword: 'alice-password', newPassword: 'password1' } })).body.error.code).toBe('EXO_ERR_AUTH_WEAK_PASSWORD');
      expect((await ctx.call('POST', '/api/reviews/auth/password', { token: tokens.alice, body: { currentPassword: 'alice-password', newPassword: 'a-new-long-passphrase' } })).status).toBe(204);
      expect((await me(tokens.alice)).status).toBe(200);
      expect((await me(other)).status).toBe(401);
      expect((await ctx.call('POST', '/api/reviews/auth/login', { body: { username: 'alice', password: 'alice-password' } })).status).toBe(401);
      tokens.alice = await ctx.login('alice', 'a-new-long-passphrase');
    }, 60_000);

    it('an admin disables an account: its sessions stop working and it cannot sign in; enabled again, it can', async () => {
      expect((await ctx.call('POST', '/api/reviews/users/bob/disable', { token: tokens.alice })).status).toBe(403);
      expect((await ctx.call('POST', '/api/reviews/users/olivia/disable', { token: tokens.olivia })).status).toBe(400);
      const disabled = await ctx.call('POST', '/api/reviews/users/bob/disable', { token: tokens.olivia });
      expect(disabled.status).toBe(200);
      expect(disabled.body.user).toMatchObject({ username: 'bob', isDisabled: true });
      expect((await me(tokens.bob)).status).toBe(401);
      const refused = await ctx.call('POST', '/api/reviews/auth/login', { body: { username: 'bob', password: 'bob-password' } });
      expect([refused.status, refused.body.error.code]).toEqual([403, 'EXO_ERR_AUTH_ACCOUNT_DISABLED']);
      // A wrong password for a disabled account says only "wrong": being disabled is not revealed to a guesser.
      expect((await ctx.call('POST', '/api/reviews/auth/login', { body: { username: 'bob', password: 'not-bobs-password' } })).body.error.code).toBe('EXO_ERR_AUTH_INVALID_CREDENTIALS');
      expect((await ctx.call('POST', '/api/reviews/users/bob/enable', { token: tokens.olivia })).body.user.isDisabled).toBe(false);
      tokens.bob = await ctx.login('bob');
      const list = await ctx.call('GET', '/api/reviews/users', { token: tokens.olivia });
      expect(list.body.items.map((u: { username: string; isDisabled: boolean }) => [u.username, u.isDisabled])).toEqual([
        ['alice', false],
        ['bob', false],
        ['olivia', false],
      ]);
      expect((await ctx.call('GET', '/api/reviews/users', { token: tokens.bob })).status).toBe(403);
    }, 60_000);

    it('sign out everywhere ends all of your sessions; an admin can end anyone’s, a user only their own', async () => {
      const second = await ctx.login('bob');
      expect((await ctx.call('POST', '/api/reviews/users/alice/sessions/revoke', { token: tokens.bob })).status).toBe(403);
      const own = await ctx.call('POST', '/api/reviews/auth/sessions/revoke', { token: tokens.bob });
      expect(own.body.ended).toBe(2);
      expect((await me(second)).status).toBe(401);
      expect((await me(tokens.bob)).status).toBe(401);
      tokens.bob = await ctx.login('bob');
      expect((await ctx.call('POST', '/api/reviews/users/bob/sessions/revoke', { token: tokens.olivia })).body.ended).toBe(1);
      expect((await me(tokens.bob)).status).toBe(401);
      tokens.bob = await ctx.login('bob');
    }, 60_000);

    // Ages one of olivia's sessions (she signs in again here; any session would be the first by random token hash,
    // which made later tests flaky) through the store's own database connection.
    it('expired sessions are purged at sign-in, and the session lifetime defaults to 14 days', async () => {
      const { db } = (ctx.stores as KyselyStores).database;
      await sql`UPDATE review_sessions SET expires_at = '2000-01-01T00:00:00.000Z' WHERE token_hash IN (SELECT token_hash FROM review_sessions WHERE user_id = (SELECT id FROM review_users WHERE username = 'olivia') LIMIT 1)`.execute(db);
      const expired = async () => Number((await sql<{ n: number }>`SELECT count(*) AS n FROM review_sessions WHERE expires_at <= ${new Date().toISOString()}`.execute(db)).rows[0]!.n);
      expect(await expired()).toBe(1);
      const res = await ctx.call('POST', '/api/reviews/auth/login', { body: { username: 'olivia', password: 'olivia-password' } });
      expect(await expired()).toBe(0);
      const days = (Date.parse(res.body.expiresAt) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(13.9);
      expect(days).toBeLessThanOrEqual(14);
      expect(String(res.headers['set-cookie'])).toContain(`Max-Age=${14 * 86_400}`);
      tokens.olivia = res.body.token;
    }, 60_000);

    it('an owner removes a member: decisions stay attributed, the audit log says so, the last owner cannot be removed', async () => {
      const P = '/api/reviews/lifecycle';
      expect((await ctx.call('POST', '/api/reviews', { token: tokens.olivia, body: { id: 'lifecycle', name: 'Lifecycle' } })).status).toBe(201);
      for (const [name, role] of [['alice', 'reviewer'], ['bob', 'viewer']]) expect((await ctx.call('POST', `${P}/members`, { token: tokens.olivia, body: { username: name, role } })).status).toBe(200);
      const ris = 'TY  - JOUR\nTI  - A study of exosomes\nPY  - 2020\nER  - \n';
      expect((await ctx.call('POST', `${P}/searches`, { token: tokens.olivia, body: { database: 'PubMed', date: '2024-01-01', files: [{ name: 'a.ris', content: ris }] } })).status).toBe(201);
      const record = (await ctx.call('GET', `${P}/records`, { token: tokens.alice })).body.items[0].id as number;
      expect((await ctx.call('POST', `${P}/records/${record}/decisions`, { token: tokens.alice, body: { decision: 'include', expectedVersion: 0 } })).status).toBe(201);

      expect((await ctx.call('DELETE', `${P}/members/bob`, { token: tokens.alice })).status).toBe(403);
      const last = await ctx.call('DELETE', `${P}/members/olivia`, { token: tokens.olivia });
      expect([last.status, last.body.error.code]).toEqual([409, 'EXO_ERR_REVIEW_LAST_OWNER']);
      expect((await ctx.call('DELETE', `${P}/members/nobody`, { token: tokens.olivia })).status).toBe(404);
      const removed = await ctx.call('DELETE', `${P}/members/alice`, { token: tokens.olivia });
      expect(removed.body.members.map((m: { username: string }) => m.username)).toEqual(['olivia', 'bob']);
      expect((await ctx.call('GET', P, { token: tokens.alice })).status).toBe(404);
      const audit = await ctx.call('GET', `${P}/audit`, { token: tokens.olivia });
      expect(audit.body.items[0]).toMatchObject({ action: 'member.remove', username: 'olivia', before: { role: 'reviewer' }, after: { role: null, decisionsKept: 1 } });
      const decisions = (await ctx.call('GET', `${P}/audit?user=alice`, { token: tokens.olivia })).body.items;
      expect(decisions).toEqual([expect.objectContaining({ action: 'decision', username: 'alice' })]);
    }, 60_000);

    it('every account action is in the account log, which only admins read', async () => {
      expect((await ctx.call('GET', '/api/reviews/users/audit', { token: tokens.alice })).status).toBe(403);
      const log = await ctx.call('GET', '/api/reviews/users/audit', { token: tokens.olivia });
      expect(log.body.items.map((e: { action: string; actor: string; target: string }) => `${e.action} ${e.actor}→${e.target}`).reverse()).toEqual([
        'user.create olivia→olivia',
        'user.create olivia→alice',
        'user.create olivia→bob',
        'user.password alice→alice',
        'user.disable olivia→bob',
        'user.enable olivia→bob',
        'user.sessions.revoke bob→bob',
        'user.sessions.revoke olivia→bob',
      ]);
    });
  });
});
