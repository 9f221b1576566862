/**
 * Issue 18 in the browser: every count the overview's heat map and the study filters show is the number of studies
 * the list they open shows; "where tested" holds iMSC vesicle studies only; a corrected claim shows both values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUITE, canRun, open, startAtlas, watchedPage, type Atlas, type Watched } from './harness.js';

/** The number of studies the study list says it shows ("12 studies of 56 · filtered by …"). */
async function listedCount(w: Watched): Promise<number> {
  const count = w.page.locator('.result-count');
  await expect.poll(() => count.textContent()).toMatch(/^\d+ stud/);
  await w.page.locator('table caption', { hasText: 'Studies matching the filters' }).or(w.page.locator('.empty')).first().waitFor();
  return Number(/^(\d+)/.exec((await count.textContent()) ?? '')![1]);
}

describe.skipIf(!canRun)('issue 18: counts in the browser', SUITE, () => {
  let atlas: Atlas;
  let w: Watched;
  beforeAll(async () => {
    atlas = await startAtlas();
    w = await watchedPage(atlas);
  });
  afterAll(async () => {
    await atlas?.close();
  });

  it('issue 18 item 4: every heat-map cell and every cell-source, comparator and species option counts the studies its list shows', { timeout: 240_000 }, async () => {
    const { page } = w;
    await open(page, '/');
    const links = page.locator('table.heatmap td a');
    await expect.poll(() => links.count()).toBeGreaterThan(10);
    const cells = await links.evaluateAll((as) => as.map((a) => ({ count: Number(a.textContent), href: a.getAttribute('href')!, name: a.getAttribute('aria-label') })));
    for (const cell of cells) {
      await open(page, cell.href);
      expect(await listedCount(w), `${cell.name} → ${cell.href}`).toBe(cell.count);
    }
    for (const select of ['Vesicles from (cell source)', 'Compared with', 'Species']) {
      await open(page, '/studies');
      const options = await page
        .getByLabel(select)
        .locator('option')
        .evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })).filter((o) => o.value !== ''));
      expect(options.length, select).toBeGreaterThan(0);
      for (const o of options) {
        await page.getByLabel(select).selectOption(o.value);
        await page.waitForURL(new RegExp(`=${encodeURIComponent(o.value)}(&|$)`));
        expect(await listedCount(w), `${select}: ${o.text}`).toBe(Number(/\((\d+)\)\s*$/.exec(o.text)![1]));
        await open(page, '/studies');
      }
    }
    // The overview's count, the study list's total and /api/health agree.
    await open(page, '/');
    const stat = page.locator('.stat', { hasText: 'studies' }).locator('.stat-number');
    await expect.poll(() => stat.textContent()).toMatch(/^\d+$/);
    const overviewCount = Number(await stat.textContent());
    const health = (await (await page.request.get('/api/health')).json()) as { counts: { studies: number } };
    expect(health.counts.studies).toBe(overviewCount);
    await open(page, '/studies');
    await listedCount(w);
    expect(Number(/of (\d+)/.exec((await page.locator('.result-count').textContent()) ?? '')?.[1])).toBe(overviewCount);
    w.expectClean();
  });

  it('issue 18 items 5 and 6: "where tested" lists iMSC vesicle studies only; a corrected claim shows what was printed and the correction', async () => {
    const { page } = w;
    await open(page, '/');
    const tested = page.getByRole('region', { name: 'Table of conditions and models of iMSC vesicle studies' });
    await expect.poll(() => tested.locator('tbody tr').count()).toBeGreaterThan(5);
    await expect.poll(() => tested.textContent()).not.toMatch(/Bloor|Giuliani|graft-versus-host/i);
    const apart = page.locator('.not-imsc-exosomes');
    await expect.poll(() => apart.textContent()).toMatch(/Bloor[\s\S]*iMSC cell therapy|iMSC cell therapy[\s\S]*Bloor/);
    await expect.poll(() => apart.textContent()).toContain('vesicles from iPSC');

    await open(page, '/entities/pdcd4');
    const card = page.locator('#claim-table1-mir-135b-inhibits-pdcd4');
    await expect.poll(() => card.textContent()).toContain('vesicles from MSC');
    await expect.poll(() => card.locator('.claim-correction').textContent()).toMatch(/printed: iMSC; corrected: MSC — curators' note: Reference \[115\]/);
    w.expectClean();
  });
});
