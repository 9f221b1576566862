/** The pages every browser check visits, and how to check one: axe-core, console, overflow on a phone, screenshots. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { WEB_DIST, axeViolations, screenshot, type Watched } from './harness.js';

/** Each page with what shows that it has loaded. */
export const PAGES: { name: string; path: string; ready: string }[] = [
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
  { name: 'reviews-sign-in', path: '/reviews', ready: 'form.review-form' },
  { name: 'not-found', path: '/no-such-page', ready: 'main h1' },
];

/** Phone checks of layout-heavy pages run axe too; the rest are screenshotted only. */
export const PHONE_AXE = new Set(['overview', 'mechanisms']);

export async function load(page: Page, path: string, ready: string): Promise<void> {
  await page.goto(path, { waitUntil: 'domcontentloaded' });
  await page.locator(ready).first().waitFor();
  // Settled: nothing on the page is still loading.
  await page.waitForFunction(() => document.querySelector('.loading') === null);
}

/** One page on a large screen and a phone: no serious or critical axe violation, nothing wider than the phone, clean console. */
export async function checkPage(p: (typeof PAGES)[number], desktop: Watched, phone: Watched): Promise<void> {
  await load(desktop.page, p.path, p.ready);
  expect(await axeViolations(desktop.page)).toEqual([]);
  await screenshot(desktop.page, `${p.name}-1280`);

  await load(phone.page, p.path, p.ready);
  if (PHONE_AXE.has(p.name)) expect(await axeViolations(phone.page)).toEqual([]);
  // Nothing wider than the phone's screen but the scrollable regions meant for it (tables, graphs).
  const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(phone.page, `${p.name}-360`);

  desktop.expectClean();
  phone.expectClean();
}

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

