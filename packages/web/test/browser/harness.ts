/**
 * Browser-test harness: the real server in-process (fresh SQLite store built from data/, the built web app at `/`)
 * and Debian's Chromium driven by playwright-core. Every page is watched for console errors and failed requests.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { testApp } from '../../../../test/helpers/app.js';
import { repoRoot } from '../../../../test/helpers/paths.js';

export const CHROMIUM = '/usr/bin/chromium';
export const WEB_DIST = join(repoRoot, 'packages/web/dist');
export const ARTIFACTS = join(repoRoot, 'test-artifacts/web');

/** Why the browser tests cannot run here, or null when they can. */
export function skipReason(): string | null {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is missing (apt-get install chromium)`;
  if (!existsSync(join(WEB_DIST, 'index.html'))) return 'packages/web/dist is not built (npm run build)';
  return null;
}

export const canRun = skipReason() === null;
if (!canRun) console.warn(`[web browser tests] skipped: ${skipReason()}`);

export interface Atlas {
  url: string;
  browser: Browser;
  /** The server's stores, for suites that put data in first (e.g. a project publishing into the atlas). */
  stores: Awaited<ReturnType<typeof testApp>>['stores'];
  close: () => Promise<void>;
}

/** Starts the server on a free loopback port and launches headless Chromium. */
export async function startAtlas(): Promise<Atlas> {
  const ctx = await testApp({ web: true });
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  const address = ctx.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  // Playwright gives every launch a fresh temporary --user-data-dir of its own; the network is loopback only.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  return {
    url: `http://127.0.0.1:${port}`,
    browser,
    stores: ctx.stores,
    close: async () => {
      await browser.close();
      await ctx.close();
    },
  };
}

export interface Watched {
  page: Page;
  context: BrowserContext;
  /** Console errors, uncaught exceptions, failed requests and HTTP errors seen so far. */
  problems: string[];
  /** Forget what was seen (e.g. after a step that expects an error). */
  reset: () => void;
  /** Fails when anything went wrong, except problems matching `allow`. */
  expectClean: (allow?: RegExp[]) => void;
}

/** A new page in a fresh context whose console and network are watched. */
export async function watchedPage(atlas: Atlas, options: { width?: number; height?: number } = {}): Promise<Watched> {
  const context = await atlas.browser.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 900 }, acceptDownloads: true, baseURL: atlas.url });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A download's object URL or an aborted navigation are not failures of the app.
    if (r.url().startsWith('blob:') || r.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return {
    page,
    context,
    problems,
    reset: () => void problems.splice(0),
    expectClean: (allow = []) => {
      const left = problems.filter((p) => !allow.some((a) => a.test(p)));
      if (left.length > 0) throw new Error(`the page reported problems:\n  ${left.join('\n  ')}`);
    },
  };
}

/** Serious and critical axe-core violations on the current page, as readable lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Saves a full-page screenshot under test-artifacts/web/ (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Navigates in-app and waits for the page's main heading. */
export async function open(page: Page, path: string): Promise<void> {
  await page.goto(path, { waitUntil: 'domcontentloaded' });
  await page.locator('main h1').first().waitFor();
}

/** Vitest options of a browser suite: room for a busy machine (the whole repository's tests share two cores). */
export const SUITE = { timeout: 60_000 } as const;
