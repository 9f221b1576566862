/**
 * Stopping prioritised screening in the browser: on a project of the review's own 116 references, after a few
 * decisions the dashboard draws the discovery curve; the owner stops screening with a note; the progress table, the
 * screening page and the PRISMA diagram say how many records automation tools excluded; the owner resumes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipped } from '../../../../test/helpers/backends.js';
import { SUITE, axeViolations, browserBackends, canRun, open, screenshot, startAtlas, watchedPage, type Atlas, type Watched } from './harness.js';
import { reviewApi, signIn } from './review-helpers.js';

const PROJECT = 'stop-early';

describe.skipIf(!canRun).each(await browserBackends())('stopping screening from the dashboard on $name', { ...SUITE, timeout: 120_000 }, (backend) => {
  if (skipped(backend)) return;
  let atlas: Atlas;
  let owner: Watched;
  const { call, login } = reviewApi(() => atlas);
  let total = 0;

  beforeAll(async () => {
    atlas = await startAtlas({ backend: backend.name });
    owner = await watchedPage(atlas);
    expect((await call('POST', '/api/reviews/users', { username: 'olivia', password: 'olivia-password' })).status).toBe(201);
    await login('olivia');
    expect((await call('POST', '/api/reviews', { id: PROJECT, name: 'Stop early', question: 'Which isolation methods preserve exosome function?' }, 'olivia')).status).toBe(201);
    const ris = await (await fetch(`${atlas.url}/api/references?format=ris`)).text();
    expect((await call('POST', `/api/reviews/${PROJECT}/searches`, { database: 'Review references', date: '2026-11-27', files: [{ name: 'references.ris', content: ris }] }, 'olivia')).status).toBe(201);
    for (let k = 0; k < 5; k++) {
      const next = (await call('GET', `/api/reviews/${PROJECT}/next`, undefined, 'olivia')).body;
      const body = k < 2 ? { decision: 'include', expectedVersion: 0 } : { decision: 'exclude', reason: 'Wrong outcome', expectedVersion: 0 };
      expect((await call('POST', `/api/reviews/${PROJECT}/records/${next.record.id}/decisions`, body, 'olivia')).status).toBe(201);
    }
    total = (await call('GET', `/api/reviews/${PROJECT}`, undefined, 'olivia')).body.progress['title-abstract'].eligible;
  });
  afterAll(async () => {
    await atlas?.close();
  });

  it('the owner stops with a note; progress, screening page and PRISMA count the records excluded by automation tools; then resumes', async () => {
    const { page } = owner;
    await signIn(page, 'olivia');
    await open(page, `/reviews/${PROJECT}`);
    await expect.poll(() => page.locator('figure.discovery-curve svg title').textContent()).toBe(`Includes found as screening went on: 2 in 5 of ${total} records screened`);
    const form = page.getByRole('form', { name: 'Stop title and abstract screening' });
    await expect.poll(() => form.textContent()).toContain(`the ${total - 5} records nobody has screened will count as excluded by automation tools`);
    expect(await axeViolations(page)).toEqual([]);
    if (backend.name === 'sqlite') await screenshot(page, 'review-dashboard-1280');
    await form.getByLabel('Why stop now (kept in the audit log)').fill('Pilot: stopping rule met');
    await form.getByRole('button', { name: 'Stop title and abstract screening' }).click();
    await page.getByText(`Screening stopped: ${total - 5} unscreened records now count as excluded by automation tools.`, { exact: false }).waitFor();
    await expect.poll(() => page.locator('.stop-screening').first().textContent()).toMatch(/Title and abstract screening was stopped/);
    await expect.poll(() => page.getByRole('table', { name: /Screening progress/ }).textContent()).toContain(`${total - 2} (${total - 5} by automation tools)`);

    await open(page, `/reviews/${PROJECT}/screen`);
    await expect.poll(() => page.locator('main').textContent()).toContain(`Screening was stopped: the ${total - 5} records nobody had screened count as excluded by automation tools.`);
    await open(page, `/reviews/${PROJECT}/prisma`);
    await expect.poll(() => page.locator('.prisma-svg svg').textContent()).toContain(`by a human (n = 3); by automation tools (n = ${total - 5})`);
    await open(page, `/reviews/${PROJECT}/audit`);
    await expect.poll(() => page.locator('main').textContent()).toContain(`${total - 5} unscreened records excluded by automation tools after 5 screened (2 included, 3 since the last include)`);

    await open(page, `/reviews/${PROJECT}`);
    await page.getByRole('button', { name: 'Resume screening' }).click();
    await page.getByText(`Screening resumed: ${total - 5} records are back in the queue.`).waitFor();
    await page.getByRole('form', { name: 'Stop title and abstract screening' }).waitFor();
    owner.expectClean();
  });
});
