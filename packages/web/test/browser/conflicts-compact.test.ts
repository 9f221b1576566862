/**
 * Issue 20, compact conflicts: ten conflicting records on a dual-screening project fit in a compact list (the page
 * was 13,000 px tall for 10), filterable by kind and reviewer, with the abstract folded away; the owner, who
 * screened none of them, resolves several at once from the bar above the list, then the rest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUITE, axeViolations, canRun, open, screenshot, startAtlas, watchedPage, type Atlas } from './harness.js';
import { reviewApi, signIn } from './review-helpers.js';

const PROJECT = 'compact';

describe.skipIf(!canRun)('issue 20 compact conflicts', { ...SUITE, timeout: 120_000 }, () => {
  let atlas: Atlas;
  let reason = '';
  const { call, login } = reviewApi(() => atlas);
  const conflicts = async (): Promise<number> => (await call('GET', `/api/reviews/${PROJECT}/conflicts?stage=title-abstract`, undefined, 'olivia')).body.items.length;

  beforeAll(async () => {
    atlas = await startAtlas();
    expect((await call('POST', '/api/reviews/users', { username: 'olivia', password: 'olivia-password' })).status).toBe(201);
    await login('olivia');
    for (const name of ['alice', 'bob']) expect((await call('POST', '/api/reviews/users', { username: name, password: `${name}-password` }, 'olivia')).status).toBe(201);
    for (const name of ['alice', 'bob']) await login(name);
    expect((await call('POST', '/api/reviews', { id: PROJECT, name: 'Compact', question: 'Do iMSC exosomes heal wounds?', mode: 'dual' }, 'olivia')).status).toBe(201);
    for (const name of ['alice', 'bob']) expect((await call('POST', `/api/reviews/${PROJECT}/members`, { username: name, role: 'reviewer' }, 'olivia')).status).toBe(200);
    const ris = await (await fetch(`${atlas.url}/api/references?format=ris`)).text();
    expect((await call('POST', `/api/reviews/${PROJECT}/searches`, { database: 'Review references', date: '2026-12-01', files: [{ name: 'references.ris', content: ris }] }, 'olivia')).status).toBe(201);
    reason = (await call('GET', `/api/reviews/${PROJECT}/next`, undefined, 'alice')).body.exclusionReasons[0];
    const records = (await call('GET', `/api/reviews/${PROJECT}/records?limit=500`, undefined, 'olivia')).body.items as { id: number }[];
    // ten conflicts: eight disagreements (alice includes, bob excludes) and two where both said maybe
    for (const [i, r] of records.slice(0, 10).entries()) {
      const bob = i < 8 ? { decision: 'exclude', reason } : { decision: 'maybe' };
      const alice = i < 8 ? { decision: 'include' } : { decision: 'maybe' };
      for (const [name, body] of [['alice', alice], ['bob', bob]] as const) {
        const res = await call('POST', `/api/reviews/${PROJECT}/records/${r.id}/decisions`, { stage: 'title-abstract', expectedVersion: 0, ...body }, name);
        expect(res.status, JSON.stringify(res.body)).toBe(201);
      }
    }
    expect(await conflicts()).toBe(10);
  });
  afterAll(async () => {
    await atlas?.close();
  });

  it('issue 20 compact conflicts: ten records in a compact list, filtered, resolved several at once', async () => {
    const w = await watchedPage(atlas, { width: 1400, height: 900 });
    const { page } = w;
    await signIn(page, 'olivia');
    await open(page, `/reviews/${PROJECT}/conflicts`);
    const items = page.locator('ol.conflict-list > li');
    await expect.poll(() => items.count()).toBe(10);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`conflicts page, 10 records at 1,400 px: ${height} px tall`);
    expect(height).toBeLessThan(4000);
    await screenshot(page, 'review-conflicts-compact-1400');
    // the abstract is folded away, one click from the row
    await expect.poll(() => items.first().locator('.record-abstract').isVisible()).toBe(false);
    await items.first().getByText('Abstract and record details').click();
    await expect.poll(() => items.first().locator('.record-abstract, .record-card .muted').first().isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // filter: the two "both said maybe"
    await page.getByLabel('Kind of conflict').selectOption('maybe');
    await expect.poll(() => items.count()).toBe(2);
    await page.getByLabel('Kind of conflict').selectOption('');
    await page.getByLabel('Decided by').selectOption('bob');
    await expect.poll(() => items.count()).toBe(10);
    await page.getByLabel('Decided by').selectOption('');

    // three selected, resolved at once as excluded (the owner screened none: as third reviewer)
    const bulk = page.getByRole('form', { name: 'Resolve the selected conflicts' });
    for (let i = 0; i < 3; i++) await items.nth(i).getByRole('checkbox', { name: /^Select record/ }).check();
    await expect.poll(() => bulk.getByRole('button').last().textContent()).toBe('Resolve 3 selected');
    await bulk.getByLabel('Exclude').check();
    await bulk.getByLabel('Reason').selectOption(reason);
    await expect.poll(() => bulk.textContent()).toContain('As third reviewer');
    await bulk.getByRole('button', { name: 'Resolve 3 selected' }).click();
    await page.getByText(/3 of 3 selected records resolved: exclude/).waitFor();
    await expect.poll(() => items.count()).toBe(7);
    expect(await conflicts()).toBe(7);

    // then all the rest, included
    await bulk.getByLabel(/Select all shown/).check();
    await bulk.getByLabel('Include').check();
    await bulk.getByRole('button', { name: 'Resolve 7 selected' }).click();
    await page.getByText(/7 of 7 selected records resolved: include \(third reviewer\)/).waitFor();
    await expect.poll(() => page.getByText('No conflict at this stage.').count()).toBe(1);
    expect(await conflicts()).toBe(0);
    w.expectClean();
  });
});
