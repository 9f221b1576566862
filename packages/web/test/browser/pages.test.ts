/**
 * Every page of the atlas, on a large screen and a 360 px phone: no serious or critical axe-core violation, no
 * console error or failed request, a screenshot kept in test-artifacts/web/; and the load benchmark (initial
 * JavaScript size, overview first load on loopback), printed and checked against the budgets.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, WEB_DIST, axeViolations, canRun, screenshot, startAtlas, watchedPage, type Atlas, type Watched } from './harness.js';

/** Each page with what shows that it has loaded. */
const PAGES: { name: string; path: string; ready: string }[] = [
  { name: 'overview', path: '/', ready: 'table.heatmap' },
  { name: 'studies', path: '/studies?diseaseArea=cardiovascular', ready: 'table.study-table' },
  { name: 'study', path: '/studies/zhu-2017-osteoarthritis', ready: '.mini-graph svg' },
  { name: 'entities', path: '/entities?kind=mirna', ready: 'main table' },
  { name: 'entity', path: '/entities/pi3k-akt', ready: 'article.claim' },
  { name: 'mechanisms', path: '/mechanisms?focus=pi3k-akt', ready: 'aside.graph-panel article.claim' },
  { name: 'mechanisms-figure', path: '/mechanisms?figure=2', ready: 'aside.graph-panel article.claim' },
  { name: 'methods', path: '/methods?volume=large&scalability=high', ready: 'ol.ranking li' },
  { name: 'clinical', path: '/clinical', ready: '#page-references li' },
  { name: 'references', path: '/references', ready: 'ol.reference-list li' },
  { name: 'reference', path: '/references/16', ready: '.related-list li' },
  { name: 'search', path: '/search?q=miR-21', ready: '.hit' },
  { name: 'meta-analysis', path: '/meta', ready: 'form.meta-form' },
  { name: 'not-found', path: '/no-such-page', ready: 'main h1' },
];

/** Phone checks of layout-heavy pages run axe too; the rest are screenshotted only. */
const PHONE_AXE = new Set(['overview', 'studies', 'mechanisms', 'methods']);

async function load(page: Page, path: string, ready: string): Promise<void> {
  await page.goto(path, { waitUntil: 'domcontentloaded' });
  await page.locator(ready).first().waitFor();
  await page.waitForLoadState('networkidle');
}

describe.skipIf(!canRun)('every page: accessibility, console, screenshots', () => {
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

  for (const p of PAGES) {
    it(`${p.name} (${p.path}) has no serious or critical axe violation, on a large screen and on a phone`, async () => {
      await load(desktop.page, p.path, p.ready);
      expect(await axeViolations(desktop.page)).toEqual([]);
      await screenshot(desktop.page, `${p.name}-1280`);

      await load(phone.page, p.path, p.ready);
      if (PHONE_AXE.has(p.name)) expect(await axeViolations(phone.page)).toEqual([]);
      // Nothing wider than the phone's screen but the scrollable regions meant for it (tables, graphs).
      const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(phone.page, `${p.name}-360`);

      const allow = p.name === 'not-found' ? [] : [];
      desktop.expectClean(allow);
      phone.expectClean(allow);
    });
  }

  it('keeps the navigation usable on a phone: the menu opens from the keyboard', async () => {
    const { page } = phone;
    await load(page, '/', 'table.heatmap');
    const toggle = page.getByRole('button', { name: 'Menu' });
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Studies' }).click();
    await page.waitForURL(/\/studies$/);
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    phone.expectClean();
  });
});

/** The JavaScript a first visit downloads: the entry script and the modules it preloads, gzipped. */
export function initialJavaScript(): { files: string[]; gzipBytes: number; rawBytes: number } {
  const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((m) => (m[1] ?? m[2])!);
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const f of files) {
    const body = readFileSync(join(WEB_DIST, f.replace(/^\//, '')));
    rawBytes += body.length;
    gzipBytes += gzipSync(body, { level: 9 }).length;
  }
  return { files, gzipBytes, rawBytes };
}

describe.skipIf(!canRun)('load benchmark', () => {
  let atlas: Atlas;
  beforeAll(async () => {
    atlas = await startAtlas();
  });
  afterAll(async () => {
    await atlas?.close();
  });

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
