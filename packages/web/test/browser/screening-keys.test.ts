/**
 * Issue 20, one-key screening, in Chromium: a reviewer screens several records with the keyboard only — I includes,
 * a number key excludes for the reason of that number (or E then the number), M/U maybe, Z goes back to the record
 * just decided, N writes a note in which letters are text and Escape leaves it — with every keystroke counted and
 * the time from one record to the next measured; on a 390 px phone the decision buttons stay on screen.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUITE, axeViolations, canRun, open, startAtlas, watchedPage, type Atlas } from './harness.js';
import { reviewApi, signIn } from './review-helpers.js';

const PROJECT = 'keys';

describe.skipIf(!canRun)('issue 20 one-key screening', { ...SUITE, timeout: 120_000 }, () => {
  let atlas: Atlas;
  let reasons: string[] = [];
  const { call, login } = reviewApi(() => atlas);
  beforeAll(async () => {
    atlas = await startAtlas();
    expect((await call('POST', '/api/reviews/users', { username: 'kim', password: 'kim-password' })).status).toBe(201);
    await login('kim');
    expect((await call('POST', '/api/reviews', { id: PROJECT, name: 'Keys', question: 'Do iMSC exosomes heal wounds?' }, 'kim')).status).toBe(201);
    const ris = await (await fetch(`${atlas.url}/api/references?format=ris`)).text();
    expect((await call('POST', `/api/reviews/${PROJECT}/searches`, { database: 'Review references', date: '2026-12-01', files: [{ name: 'references.ris', content: ris }] }, 'kim')).status).toBe(201);
    reasons = (await call('GET', `/api/reviews/${PROJECT}/next`, undefined, 'kim')).body.exclusionReasons;
    expect(reasons.length).toBeGreaterThanOrEqual(3);
  });
  afterAll(async () => {
    await atlas?.close();
  });

  const titleOf = async (page: Page): Promise<string> => ((await page.locator('article.record-card .record-title').first().textContent()) ?? '').trim();
  /** Waits until the page shows a record other than `title`, and returns its title. */
  const nextAfter = async (page: Page, title: string): Promise<string> => {
    await expect.poll(() => titleOf(page), { timeout: 15_000 }).not.toBe(title);
    return titleOf(page);
  };
  const mine = async (recordTitle: string) => {
    const items = (await call('GET', `/api/reviews/${PROJECT}/records?stage=title-abstract&limit=500`, undefined, 'kim')).body.items as { title: string; stages: { 'title-abstract': { mine?: { decision: string; reason?: string; note?: string } } } }[];
    return items.find((r) => r.title.trim() === recordTitle)?.stages['title-abstract'].mine;
  };

  it('issue 20 one-key screening: six records decided by keyboard alone, an exclusion in one or two keys, the note never steals a key', async () => {
    const w = await watchedPage(atlas);
    const { page } = w;
    await signIn(page, 'kim');
    await open(page, `/reviews/${PROJECT}/screen`);
    // the reasons are numbered on screen, and the keyboard help says how to use them
    await expect.poll(() => page.getByRole('list', { name: 'Exclusion reasons by number key' }).textContent()).toContain(`1 ${reasons[0]}`);
    expect(await page.locator('details.shortcuts').textContent()).toMatch(/E then 1–9 exclude for the reason of that number/);

    let keys = 0;
    const press = async (key: string): Promise<void> => {
      keys++;
      await page.keyboard.press(key);
    };
    const decided: { title: string; keys: number; ms: number; expect: { decision: string; reason?: string; note?: string } }[] = [];
    /** Presses `sequence`, then waits for the next record; records the keys it took and the time to the next record. */
    const screen = async (sequence: string[], expected: { decision: string; reason?: string; note?: string }, type?: string): Promise<void> => {
      const title = await titleOf(page);
      const before = keys;
      const started = Date.now();
      for (const k of sequence) {
        if (k === '<type>') {
          await page.keyboard.type(type!);
          keys += type!.length;
        } else await press(k);
      }
      await nextAfter(page, title);
      decided.push({ title, keys: keys - before, ms: Date.now() - started, expect: expected });
    };

    await page.locator('article.record-card .record-title').first().waitFor();
    await screen(['i'], { decision: 'include' });
    await screen(['3'], { decision: 'exclude', reason: reasons[2]! });
    await screen(['e', '2'], { decision: 'exclude', reason: reasons[1]! });
    await screen(['m'], { decision: 'maybe' });
    await screen(['u'], { decision: 'maybe' });
    // N goes into the note: "e", "i" and "3" are text there; Escape leaves it without deciding; then I decides
    const noted = await titleOf(page);
    await press('n');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.type('see e3 i');
    keys += 'see e3 i'.length;
    await press('Escape');
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('TEXTAREA');
    expect(await titleOf(page)).toBe(noted);
    await screen(['i'], { decision: 'include', note: 'see e3 i' });

    for (const d of decided) expect(await mine(d.title), d.title).toMatchObject(d.expect);
    // one key per decision, two for "E then a number"; the note's letters are the only other keys
    expect(decided.map((d) => d.keys)).toEqual([1, 1, 2, 1, 1, 1]);
    expect(keys).toBe(7 + 1 + 'see e3 i'.length + 1);
    const times = decided.map((d) => d.ms).sort((a, b) => a - b);
    console.log(`one-key screening: ${decided.length} records, ${keys} keys; record to record ${times.join(', ')} ms (median ${times[Math.floor(times.length / 2)]})`);

    // E with no number waits (nothing decided); Escape cancels it
    const waiting = await titleOf(page);
    await press('e');
    await expect.poll(() => page.locator('.reason-keys-armed').count()).toBe(1);
    await press('Escape');
    await expect.poll(() => page.locator('.reason-keys-armed').count()).toBe(0);
    expect(await titleOf(page)).toBe(waiting);
    expect(await mine(waiting)).toBeUndefined();

    // Z: back to the record decided last, where a new decision replaces the old one
    await press('z');
    await expect.poll(() => titleOf(page)).toBe(decided.at(-1)!.title);
    await press('1');
    await expect.poll(async () => (await mine(decided.at(-1)!.title))?.decision).toBe('exclude');

    // choosing a reason from the list moves focus out of it, to Exclude: E then excludes (a letter picks nothing)
    const listed = await nextAfter(page, decided.at(-1)!.title);
    await page.getByLabel('Reason for exclusion').selectOption(reasons[0]!);
    expect(await page.evaluate(() => document.activeElement?.className)).toMatch(/decide-exclude/);
    await press('e');
    await nextAfter(page, listed);
    expect(await mine(listed)).toMatchObject({ decision: 'exclude', reason: reasons[0] });
    w.expectClean();
  });

  it('issue 20 one-key screening: on a 390 px phone the decision buttons stay on screen over a long abstract', async () => {
    const w = await watchedPage(atlas, { width: 390, height: 844 });
    const { page } = w;
    await signIn(page, 'kim');
    await open(page, `/reviews/${PROJECT}/screen`);
    await page.locator('article.record-card .record-title').first().waitFor();
    const bar = page.getByRole('group', { name: 'Decide' });
    const inView = async (): Promise<boolean> => {
      const box = await bar.boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= 844;
    };
    expect(await inView()).toBe(true);
    // the record's abstract runs below the fold; the bar stays in view at the top and scrolled to the abstract's end
    const abstract = page.locator('article.record-card').first();
    const card = await abstract.boundingBox();
    expect(card!.y + card!.height).toBeGreaterThan(844 - 100);
    await page.mouse.wheel(0, 600);
    await expect.poll(inView).toBe(true);
    // and it hides nothing for good: the page ends below the bar
    const title = await titleOf(page);
    await bar.getByRole('button', { name: /Include/ }).click();
    await nextAfter(page, title);
    expect(await mine(title)).toMatchObject({ decision: 'include' });
    expect(await axeViolations(page)).toEqual([]);
    w.expectClean();
  });
});
