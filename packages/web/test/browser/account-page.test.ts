/**
 * The account page (issue 17), one flow: an admin disables a reviewer from /account (the reviewer's session stops
 * working), enables them again, changes her own password, then signs out everywhere and is back at the sign-in form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipped } from '../../../../test/helpers/backends.js';
import { SUITE, axeViolations, browserBackends, canRun, open, startAtlas, watchedPage, type Atlas, type Watched } from './harness.js';
import { reviewApi, signIn } from './review-helpers.js';

describe.skipIf(!canRun).each(await browserBackends())('the account page on $name', { ...SUITE, timeout: 120_000 }, (backend) => {
  if (skipped(backend)) return;
  let atlas: Atlas;
  let admin: Watched;
  const { call, login } = reviewApi(() => atlas);

  beforeAll(async () => {
    atlas = await startAtlas({ backend: backend.name });
    admin = await watchedPage(atlas);
    expect((await call('POST', '/api/reviews/users', { username: 'olivia', password: 'olivia-password' })).status).toBe(201);
    await login('olivia');
    expect((await call('POST', '/api/reviews/users', { username: 'bob', password: 'bob-password' }, 'olivia')).status).toBe(201);
    await login('bob');
  });
  afterAll(async () => {
    await atlas?.close();
  });

  it('an admin disables and enables a user, changes her password, and signs out everywhere', async () => {
    const { page } = admin;
    await signIn(page, 'olivia');
    await page.getByRole('link', { name: /Your account/ }).click();
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    const users = page.getByRole('region', { name: 'User accounts' });
    await users.getByRole('button', { name: 'Disable bob' }).click();
    await page.getByText('bob: disabled, sessions ended.').waitFor();
    expect((await call('GET', '/api/reviews/auth/me', undefined, 'bob')).status).toBe(401);
    await users.getByRole('button', { name: 'Enable bob' }).click();
    await page.getByText('bob: enabled.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const form = page.getByRole('form', { name: 'Change your password' });
    await form.getByLabel('Current password').fill('olivia-password');
    await form.getByLabel('New password').fill('password');
    await form.getByRole('button', { name: 'Change the password' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/at least 10 characters/);
    await form.getByLabel('New password').fill('a-much-longer-passphrase');
    await form.getByRole('button', { name: 'Change the password' }).click();
    await page.getByText('Password changed.').waitFor();
    // The API token from before the change is another session of hers: it has ended.
    expect((await call('GET', '/api/reviews/auth/me', undefined, 'olivia')).status).toBe(401);

    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.getByRole('form', { name: 'Sign in' }).waitFor();
    await open(page, '/reviews');
    await page.getByRole('form', { name: 'Sign in' }).waitFor();
  });
});
