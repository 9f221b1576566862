/**
 * Issue 18 items 1 and 2 in the browser: a study published from a living-review project is in the study list (marked
 * "Project: …", found with the origin filter), in search, and its page says where it comes from — the project, its
 * question, reviewers and source record — with nothing under "What the review says" and no Table 1 badge.
 */
import { ExtractionService, ReviewService } from '@exoatlas/review';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ID, buildProject } from '../../../review/test/synthesis/build-project.js';
import { rawFixture } from '../../../review/test/synthesis/load-fixture.js';
import { SUITE, canRun, open, startAtlas, watchedPage, type Atlas, type Watched } from './harness.js';

describe.skipIf(!canRun)('issue 18: a published project study in the browser', SUITE, () => {
  let atlas: Atlas;
  let w: Watched;
  let studyId: string;
  beforeAll(async () => {
    atlas = await startAtlas();
    const reviews = new ReviewService(atlas.stores.review);
    const extraction = new ExtractionService(reviews, atlas.stores.extraction);
    const p = await buildProject(reviews);
    for (const s of rawFixture().studies) {
      const record = p.records[s.studyId]!;
      await extraction.saveForm(p.alice, PROJECT_ID, record, 'extraction', { data: s.form, expectedVersion: 0 });
      await extraction.saveForm(p.alice, PROJECT_ID, record, 'rob', { data: s.rob, expectedVersion: 0 });
    }
    const { id } = await extraction.synthesise(p.alice, PROJECT_ID, { outcome: 'wound-closure' }, true);
    studyId = (await extraction.publish(p.alice, PROJECT_ID, id!)).studies[0]!.study.id;
    w = await watchedPage(atlas);
  });
  afterAll(async () => {
    await atlas?.close();
  });

  it('issue 18 item 2: the study list marks it and filters by origin', async () => {
    const { page } = w;
    await open(page, '/studies?origin=project');
    await expect.poll(() => page.locator('.result-count').textContent()).toMatch(/^6 studies/);
    await expect.poll(() => page.locator('.study-table tbody').textContent()).toContain('Project: ');
    await expect.poll(() => page.locator('.study-table tbody').textContent()).not.toContain('Review text');
    w.expectClean();
  });

  it('issue 18 item 2: its page says where it comes from, never under "What the review says"', async () => {
    const { page } = w;
    await open(page, `/studies/${studyId}`);
    await page.getByRole('heading', { level: 2, name: 'Where this study comes from' }).waitFor();
    const main = page.locator('main');
    await expect.poll(() => main.textContent()).toContain('Do iMSC exosomes speed skin wound healing in animals?');
    const text = (await main.textContent()) ?? '';
    expect(text).toContain('10.5555/fixture.zhang-2015');
    expect(text).toContain('From the living-review project');
    expect(text).not.toContain('What the review says');
    expect(text).not.toContain('Discussed in the text');
    expect(text).not.toContain("Curator's note");
    w.expectClean();
  });

  it('issue 18 item 1: search finds it', async () => {
    const { page } = w;
    await open(page, '/search?q=cutaneous%20wound%20healing%20rats');
    await page.locator(`a[href="/studies/${studyId}"]`).first().waitFor();
    w.expectClean();
  });
});
