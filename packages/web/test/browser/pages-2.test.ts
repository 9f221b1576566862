/**
 * Every page of the atlas, on a large screen and a 360 px phone (second half): no serious or critical axe-core violation,
 * no console error or failed request, a screenshot kept in test-artifacts/web/.
 * And the load benchmark: initial JavaScript size and the overview's first load on loopback, printed, saved to
 * test-artifacts/web/bench.json and checked against the budgets (250 KB gzip, 1 s).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, SUITE, canRun, startAtlas, watchedPage, type Atlas, type Watched } from './harness.js';
import { PAGES, checkPage, initialJavaScript } from './page-checks.js';

describe.skipIf(!canRun)('every page (2): accessibility, console, screenshots', SUITE, () => {
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

  for (const p of PAGES.slice(7)) {
    it(`${p.name} (${p.path}) has no serious or critical axe violation, on a large screen and on a phone`, () => checkPage(p, desktop, phone));
  }

  it('keeps the initial JavaScript under 250 KB gzip and loads the overview in under 1 s on loopback', async () => {
    const js = initialJavaScript();
    expect(js.files.length).toBeGreaterThan(0);
    expect(js.files.some((f) => /cytoscape|MechanismsPage|MetaPage/i.test(f))).toBe(false);
    expect(js.gzipBytes).toBeLessThanOrEqual(250 * 1024);

    // Cold loads, each in a fresh browser context (empty cache): navigation start → counts and heat map shown.
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const w = await watchedPage(atlas);
      await w.page.goto('/', { waitUntil: 'commit' });
      await w.page.locator('table.heatmap').waitFor();
      await w.page.locator('.stat-grid').waitFor();
      times.push(await w.page.evaluate(() => performance.now()));
      w.expectClean();
      await w.context.close();
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const figures = {
      initialJsFiles: js.files,
      initialJsGzipKB: Math.round((js.gzipBytes / 1024) * 10) / 10,
      initialJsRawKB: Math.round((js.rawBytes / 1024) * 10) / 10,
      overviewFirstLoadMs: { median: Math.round(median), min: Math.round(sorted[0]!), max: Math.round(sorted.at(-1)!), runs: times.map(Math.round) },
    };
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'bench.json'), `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`[web bench] initial JS ${figures.initialJsGzipKB} KB gzip (${figures.initialJsRawKB} KB raw); overview first load median ${figures.overviewFirstLoadMs.median} ms (min ${figures.overviewFirstLoadMs.min}, max ${figures.overviewFirstLoadMs.max})`);
    expect(median).toBeLessThan(1000);
  });
});
