/**
 * Issue 20's smaller items in Chromium: no serious axe violation (scrollable-region-focusable) on the phone study
 * page and project dashboard; a mechanism path with no chain says so, without "link may be mistyped" or a logged
 * 404; "Create the first account" only while the server has no account.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUITE, axeViolations, canRun, open, startAtlas, watchedPage, type Atlas } from './harness.js';
import { reviewApi, signIn } from './review-helpers.js';

const PROJECT = 'small';

describe.skipIf(!canRun)('issue 20 smaller items', { ...SUITE, timeout: 120_000 }, () => {
  let atlas: Atlas;
  const { call, login } = reviewApi(() => atlas);
  beforeAll(async () => {
    atlas = await startAtlas();
  });
  afterAll(async () => {
    await atlas?.close();
  });

  it('issue 20: "Create the first account" is offered on a new server, and not once an account exists', async () => {
    const w = await watchedPage(atlas);
    await open(w.page, '/reviews');
    await w.page.getByRole('heading', { name: 'Create the first account' }).waitFor();
    expect((await call('POST', '/api/reviews/users', { username: 'olivia', password: 'olivia-password' })).status).toBe(201);
    await open(w.page, '/reviews');
    await w.page.getByRole('form', { name: 'Sign in' }).waitFor();
    await w.page.getByText(/Accounts are added by this server’s admins/).waitFor();
    expect(await w.page.getByRole('heading', { name: 'Create the first account' }).count()).toBe(0);
    w.expectClean();
  });

  it('issue 20: a mechanism path with no chain says so, with no 404 and no "link may be mistyped"', async () => {
    const w = await watchedPage(atlas);
    await open(w.page, '/mechanisms?from=cell-survival&to=mir-21');
    await w.page.getByText(/No chain of claims leads from .* the claims lead the other way\./).waitFor();
    expect(await w.page.locator('main').textContent()).not.toMatch(/mistyped/);
    w.expectClean();
  });

  it('issue 20: no serious axe violation on the phone study page and project dashboard', async () => {
    await login('olivia');
    expect((await call('POST', '/api/reviews', { id: PROJECT, name: 'Small', question: 'Do iMSC exosomes heal wounds?' }, 'olivia')).status).toBe(201);
    const ris = await (await fetch(`${atlas.url}/api/references?format=ris`)).text();
    expect((await call('POST', `/api/reviews/${PROJECT}/searches`, { database: 'Review references', date: '2026-12-01', files: [{ name: 'references.ris', content: ris }] }, 'olivia')).status).toBe(201);
    for (let k = 0; k < 4; k++) {
      const next = (await call('GET', `/api/reviews/${PROJECT}/next`, undefined, 'olivia')).body;
      const body = k < 2 ? { decision: 'include', expectedVersion: 0 } : { decision: 'exclude', reason: next.exclusionReasons[0], expectedVersion: 0 };
      expect((await call('POST', `/api/reviews/${PROJECT}/records/${next.record.id}/decisions`, body, 'olivia')).status).toBe(201);
    }
    const w = await watchedPage(atlas, { width: 390, height: 844 });
    await w.page.goto('/studies/zhu-2017-osteoarthritis', { waitUntil: 'domcontentloaded' });
    await w.page.locator('.mini-graph svg').first().waitFor();
    await w.page.waitForLoadState('networkidle');
    expect(await axeViolations(w.page), 'study page at 390 px').toEqual([]);
    await signIn(w.page, 'olivia');
    await open(w.page, `/reviews/${PROJECT}`);
    await w.page.locator('figure.discovery-curve svg').waitFor();
    await w.page.waitForLoadState('networkidle');
    expect(await axeViolations(w.page), 'dashboard at 390 px').toEqual([]);
    w.expectClean();
  });
});
