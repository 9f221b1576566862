/**
 * Every page of the atlas, on a large screen and a 360 px phone (second half): no serious or critical axe-core violation,
 * no console error or failed request, a screenshot kept in test-artifacts/web/.
 * And the initial JavaScript's size budget (250 KB gzip); load times are measured by bench/web/load.mjs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUITE, canRun, startAtlas, watchedPage, type Atlas, type Watched } from './harness.js';
import { PAGES, checkPage, initialJavaScript } from './page-checks.js';

// SQLite only (issue 16.4): layout and accessibility of pages drawn from the loaded atlas, the same on either backend;
// the atlas read from PostgreSQL and its search are in atlas-basics and journeys.
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

  // Load times are measured by bench/web/load.mjs, not asserted here: they depend on the machine. The size does not.
  it('keeps the initial JavaScript under 250 KB gzip, without the Cytoscape and workbench chunks', () => {
    const js = initialJavaScript();
    expect(js.files.length).toBeGreaterThan(0);
    expect(js.files.some((f) => /cytoscape|MechanismsPage|MetaPage/i.test(f))).toBe(false);
    expect(js.gzipBytes).toBeLessThanOrEqual(250 * 1024);
    console.log(`[web] initial JS ${(js.gzipBytes / 1024).toFixed(1)} KB gzip (${(js.rawBytes / 1024).toFixed(1)} KB raw) in ${js.files.length} file(s)`);
  });
});
