/**
 * A new visitor's journeys through the atlas (issue 5), in headless Chromium against the real server: the overview
 * and its heat map, a study and its reference, a miRNA search, the graph around PI3K/Akt, the isolation-method
 * advisor, the reference export, the workbench, and the error states.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipped } from '../../../../test/helpers/backends.js';
import { SUITE, browserBackends, canRun, open, startAtlas, watchedPage, type Atlas, type Watched } from './harness.js';

describe.skipIf(!canRun).each(await browserBackends())('a new visitor’s journeys, on $name', SUITE, (backend) => {
  if (skipped(backend)) return;
  // The atlas pages are drawn from the atlas the server loads from the store at start (the same data on either
  // backend); search asks the store itself. PostgreSQL runs the tests declared with `it` (search, and what reads the
  // stored data), SQLite every one (CI time).
  const onSqliteOnly = it.runIf(backend.name === 'sqlite');

  let atlas: Atlas;
  let w: Watched;
  const scripts: string[] = [];
  beforeAll(async () => {
    atlas = await startAtlas({ backend: backend.name });
    w = await watchedPage(atlas);
    w.page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
  });
  afterAll(async () => {
    await atlas?.close();
  });

  onSqliteOnly('lands on the overview: coverage, key messages, comparisons and gaps; a heat-map cell opens its studies', async () => {
    const { page } = w;
    await open(page, '/');
    const stats = page.locator('.stat-grid');
    await stats.waitFor();
    await expect.poll(() => stats.textContent()).toMatch(/\d+\s*studies/);
    await expect.poll(() => stats.textContent()).toMatch(/\d+\s*references/);
    await expect.poll(() => page.locator('.key-messages > li').count()).toBeGreaterThan(3);
    await expect.poll(() => page.locator('section[aria-labelledby="comparisons-heading"] tbody tr').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('section[aria-labelledby="comparisons-heading"]').textContent()).toMatch(/Superior/);
    await expect.poll(() => page.locator('section[aria-labelledby="gaps-heading"]').textContent()).toMatch(/No study has yet been published on the use of iMSC-derived exosomes in GvHD/);

    // Musculoskeletal × iMSC: the cell says how many studies, and its link lists exactly those.
    const cell = page.getByRole('link', { name: /studies? in Musculoskeletal with vesicles from iMSC/ });
    const n = Number(await cell.textContent());
    expect(n).toBeGreaterThan(0);
    await cell.click();
    await page.waitForURL(/\/studies\?diseaseArea=musculoskeletal&cellSource=iMSC/);
    const rows = page.locator('table.study-table tbody tr');
    await expect.poll(() => rows.count()).toBe(n);
    for (const text of await rows.allTextContents()) expect(text).toMatch(/Musculoskeletal.*iMSC/);
    await expect.poll(() => page.getByLabel('Vesicles from (cell source)').inputValue()).toBe('iMSC');
    w.expectClean();
  });

  onSqliteOnly('opens a study from the list and follows one of its references', async () => {
    const { page } = w;
    await open(page, '/studies?diseaseArea=musculoskeletal&condition=Osteoarthritis');
    await page.getByRole('link', { name: /iMSC versus SM-MSC exosomes in mouse osteoarthritis/ }).click();
    await page.waitForURL(/\/studies\/zhu-2017-osteoarthritis$/);
    await page.getByRole('heading', { level: 2, name: 'Head-to-head comparisons' }).waitFor();
    await expect.poll(() => page.locator('main').textContent()).toMatch(/Superior/);
    // Quotes name their section; the mechanism graph and related studies are there.
    await expect(page.locator('figure.quote figcaption').allTextContents()).resolves.toEqual(expect.arrayContaining([expect.stringMatching(/§3 Musculoskeletal system/)]));
    await page.locator('.mini-graph svg').waitFor();
    await expect.poll(() => page.locator('.related-list li').count()).toBeGreaterThan(0);

    await page.locator('section[aria-labelledby="references-heading"]').getByRole('link').first().click();
    await page.waitForURL(/\/references\/16$/);
    await page.getByRole('heading', { level: 1, name: /\[16\]/ }).waitFor();
    await expect.poll(() => page.locator('blockquote.printed').textContent()).toMatch(/^16\. /);
    const citing = page.locator('main').getByRole('link', { name: /iMSC versus SM-MSC exosomes in mouse osteoarthritis/ });
    await expect.poll(() => citing.count()).toBe(1);
    w.expectClean();
  });

  it('searches for a miRNA and reads what the review says about it, grouped by disease area', async () => {
    const { page } = w;
    await open(page, '/');
    const box = page.getByRole('searchbox');
    await box.fill('miR-21');
    await box.press('Enter');
    await page.waitForURL(/\/search\?q=miR-21/);
    const groups = page.locator('section.hit-group h2');
    await expect.poll(() => groups.count()).toBeGreaterThan(1);
    const headings = await groups.allTextContents();
    expect(headings.some((h) => h.startsWith('Entities'))).toBe(true);
    expect(headings.some((h) => h.startsWith('Studies'))).toBe(true);
    // Search widens miR-21 to its other spellings (issue 18.7); PostgreSQL's ts_headline picks the study's fragment
    // with "MicroRNA-21" where FTS5 picks "miR-21": either is the match, marked.
    await expect.poll(() => page.locator('.hit mark').first().textContent()).toMatch(/^(miR|MicroRNA)-21$/i);

    await page.locator('#hits-entity').locator('..').getByRole('link', { name: /^miR-21$/ }).click();
    await page.waitForURL(/\/entities\/mir-21$/);
    await page.getByRole('heading', { level: 1, name: /miR-21/ }).waitFor();
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Cardiovascular' }).count()).toBe(1);
    const claim = page.locator('article.claim').first();
    await expect.poll(() => claim.locator('blockquote').count()).toBeGreaterThan(0);
    w.expectClean();
  });

  onSqliteOnly('explores the mechanism graph around PI3K/Akt, loading Cytoscape only there', async () => {
    const { page } = w;
    expect(scripts.some((s) => /cytoscape/i.test(s))).toBe(false);
    await open(page, '/mechanisms');
    await page.getByLabel('Around (entity)').selectOption('pi3k-akt');
    await page.waitForURL(/focus=pi3k-akt/);
    await page.locator('.graph-canvas canvas').first().waitFor();
    expect(scripts.some((s) => /cytoscape/i.test(s))).toBe(true);

    const panel = page.locator('aside.graph-panel');
    await panel.getByRole('heading', { level: 2, name: 'PI3K/Akt signalling pathway' }).waitFor();
    await expect.poll(() => panel.locator('article.claim').count()).toBeGreaterThan(3);
    await expect.poll(() => panel.locator('blockquote').first().textContent()).toMatch(/PI3K|Akt/i);
    await expect.poll(() => panel.locator('.ref-numbers a').count()).toBeGreaterThan(0);

    // The keyboard way in: the relations list, then Enter on one relation.
    const relations = page.locator('.graph-lists details', { hasText: 'Relations as a list' });
    await relations.locator('summary').click();
    const relation = relations.locator('button', { hasText: /PI3K\/Akt signalling pathway/ }).first();
    const relationText = (await relation.textContent())!.trim();
    await relation.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/edge=/);
    await panel.getByRole('heading', { level: 2, name: relationText }).waitFor();
    await expect.poll(() => panel.locator('article.claim').count()).toBeGreaterThan(0);

    // A figure of the review rebuilt from its claims.
    await page.getByRole('navigation', { name: 'Views per figure of the review' }).getByRole('link', { name: 'Figure 1', exact: true }).click();
    await page.waitForURL(/figure=1/);
    await panel.getByRole('heading', { level: 2, name: 'Claims of Figure 1' }).waitFor();
    await expect.poll(() => panel.locator('article.claim').count()).toBeGreaterThan(3);

    // Chains of claims that run through PI3K/Akt.
    const finder = page.getByRole('form', { name: 'Find chains of claims' });
    await finder.getByLabel('From').selectOption('exosome');
    await finder.getByLabel('To').selectOption('osteoblast-gene-expression');
    await page.waitForURL(/from=exosome&to=osteoblast-gene-expression/);
    const chains = page.locator('ol.path-list > li');
    await expect.poll(() => chains.count()).toBeGreaterThan(1);
    expect((await chains.allTextContents()).some((t) => t.includes('PI3K/Akt signalling pathway'))).toBe(true);
    w.expectClean();
  });

  onSqliteOnly('runs the isolation-method advisor for a large-volume, scalable process and reads why', async () => {
    const { page } = w;
    await open(page, '/methods');
    await expect.poll(() => page.locator('table.method-table thead th').count()).toBe(6);
    const form = page.getByRole('form', { name: 'Isolation method advisor' });
    await form.getByRole('group', { name: 'Volume of starting material' }).getByLabel('Large').check();
    await page.waitForURL(/volume=large/);
    await form.getByRole('group', { name: 'Scalable process' }).getByLabel('Must scale').check();
    await page.waitForURL(/scalability=high/);
    const ranking = page.locator('ol.ranking > li');
    await expect.poll(() => ranking.count()).toBe(6);
    const text = await page.locator('ol.ranking').textContent();
    expect(text).toMatch(/large volumes/);
    expect(text).toMatch(/Scalable/);
    const first = ranking.first();
    await expect.poll(() => first.locator('.effect').first().textContent()).toBe('For');
    await expect.poll(() => first.locator('blockquote').count()).toBeGreaterThan(0);
    await expect.poll(() => first.locator('.ref-numbers').first().textContent()).toMatch(/27/);
    w.expectClean();
  });

  onSqliteOnly('exports the references as BibTeX, RIS and CSL-JSON', async () => {
    const { page } = w;
    await open(page, '/references');
    await page.getByLabel('Find a reference').fill('osteonecrosis');
    await page.waitForURL(/q=osteonecrosis/);
    await expect.poll(() => page.locator('ol.reference-list > li').count()).toBeLessThan(10);
    const expectations: [string, RegExp][] = [
      ['BibTeX', /^@\w+\{/],
      ['RIS', /^TY {2}- /m],
      ['CSL-JSON', /^\s*\[/],
    ];
    for (const [label, pattern] of expectations) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label, exact: true }).click()]);
      const body = readFileSync((await download.path())!, 'utf8');
      expect(body).toMatch(pattern);
      if (label === 'CSL-JSON') expect((JSON.parse(body) as unknown[]).length).toBe(116);
      await expect.poll(() => page.locator('.export-message').textContent()).toMatch(/Downloaded/);
    }
    w.expectClean();
  });

  onSqliteOnly('runs a meta-analysis in the workbench and shows the forest and funnel plots', async () => {
    const { page } = w;
    await open(page, '/meta');
    await page.getByRole('button', { name: /Load example data/ }).click();
    await page.waitForURL(/measure=RR/);
    await page.getByRole('button', { name: 'Run the meta-analysis' }).click();
    const results = page.locator('section.meta-results');
    await results.waitFor();
    await expect.poll(() => results.locator('table.stats-table').textContent()).toMatch(/Estimate \[95% CI\]\s*-0\.71\d\d \[-1\.06\d\d, -0\.36\d\d\]/);
    await expect.poll(() => results.locator('figure.plot img').count()).toBe(2);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Forest plot (SVG)' }).click()]);
    expect(readFileSync((await download.path())!, 'utf8')).toMatch(/<svg/);
    w.expectClean();
  });

  onSqliteOnly('reads what stands between iMSC exosomes and the clinic, with references', async () => {
    const { page } = w;
    await open(page, '/clinical');
    for (const heading of ['Where translation stands', 'Advantages of iMSCs over adult MSCs', 'Limitations and concerns', 'Evidence gaps', 'Future directions']) {
      await page.getByRole('heading', { level: 2, name: heading }).waitFor();
    }
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/26 clinical trials|26 MSC-exosome clinical trials/);
    await expect.poll(() => page.locator('#page-references li').count()).toBeGreaterThan(3);
    w.expectClean();
  });

  onSqliteOnly('says clearly when a page or a record does not exist', async () => {
    const { page } = w;
    await open(page, '/no-such-page');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Page not found');
    await open(page, '/studies/no-such-study');
    await page.getByRole('heading', { name: 'Study not found' }).waitFor();
    await open(page, '/entities/no-such-entity');
    await page.getByRole('heading', { name: 'Entity not found' }).waitFor();
    // The browser logs the API's 404s for the missing records; nothing else may go wrong.
    w.expectClean([/HTTP 404: .*\/api\/(studies|entities)\/no-such-/, /console error: Failed to load resource: the server responded with a status of 404/]);
    w.reset();
  });

  onSqliteOnly('gives a friendly message when the API cannot be reached', async () => {
    const { page } = w;
    await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    await page.goto('/studies?species=swine');
    await page.getByRole('alert').filter({ hasText: 'cannot reach its server' }).first().waitFor();
    await page.unroute('**/api/**');
    await page.getByRole('button', { name: 'Try again' }).first().click();
    await page.locator('table.study-table').waitFor();
    w.reset();
  });

  onSqliteOnly('can be used from the keyboard: the skip link moves to the content', async () => {
    const { page } = w;
    await page.goto('/');
    await page.locator('main h1').waitFor();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to main content');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    w.expectClean();
  });
});
