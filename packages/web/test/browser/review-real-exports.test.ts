/**
 * A two-reviewer review in the browser on real database exports (issue 7's "done when"): the owner creates the
 * project and imports an Embase RIS and a PubMed XML export from shared/fixtures/literature through the dashboard;
 * alice and bob screen every record with the keyboard, disagreeing on some; the owner resolves every conflict on the
 * conflicts page; one full text is marked not retrieved, both screen the others; the PRISMA page's numbers add up
 * and equal the API's. The exports are third-party files, so this runs only when ../shared is present (CI has it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDir } from '../../../../test/helpers/paths.js';
import { skipped } from '../../../../test/helpers/backends.js';
import { SUITE, browserBackends, canRun, open, startAtlas, watchedPage, type Atlas, type Watched } from './harness.js';
import { reviewApi, screenAll, signIn, type DecisionKey } from './review-helpers.js';

const PROJECT = 'real-exports';
const EXPORTS = join(sharedDir, 'fixtures/literature');
const hasExports = existsSync(join(EXPORTS, 'asreview-embase.ris'));
if (canRun && !hasExports) console.log(`[web browser tests] skipped: the real-export review needs ${EXPORTS}`);

/** A stable number per title, so each reviewer's decisions do not depend on the order the ranking shows them in. */
const hash = (title: string) => [...title].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 1_000_003, 7);
const aliceSays = (t: string): DecisionKey => (hash(t) % 3 === 0 ? 'i' : 'Wrong population or model');
/** Bob disagrees with alice on every record whose hash is 1 mod 5. */
const bobSays = (t: string): DecisionKey => (hash(t) % 5 === 1 ? (aliceSays(t) === 'i' ? 'Wrong outcome' : 'i') : aliceSays(t));

describe.skipIf(!canRun || !hasExports).each(await browserBackends())('a two-reviewer review on real Embase and PubMed exports, in the browser, on $name', { ...SUITE, timeout: 240_000 }, (backend) => {
  if (skipped(backend)) return;
  let atlas: Atlas;
  let owner: Watched;
  let alice: Watched;
  let bob: Watched;
  const { call, login } = reviewApi(() => atlas);
  let titles: string[] = [];

  beforeAll(async () => {
    atlas = await startAtlas({ backend: backend.name });
    [owner, alice, bob] = [await watchedPage(atlas), await watchedPage(atlas), await watchedPage(atlas)];
    expect((await call('POST', '/api/reviews/users', { username: 'olivia', password: 'olivia-password' })).status).toBe(201);
    await login('olivia');
    for (const name of ['alice', 'bob']) expect((await call('POST', '/api/reviews/users', { username: name, password: `${name}-password` }, 'olivia')).status).toBe(201);
  });
  afterAll(async () => {
    await atlas?.close();
  });

  it('the owner creates the project and imports both exports from the dashboard', async () => {
    const { page } = owner;
    await signIn(page, 'olivia');
    const form = page.getByRole('form', { name: 'New review project' });
    await form.getByLabel('Project name').fill('Real exports');
    await form.getByLabel('Project id (optional)').fill(PROJECT);
    await form.getByLabel('Review question').fill('Do iMSC exosomes speed wound healing in animal models?');
    await form.getByLabel(/Dual: two independent, blinded reviewers/).check();
    await form.getByRole('button', { name: 'Create the project' }).click();
    await page.waitForURL(new RegExp(`/reviews/${PROJECT}$`));
    for (const name of ['alice', 'bob']) expect((await call('POST', `/api/reviews/${PROJECT}/members`, { username: name, role: 'reviewer' }, 'olivia')).status).toBe(200);
    const imp = page.getByRole('form', { name: 'Import a search' });
    for (const [database, file, identified] of [['Embase', 'asreview-embase.ris', 6], ['PubMed', 'asreview-pubmed.xml', 10]] as const) {
      await imp.getByLabel('Database').fill(database);
      await imp.getByLabel('Date the search was run').fill('2026-11-01');
      await imp.getByLabel('Export files').setInputFiles(join(EXPORTS, file));
      await imp.getByRole('button', { name: 'Import' }).click();
      await imp.getByText(new RegExp(`^Imported: ${identified} records identified, \\d+ duplicates?, \\d+ new\\.$`)).waitFor();
    }
    titles = ((await call('GET', `/api/reviews/${PROJECT}/records?limit=500`, undefined, 'olivia')).body.items as { title: string }[]).map((r) => r.title);
    expect(titles.length).toBeGreaterThan(10);
    owner.expectClean();
  });

  it('alice and bob screen every record with the keyboard; the owner resolves each conflict', async () => {
    await signIn(alice.page, 'alice');
    await signIn(bob.page, 'bob');
    expect((await screenAll(alice.page, PROJECT, 'title-abstract', aliceSays)).sort()).toEqual([...titles].sort());
    expect((await screenAll(bob.page, PROJECT, 'title-abstract', bobSays)).sort()).toEqual([...titles].sort());
    const disputed = titles.filter((t) => aliceSays(t) !== bobSays(t));
    expect(disputed.length).toBeGreaterThan(0);

    const { page } = owner;
    await open(page, `/reviews/${PROJECT}/conflicts`);
    const items = page.locator('ol.conflict-list > li');
    await expect.poll(() => items.count()).toBe(disputed.length);
    for (let left = disputed.length; left > 0; left--) {
      const form = items.first().getByRole('form', { name: /Resolve the conflict/ });
      await form.getByLabel('Include').check();
      await form.getByLabel(/By a third reviewer/).check();
      await form.getByRole('button', { name: 'Record the resolution' }).click();
      await expect.poll(() => items.count()).toBe(left - 1);
    }
    // The dashboard's discovery curve: every record screened, the includes the team found (an include by either reviewer counts).
    await open(page, `/reviews/${PROJECT}`);
    const found = titles.filter((t) => aliceSays(t) === 'i' || bobSays(t) === 'i').length;
    await expect.poll(() => page.locator('figure.discovery-curve svg title').textContent()).toBe(`Includes found as screening went on: ${found} in ${titles.length} of ${titles.length} records screened`);
    alice.expectClean();
    bob.expectClean();
    owner.expectClean();
  });

  it('one full text is not retrieved, both screen the others; the PRISMA page adds up and equals the API', async () => {
    const sought = (await call('GET', `/api/reviews/${PROJECT}/records?stage=full-text&limit=500`, undefined, 'olivia')).body.items as { id: number; title: string }[];
    const included = titles.filter((t) => aliceSays(t) === 'i' || bobSays(t) === 'i');
    expect(sought.map((r) => r.title).sort()).toEqual(included.sort());
    const { page } = owner;
    await open(page, `/reviews/${PROJECT}/screen?stage=full-text&record=${sought[0]!.id}`);
    await page.getByRole('button', { name: 'Mark the full text as not retrieved' }).click();
    await page.getByRole('button', { name: 'Mark the full text as retrieved' }).waitFor();
    const fullText = (t: string): DecisionKey => (hash(t) % 2 === 0 ? 'i' : 'Data not extractable');
    for (const w of [alice, bob]) expect((await screenAll(w.page, PROJECT, 'full-text', fullText)).sort()).toEqual(sought.slice(1).map((r) => r.title).sort());

    await open(page, `/reviews/${PROJECT}/prisma`);
    await page.locator('td[data-count="Studies included"]').waitFor();
    const n = async (label: string): Promise<number> => Number(await page.locator(`td[data-count="${label}"]`).textContent());
    const shown = {
      identified: await n('Records identified'),
      duplicatesRemoved: await n('Duplicates removed'),
      screened: await n('Records screened'),
      awaitingScreening: await n('Awaiting screening'),
      excludedAtScreening: await n('Excluded on title and abstract'),
      soughtForRetrieval: await n('Reports sought for retrieval'),
      notRetrieved: await n('Reports not retrieved'),
      assessedForEligibility: await n('Reports assessed for eligibility'),
      awaitingAssessment: await n('Awaiting full-text assessment'),
      excludedAtFullText: await n('Excluded at full text'),
      included: await n('Studies included'),
    };
    const api = (await call('GET', `/api/reviews/${PROJECT}/prisma`, undefined, 'olivia')).body;
    expect(api).toMatchObject(shown);
    expect(api.identifiedBySource).toEqual([{ source: 'Embase', count: 6 }, { source: 'PubMed', count: 10 }]);
    expect(shown).toMatchObject({ identified: 16, screened: titles.length, awaitingScreening: 0, soughtForRetrieval: sought.length, notRetrieved: 1, awaitingAssessment: 0 });
    expect(shown.identified - shown.duplicatesRemoved).toBe(shown.screened);
    expect(shown.excludedAtScreening + shown.soughtForRetrieval + shown.awaitingScreening).toBe(shown.screened);
    expect(shown.notRetrieved + shown.assessedForEligibility).toBe(shown.soughtForRetrieval);
    expect(shown.excludedAtFullText + shown.included + shown.awaitingAssessment).toBe(shown.assessedForEligibility);
    expect(shown.included).toBe(sought.slice(1).filter((r) => fullText(r.title) === 'i').length);

    // The included studies for a reference manager, and the screening log, downloaded from the same page.
    const records = page.getByRole('group', { name: 'Download the records' });
    const fetched = async (button: string): Promise<{ name: string; text: string }> => {
      const download = page.waitForEvent('download');
      await records.getByRole('button', { name: button }).click();
      const d = await download;
      return { name: d.suggestedFilename(), text: readFileSync((await d.path())!, 'utf8') };
    };
    const ris = await fetched('Included studies (RIS)');
    expect(ris.name).toBe(`${PROJECT}-full-text-included.ris`);
    expect(ris.text.match(/^TY {2}- /gm) ?? []).toHaveLength(shown.included);
    const log = await fetched('Screening log (CSV: every decision)');
    expect(log.name).toBe(`${PROJECT}-screening-log.csv`);
    const rows = log.text.trimEnd().split('\r\n');
    expect(rows).toHaveLength(titles.length + 1);
    expect(rows.filter((r) => r.includes('by olivia, third-reviewer'))).toHaveLength(titles.filter((t) => aliceSays(t) !== bobSays(t)).length);
    await records.getByText(`Downloaded ${PROJECT}-screening-log.csv.`).waitFor();
    owner.expectClean();
  });
});
