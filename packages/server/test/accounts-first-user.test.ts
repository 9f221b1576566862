import { afterEach, describe, expect, it } from 'vitest';
import { accountsApp } from './accounts-helpers.js';
import { skipped, testBackends } from '../../../test/helpers/backends.js';

describe.each(await testBackends())('on $name', (backend) => {
  if (skipped(backend)) return;

  let ctx: Awaited<ReturnType<typeof accountsApp>> | undefined;
  afterEach(async () => {
    await ctx?.close();
    ctx = undefined;
  });

  describe('issue 17 item 3: the first account is created once', () => {
    it('8 parallel unauthenticated sign-ups on an empty database: exactly one 201 (an admin), the others 401, one user in the database', async () => {
      ctx = await accountsApp({ backend: backend.name });
      const app = ctx;
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => app.call('POST', '/api/reviews/users', { body: { username: `racer${i}`, password: `racer${i}-password` } })));
      const created = results.filter((r) => r.status === 201);
      expect(created).toHaveLength(1);
      expect(created[0]!.body.user.isAdmin).toBe(true);
      for (const r of results.filter((x) => x.status !== 201)) {
        expect(r.status).toBe(401);
        expect(r.body.error.code).toBe('EXO_ERR_AUTH_REQUIRED');
      }
      const users = await ctx.stores.review.listUsers();
      expect(users.map((u) => u.isAdmin)).toEqual([true]);
      // The account log records the creation of the first account.
      const admin = created[0]!.body.user.username as string;
      const token = await ctx.login(admin);
      const log = await ctx.call('GET', '/api/reviews/users/audit', { token });
      expect(log.body.items).toEqual([expect.objectContaining({ action: 'user.create', actor: admin, target: admin, details: { isAdmin: true, isFirst: true } })]);
    });

    it('after the first account, only a signed-in admin adds users (a non-admin gets 403)', async () => {
      ctx = await accountsApp({ backend: backend.name });
      const tokens = await ctx.users('olivia', 'alice');
      expect((await ctx.call('POST', '/api/reviews/users', { body: { username: 'eve', password: 'eve-password' } })).status).toBe(401);
      expect((await ctx.call('POST', '/api/reviews/users', { token: tokens.alice, body: { username: 'eve', password: 'eve-password' } })).status).toBe(403);
      const byAdmin = await ctx.call('POST', '/api/reviews/users', { token: tokens.olivia, body: { username: 'eve', password: 'eve-password', isAdmin: false } });
      expect(byAdmin.status).toBe(201);
      expect(byAdmin.body.user.isAdmin).toBe(false);
    });

    it('issue 20: GET /api/reviews/auth/setup says whether any account exists, and nothing more', async () => {
      ctx = await accountsApp({ backend: backend.name });
      const before = await ctx.call('GET', '/api/reviews/auth/setup');
      expect(before.status).toBe(200);
      expect(before.body).toEqual({ hasAccounts: false });
      await ctx.users('olivia');
      expect((await ctx.call('GET', '/api/reviews/auth/setup')).body).toEqual({ hasAccounts: true });
      expect((await ctx.call('GET', '/api/reviews/auth/setup?who=1')).status).toBe(400);
    });
  });
});
