/**
 * Every page of the atlas, on a large screen and a 360 px phone (first half): no serious or critical axe-core violation,
 * no console error or failed request, a screenshot kept in test-artifacts/web/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUITE, canRun, startAtlas, watchedPage, type Atlas, type Watched } from './harness.js';
import { PAGES, checkPage, load } from './page-checks.js';

// SQLite only (issue 16.4): layout and accessibility of pages drawn from the loaded atlas, the same on either backend;
// the atlas read from PostgreSQL and its search are in atlas-basics and journeys.
describe.skipIf(!canRun)('every page (1): accessibility, console, screenshots', SUITE, () => {
  let atlas: Atlas;
  let desktop: Watched;
  let phone: Watched;
  beforeAll(async () => {
    atlas = await startAtlas();
    desktop = await watchedPage(atlas, { width: 1280, height: 900 });
    phone = await watchedPage(atlas, { width: 360, height: 760 });
  });
  afterAll(async () => {
    await atlas?.close();
  });

  for (const p of PAGES.slice(0, 7)) {
    it(`${p.name} (${p.path}) has no serious or critical axe violation, on a large screen and on a phone`, () => checkPage(p, desktop, phone));
  }

  it('keeps the navigation usable on a phone: the menu opens from the keyboard', async () => {
    const { page } = phone;
    await load(page, '/', 'table.heatmap');
    const toggle = page.getByRole('button', { name: 'Menu' });
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Studies' }).click();
    await page.waitForURL(/\/studies$/);
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    phone.expectClean();
  });
});
