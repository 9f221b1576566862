/**
 * The web shell (issue 2) in headless Chromium: the layout and navigation, the studies list with filters and
 * search, the study page with every field, the provenance quotes and the references.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipped } from '../../../../test/helpers/backends.js';
import { SUITE, browserBackends, canRun, open, startAtlas, watchedPage, type Atlas, type Watched } from './harness.js';

describe.skipIf(!canRun).each(await browserBackends())('the atlas in the browser: basics, on $name', SUITE, (backend) => {
  if (skipped(backend)) return;
  // The atlas pages are drawn from the atlas the server loads from the store at start (the same data on either
  // backend); search asks the store itself. PostgreSQL runs the tests declared with `it` (search, and what reads the
  // stored data), SQLite every one (CI time).
  const onSqliteOnly = it.runIf(backend.name === 'sqlite');

  let atlas: Atlas;
  let w: Watched;
  beforeAll(async () => {
    atlas = await startAtlas({ backend: backend.name });
    w = await watchedPage(atlas);
  });
  afterAll(async () => {
    await atlas?.close();
  });

  it('opens the atlas, searches for "miR-135b" and sees the steroid-induced osteonecrosis study', async () => {
    const { page } = w;
    await open(page, '/');
    const box = page.getByRole('searchbox', { name: 'Search the atlas' });
    await box.fill('miR-135b');
    await box.press('Enter');
    await page.waitForURL(/\/search\?q=miR-135b/);
    const hit = page.getByRole('link', { name: /osteonecrosis of the femoral head in rats/i }).first();
    await hit.waitFor();
    // The snippet highlights the match.
    await expect.poll(() => page.locator('.hit mark').first().textContent()).toMatch(/miR-135b/i);
    await hit.click();
    await page.waitForURL(/\/studies\/zhang-2020-osteonecrosis-mir-135b$/);
    await page.getByRole('heading', { level: 1, name: /osteonecrosis/i }).waitFor();
    const main = page.locator('main');
    await expect.poll(() => main.textContent()).toContain('Steroid-induced osteonecrosis of the femoral head in rats');
    w.expectClean();
  });

  it('shows every field of a study, its verbatim quotes with their section and its formatted references', async () => {
    const { page } = w;
    await open(page, '/studies/zhang-2020-osteonecrosis-mir-135b');
    const fields = page.locator('dl.fields');
    for (const name of ['Disease area', 'Condition', 'Model', 'Species', 'Setting', 'Vesicles from', 'Outcome', 'Mechanism', 'Cites']) {
      await expect.poll(() => fields.locator('dt', { hasText: name }).count()).toBeGreaterThan(0);
    }
    await expect.poll(() => fields.textContent()).toContain('miR-135b secreted from iMSC-Exos inhibits expression of PDCD4.');
    const quote = page.locator('figure.quote').first();
    await expect.poll(() => quote.locator('blockquote').textContent()).toContain('Steroid-induced osteonecrosis of the femoral head in rats');
    await expect.poll(() => quote.locator('figcaption').textContent()).toContain('Table 1');
    const refs = page.locator('section[aria-labelledby="references-heading"]');
    await expect.poll(() => refs.textContent()).toMatch(/\[115\]\s*Zhang X, You J, Dong X, Wu Y\./);
    await expect.poll(() => refs.textContent()).toContain('J Cell Mol Med. 2020;24(23):13973–83.');
    await expect.poll(() => page.locator('.curation-note').first().textContent()).toContain('cellSource is MSC');
    w.expectClean();
  });

  onSqliteOnly('filters the studies list with facets and words, keeping every choice in the URL', async () => {
    const { page } = w;
    await open(page, '/studies');
    const count = page.locator('.result-count');
    await expect.poll(() => count.textContent()).toMatch(/^(\d+) studies of \1/);
    const total = Number((await count.textContent())!.split(' ')[0]);
    expect(total).toBeGreaterThanOrEqual(55);
    await page.getByLabel('Disease area').selectOption('musculoskeletal');
    await page.waitForURL(/diseaseArea=musculoskeletal/);
    await page.getByLabel('Species', { exact: true }).selectOption('rat');
    await page.waitForURL(/species=rat/);
    const rows = page.locator('table.study-table tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    for (const text of await rows.allTextContents()) expect(text).toMatch(/Musculoskeletal/);
    await expect.poll(() => page.locator('table.study-table').textContent()).toContain('osteonecrosis of the femoral head in rats');

    // The URL alone restores the view.
    const shared = page.url();
    await page.goto('/');
    await page.goto(shared);
    await expect.poll(() => page.getByLabel('Disease area').inputValue()).toBe('musculoskeletal');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);

    await page.getByLabel('Words in the study').fill('PDCD4');
    await page.waitForURL(/text=PDCD4/);
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => rows.first().textContent()).toContain('miR-135b');
    w.expectClean();
  });

  onSqliteOnly('sorts the table by a column', async () => {
    const { page } = w;
    await open(page, '/studies?inTable1=true');
    await page.getByRole('button', { name: /^Year/ }).click();
    await page.waitForURL(/sort=year/);
    const years = (await page.locator('table.study-table tbody tr td:nth-of-type(1)').allTextContents()).map(Number);
    expect(years.length).toBe(20);
    expect([...years].sort((a, b) => a - b)).toEqual(years);
    await page.getByRole('button', { name: /^Year/ }).click();
    await page.waitForURL(/desc=1/);
    const desc = (await page.locator('table.study-table tbody tr td:nth-of-type(1)').allTextContents()).map(Number);
    expect([...desc].sort((a, b) => b - a)).toEqual(desc);
    await expect.poll(() => page.locator('th[aria-sort="descending"]').count()).toBe(1);
    w.expectClean();
  });

  onSqliteOnly('reaches every page from the one navigation bar', async () => {
    const { page } = w;
    await open(page, '/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    const expected: [string, RegExp][] = [
      ['Studies', /\/studies$/],
      ['Entities', /\/entities$/],
      ['Mechanisms', /\/mechanisms$/],
      ['Isolation methods', /\/methods$/],
      ['Clinical translation', /\/clinical$/],
      ['References', /\/references$/],
      ['Meta-analysis', /\/meta$/],
      ['Reviews', /\/reviews$/],
      ['Overview', /\/$/],
    ];
    for (const [name, url] of expected) {
      await nav.getByRole('link', { name, exact: true }).click();
      await page.waitForURL(url);
      await page.locator('main h1').first().waitFor();
      await expect.poll(() => nav.getByRole('link', { name, exact: true }).getAttribute('aria-current')).toBe('page');
    }
    w.expectClean();
  });
});
