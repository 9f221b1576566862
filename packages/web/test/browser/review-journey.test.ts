/**
 * The living review in the browser (issues 7 and 8), end to end against the real server: the first account is
 * created on the page, the owner creates a dual-screening project and imports a small RIS file, two reviewers screen
 * with the keyboard (a stale decision is refused and explained), a third person resolves the conflict, the PRISMA
 * numbers add up, an included study's extraction form refuses a bad value at the field and saves a good one, and a
 * synthesis draws its forest plot. The audit log shows every decision (filtered by reviewer and stage), the agreement page
 * each reviewer pair's cross-table and κ, and the owner edits the criteria from the dashboard. axe-core on every review page; no console error or failed request but the
 * expected 409 and 400.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../../test/helpers/paths.js';
import { skipped } from '../../../../test/helpers/backends.js';
import { SUITE, axeViolations, browserBackends, canRun, open, screenshot, startAtlas, watchedPage, type Atlas, type Watched } from './harness.js';
import { reviewApi, screenAll, signIn as signInPage, type DecisionKey } from './review-helpers.js';

const PROJECT = 'wound-review';
const FIXTURE = join(repoRoot, 'packages/web/test/fixtures/review-wounds.ris');
const T = {
  zhang: 'Exosomes from iPSC-derived mesenchymal stem cells accelerate cutaneous wound closure in diabetic mice',
  kim: 'Small extracellular vesicles of induced MSCs promote angiogenesis and re-epithelialisation of skin wounds in rats',
  rossi: 'Mesenchymal stem cell secretome in burn wounds of pigs: a pilot study',
  smith: 'Exosome isolation methods: a narrative review',
};
/** Expected problems: the stale decision (409) and the refused extraction form (400), each asserted on below. */
const EXPECTED = [/HTTP 409: .*\/decisions$/, /HTTP 400: .*\/forms\/extraction$/, /console error: Failed to load resource: the server responded with a status of (409|400)/];

describe.skipIf(!canRun).each(await browserBackends())('a two-reviewer living review, end to end, on $name', { ...SUITE, timeout: 120_000 }, (backend) => {
  if (skipped(backend)) return;
  /** Screenshots are of the page, the same on either backend: kept from the SQLite run. */
  const shot = async (page: Page, name: string): Promise<void> => {
    if (backend.name === 'sqlite') await screenshot(page, name);
  };
  let atlas: Atlas;
  let owner: Watched;
  let alice: Watched;
  let bob: Watched;
  const { call: api, login } = reviewApi(() => atlas);
  const signIn = (w: Watched, name: string) => signInPage(w.page, name);
  async function axe(page: Page): Promise<void> {
    await page.waitForFunction(() => document.querySelector('.loading') === null);
    expect(await axeViolations(page)).toEqual([]);
  }
  const screen = (page: Page, stage: string, decide: Record<string, DecisionKey>) => screenAll(page, PROJECT, stage, (t) => decide[t]);

  beforeAll(async () => {
    atlas = await startAtlas({ backend: backend.name });
    [owner, alice, bob] = [await watchedPage(atlas), await watchedPage(atlas), await watchedPage(atlas)];
  });
  afterAll(async () => {
    await atlas?.close();
  });

  it('creates the first account on the page, signs in, creates a dual-screening project and imports a search', async () => {
    const { page } = owner;
    await open(page, '/reviews');
    await axe(page);
    const first = page.getByRole('form', { name: 'Create the first account' });
    await first.getByLabel('New user name').fill('olivia');
    await first.getByLabel('New password').fill('olivia-password');
    await first.getByRole('button', { name: 'Create the account' }).click();
    await first.getByText('Account "olivia" created (admin).').waitFor();
    await login('olivia');
    for (const name of ['alice', 'bob']) expect((await api('POST', '/api/reviews/users', { username: name, password: `${name}-password` }, 'olivia')).status).toBe(201);
    await signIn(owner, 'olivia');

    const form = page.getByRole('form', { name: 'New review project' });
    await form.getByLabel('Project name').fill('iMSC exosomes in wound healing');
    await form.getByLabel('Project id (optional)').fill(PROJECT);
    await form.getByLabel('Review question').fill('Do iMSC exosomes speed wound healing in animal models?');
    await form.getByLabel('Population (P)').fill('Animal models of skin wounds');
    await form.getByLabel('Intervention (I)').fill('Exosomes from iPSC-derived MSCs');
    await form.getByRole('button', { name: 'Create the project' }).click();
    await page.waitForURL(new RegExp(`/reviews/${PROJECT}$`));
    await page.getByRole('heading', { level: 1, name: 'iMSC exosomes in wound healing' }).waitFor();
    for (const name of ['alice', 'bob']) expect((await api('POST', `/api/reviews/${PROJECT}/members`, { username: name, role: 'reviewer' }, 'olivia')).status).toBe(200);

    const imp = page.getByRole('form', { name: 'Import a search' });
    await imp.getByLabel('Database').fill('Embase');
    await imp.getByLabel('Date the search was run').fill('2026-11-01');
    await imp.getByLabel('Search query').fill('exosome* AND wound*');
    await imp.getByLabel('Export files').setInputFiles(FIXTURE);
    await imp.getByRole('button', { name: 'Import' }).click();
    await imp.getByText('Imported: 4 records identified, 0 duplicates, 4 new.').waitFor();
    const searches = page.getByRole('table', { name: /Imported searches/ });
    await expect.poll(() => searches.locator('tbody tr').first().textContent()).toMatch(/Embase2026-11-01exosome\* AND wound\*review-wounds\.ris/);
    await expect.poll(() => page.getByRole('table', { name: /Screening progress/ }).locator('tbody tr').first().textContent()).toMatch(/Title and abstract4040004/);
    await expect.poll(() => page.locator('main').textContent()).toMatch(/Animal models of skin wounds/);
    await axe(page);
    owner.expectClean();
  });

  it('two reviewers screen with the keyboard, blinded; a stale decision is explained, not overwritten', async () => {
    await signIn(alice, 'alice');
    const { page } = alice;
    await open(page, `/reviews/${PROJECT}/screen`);
    await page.locator('article.record-card').waitFor();
    await expect.poll(() => page.locator('aside').textContent()).toMatch(/Animal models of skin wounds/);
    await expect.poll(() => page.locator('main').textContent()).toMatch(/relevance score \d\.\d{3}/);
    // Nothing decided yet: the side panel says the question and criteria rank the records.
    await expect.poll(() => page.locator('aside').textContent()).toMatch(/Ranked by similarity to the question and criteria/);
    await axe(page);
    await shot(page, 'review-screening-1280');
    // The criteria's words are marked in the record (the population says "skin wounds"); the reviewer can turn it off.
    await expect.poll(() => page.locator('article.record-card mark.hl-include').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^wounds?$/i)]));
    const highlightSwitch = page.getByLabel(/Highlight the criteria’s words/);
    await highlightSwitch.uncheck();
    expect(await page.locator('article.record-card mark').count()).toBe(0);
    await highlightSwitch.check();
    expect(await page.locator('article.record-card mark').count()).toBeGreaterThan(0);
    // Keys typed into the note are text, not decisions.
    const note = page.getByLabel('Note (optional)');
    await note.click();
    await page.keyboard.type('mice, iMSC');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Recorded' }).count()).toBe(0);
    await note.fill('');
    // Arrow keys move between records in ranked order.
    await page.locator('main h1').click();
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(/record=\d+/);
    await page.keyboard.press('ArrowLeft');
    await page.getByRole('link', { name: 'back to the next undecided record' }).click();
    await page.waitForURL((u) => !u.search.includes('record='));

    const aliceSeen = await screen(page, 'title-abstract', { [T.zhang]: 'i', [T.kim]: 'i', [T.rossi]: 'i', [T.smith]: 'Review, editorial or commentary' });
    expect(aliceSeen.sort()).toEqual(Object.values(T).sort());

    // Bob has not decided: he sees only his own view (blinded: decidedBy 1, no decision shown).
    await signIn(bob, 'bob');
    await open(bob.page, `/reviews/${PROJECT}/screen`);
    await expect.poll(() => bob.page.locator('article.record-card').textContent()).toMatch(/\(1 decided\) — the other reviewer’s decision stays hidden/);
    expect(await bob.page.locator('article.record-card .decision-list').count()).toBe(0);
    await screen(bob.page, 'title-abstract', { [T.zhang]: 'i', [T.kim]: 'i', [T.rossi]: 'Wrong population or model', [T.smith]: 'Review, editorial or commentary' });

    // A stale form: Alice's page shows her decision on Zhang (version 1); meanwhile she changes it elsewhere.
    const records = (await api('GET', `/api/reviews/${PROJECT}/records?limit=50`, undefined, 'olivia')).body.items as { id: number; title: string }[];
    const zhang = records.find((r) => r.title === T.zhang)!.id;
    await login('alice');
    await open(page, `/reviews/${PROJECT}/screen?record=${zhang}`);
    await page.getByText('Your decision so far: include (version 1)').waitFor();
    expect((await api('POST', `/api/reviews/${PROJECT}/records/${zhang}/decisions`, { decision: 'include', note: 'checked again', expectedVersion: 1 }, 'alice')).status).toBe(201);
    await page.locator('main h1').click();
    await page.keyboard.press('I');
    const stale = page.getByRole('alert').filter({ hasText: 'Your decision was not saved: the form was out of date' });
    await stale.waitFor();
    await expect.poll(() => stale.textContent()).toMatch(/version 2/);
    expect(alice.problems.filter((p) => /HTTP 409/.test(p))).toHaveLength(1);
    const after = (await api('GET', `/api/reviews/${PROJECT}/records/${zhang}`, undefined, 'alice')).body.stages['title-abstract'].mine;
    expect(after).toMatchObject({ decision: 'include', version: 2, note: 'checked again' });
    alice.expectClean(EXPECTED);
    bob.expectClean();
  });

  it('the owner, who screened nothing, resolves the conflict as a third reviewer', async () => {
    const { page } = owner;
    await open(page, `/reviews/${PROJECT}/conflicts`);
    const item = page.locator('ol.conflict-list > li');
    await expect.poll(() => item.count()).toBe(1);
    await expect.poll(() => item.textContent()).toContain(T.rossi);
    await expect.poll(() => item.locator('.decision-list').last().textContent()).toMatch(/alice: Include.*bob: Exclude — Wrong population or model/);
    await axe(page);
    const form = item.getByRole('form', { name: /Resolve the conflict/ });
    await form.getByLabel('Include').check();
    await form.getByLabel(/By a third reviewer/).check();
    await form.getByLabel('Note on the resolution').fill('Pigs are an animal wound model');
    await form.getByRole('button', { name: 'Record the resolution' }).click();
    await page.getByText(/resolved: include \(third reviewer\)/).waitFor();
    await expect.poll(() => item.count()).toBe(0);
    owner.expectClean();
  });

  it('full-text screening by both; the PRISMA numbers add up', async () => {
    const ft = { [T.zhang]: 'i', [T.kim]: 'i', [T.rossi]: 'Data not extractable' };
    expect((await screen(alice.page, 'full-text', ft)).sort()).toEqual([T.kim, T.rossi, T.zhang].sort());
    await screen(bob.page, 'full-text', ft);
    const { page } = owner;
    await open(page, `/reviews/${PROJECT}/prisma`);
    await page.locator('.prisma-svg svg').waitFor();
    await expect.poll(() => page.locator('.prisma-svg svg title').textContent()).toMatch(/4 records identified, 4 screened, 2 studies included/);
    const n = async (label: string): Promise<number> => Number(await page.locator(`td[data-count="${label}"]`).textContent());
    await page.locator('td[data-count="Studies included"]').waitFor();
    const c = {
      identified: await n('Records identified'),
      duplicates: await n('Duplicates removed'),
      screened: await n('Records screened'),
      awaiting: await n('Awaiting screening'),
      excluded: await n('Excluded on title and abstract'),
      sought: await n('Reports sought for retrieval'),
      notRetrieved: await n('Reports not retrieved'),
      assessed: await n('Reports assessed for eligibility'),
      awaitingFt: await n('Awaiting full-text assessment'),
      excludedFt: await n('Excluded at full text'),
      included: await n('Studies included'),
    };
    expect(c).toEqual({ identified: 4, duplicates: 0, screened: 4, awaiting: 0, excluded: 1, sought: 3, notRetrieved: 0, assessed: 3, awaitingFt: 0, excludedFt: 1, included: 2 });
    expect(c.identified - c.duplicates).toBe(c.screened);
    expect(c.excluded + c.sought + c.awaiting).toBe(c.screened);
    expect(c.notRetrieved + c.assessed).toBe(c.sought);
    expect(c.excludedFt + c.included + c.awaitingFt).toBe(c.assessed);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /Counts \(CSV/ }).click();
    expect((await download).suggestedFilename()).toBe(`${PROJECT}-prisma.csv`);
    await axe(page);
    owner.expectClean();
  });

  it('the audit log lists every decision, filtered by reviewer and stage; per-pair κ; the owner edits a criterion, a reviewer cannot', async () => {
    const { page } = owner;
    owner.reset();
    await open(page, `/reviews/${PROJECT}`);
    await page.getByRole('link', { name: 'Audit log', exact: true }).first().click();
    await page.waitForURL(new RegExp(`/reviews/${PROJECT}/audit$`));
    const log = page.getByRole('table', { name: /^Audit log/ });
    await log.waitFor();
    const rows = log.locator('tbody tr');
    const hasRow = async (re: RegExp): Promise<boolean> => (await rows.allTextContents()).some((t) => re.test(t));
    // 4 + 1 (Alice's change on Zhang) + 4 title-abstract decisions, 3 + 3 full-text ones, a resolution, and the project's set-up
    await expect.poll(() => rows.count()).toBeGreaterThan(16);
    await expect.poll(() => hasRow(new RegExp(`^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTCbob${T.rossi} \\(record \\d+\\)Title and abstractDecision– → exclude \\(version 1\\)Wrong population or model$`))).toBe(true);
    await expect.poll(() => hasRow(new RegExp(`UTCalice${T.zhang} \\(record \\d+\\)Title and abstractDecisioninclude \\(version 1\\) → include \\(version 2\\)note: checked again$`))).toBe(true);
    await expect.poll(() => hasRow(/UTColivia.*Title and abstractResolution– → include \(third reviewer, version 1\)note: Pigs are an animal wound model$/)).toBe(true);
    await expect.poll(() => log.locator('caption').textContent()).toMatch(/^Audit log, newest first: entries 1–\d+ of \d+$/);
    await axe(page);
    await shot(page, 'review-audit-1280');
    // filters: Bob's decisions, then only his full-text ones (the filters are in the URL)
    await page.getByLabel('Reviewer').selectOption('bob');
    await page.waitForURL(/audit\?user=bob$/);
    await expect.poll(async () => [...new Set(await log.locator('tbody tr td:nth-child(2)').allTextContents())]).toEqual(['bob']);
    await expect.poll(() => rows.count()).toBe(7);
    await page.getByLabel('Stage').selectOption('full-text');
    await page.waitForURL(/audit\?user=bob&stage=full-text$/);
    await expect.poll(() => rows.count()).toBe(3);
    await expect.poll(() => log.locator('caption').textContent()).toBe('Audit log by bob at full text, newest first: entries 1–3 of 3');
    // a record's title links to it on the screening page
    await log.getByRole('link', { name: new RegExp(T.kim) }).click();
    await page.waitForURL(/\/screen\?stage=full-text&record=\d+$/);
    await page.locator('article.record-card').filter({ hasText: T.kim }).waitFor();

    // agreement per reviewer pair: Alice and Bob disagree on one record of four at title and abstract
    await open(page, `/reviews/${PROJECT}/agreement`);
    const ta = page.getByRole('table', { name: /^alice × bob, title and abstract/ });
    await expect.poll(() => ta.locator('caption').textContent()).toBe("alice × bob, title and abstract: 4 records, agreement 75.0%, Cohen's κ 0.50 (-0.23 to 1.00)");
    await expect.poll(() => ta.locator('tbody tr').first().textContent()).toBe('alice: Include213');
    await expect.poll(() => page.getByRole('table', { name: /^alice × bob, full text/ }).locator('caption').textContent()).toBe("alice × bob, full text: 3 records, agreement 100.0%, Cohen's κ 1.00 (1.00 to 1.00)");
    await axe(page);
    await shot(page, 'review-agreement-1280');

    // the owner edits the criteria: a bad value is refused with the server's message, a good one saved
    await open(page, `/reviews/${PROJECT}`);
    await page.getByRole('button', { name: 'Edit the question and criteria' }).click();
    const form = page.getByRole('form', { name: 'Edit the question and criteria' });
    await expect.poll(() => form.getByLabel('Population (P)').inputValue()).toBe('Animal models of skin wounds');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await axe(page);
    await shot(page, 'review-criteria-1280');
    await form.getByLabel('Review question').fill('x'.repeat(5001));
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alert').filter({ hasText: 'Not saved: question is too long (at most 5000 characters)' }).waitFor();
    expect(owner.problems.filter((p) => /HTTP 400/.test(p))).toHaveLength(1);
    await form.getByLabel('Review question').fill('Do iMSC exosomes speed wound healing in animal models?');
    await form.getByLabel('Comparator (C)').fill('Vehicle (PBS) or adult MSC exosomes');
    const ftReasons = form.getByLabel('Exclusion reasons: full text');
    await ftReasons.fill(`${await ftReasons.inputValue()}\nDuplicate report of an included study`);
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved: the question, the criteria and the exclusion reasons are updated.' }).waitFor();
    await expect.poll(() => page.locator('.criteria-list').textContent()).toMatch(/ComparatorVehicle \(PBS\) or adult MSC exosomes/);
    await expect.poll(() => page.locator('.stage-list').textContent()).toMatch(/Duplicate report of an included study/);
    const project = (await api('GET', `/api/reviews/${PROJECT}`, undefined, 'olivia')).body.project;
    expect(project.criteria).toMatchObject({ population: 'Animal models of skin wounds', comparator: 'Vehicle (PBS) or adult MSC exosomes' });
    expect(project.exclusionReasons['full-text'].at(-1)).toBe('Duplicate report of an included study');
    await open(page, `/reviews/${PROJECT}/audit`);
    await expect.poll(() => page.getByRole('table', { name: /^Audit log/ }).locator('tbody tr').first().textContent()).toMatch(/olivia.*Project changed.*changed: criteria\.comparator, exclusionReasons\.full-text/);
    owner.expectClean([/HTTP 400: .*\/api\/reviews\/wound-review$/, /console error: Failed to load resource: the server responded with a status of 400/]);

    // a reviewer reads the criteria but cannot edit them
    await open(alice.page, `/reviews/${PROJECT}`);
    await expect.poll(() => alice.page.locator('.criteria-list').textContent()).toMatch(/Vehicle \(PBS\)/);
    expect(await alice.page.getByRole('button', { name: 'Edit the question and criteria' }).count()).toBe(0);
  });

  it('extracts an included study: a bad value is refused at the field, a good one saved; the appraisal grid', async () => {
    const { page } = alice;
    alice.reset();
    await open(page, `/reviews/${PROJECT}/extraction`);
    const table = page.getByRole('table', { name: /Included studies/ });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
    await expect.poll(() => page.locator('main').textContent()).toMatch(/ExoAtlas's own checklist score, not EV-TRACK's EV-METRIC/);
    await axe(page);
    await table.getByRole('link', { name: 'Zhang et al. 2019', exact: true }).click();
    await page.waitForURL(/record=\d+&form=extraction/);
    const form = page.getByRole('form', { name: 'Data extraction form' });
    await form.getByLabel('Species', { exact: true }).selectOption('mouse');
    await form.getByLabel('Sex', { exact: true }).selectOption('male');
    await form.getByLabel('Disease area', { exact: true }).selectOption('wound-healing');
    await form.getByLabel('Disease model', { exact: true }).fill('Full-thickness excisional wound in db/db mice');
    await form.getByLabel('Cell source', { exact: true }).selectOption('iMSC');
    await form.getByLabel('dUC', { exact: true }).check();
    await form.getByLabel('Outcome key (kebab-case)', { exact: true }).fill('wound-closure');
    await form.getByLabel('Time point', { exact: true }).fill('day 14');
    await form.getByLabel('Unit', { exact: true }).fill('% closed');
    const g = (what: string, group: number): ReturnType<Page['getByLabel']> => form.getByLabel(`${what} (outcome 1, group ${group})`, { exact: true });
    await g('n', 1).fill('6');
    await g('Mean', 1).fill('82');
    await g('SD', 1).fill('-5');
    await g('SD', 1).blur();
    await g('n', 2).fill('6');
    await g('Mean', 2).fill('55');
    await g('SD', 2).fill('7');
    // validated as typed: the message sits at the field, which is marked invalid
    const sdError = form.locator('p.field-error', { hasText: 'a standard deviation cannot be negative' });
    await sdError.waitFor();
    await expect.poll(() => g('SD', 1).getAttribute('aria-invalid')).toBe('true');
    expect(await g('SD', 1).getAttribute('aria-describedby')).toBe(await sdError.getAttribute('id'));
    // saving anyway: the server refuses it whole, nothing is saved
    await form.getByRole('button', { name: 'Save the extraction form' }).click();
    await form.getByRole('alert').filter({ hasText: 'Not saved: one value needs correcting' }).waitFor();
    expect(alice.problems.filter((p) => /HTTP 400/.test(p))).toHaveLength(1);
    await g('SD', 1).fill('5');
    await expect.poll(() => sdError.count()).toBe(0);
    await form.getByRole('button', { name: 'Save the extraction form' }).click();
    await form.getByText('Saved: version 1 of your extraction form.').waitFor();
    await axe(page);
    await shot(page, 'review-extraction-1280');

    await page.getByRole('link', { name: 'Risk of bias (SYRCLE)' }).click();
    const grid = page.getByRole('table', { name: 'Risk of bias (SYRCLE)' });
    await expect.poll(() => grid.locator('tbody tr').count()).toBe(10);
    await axe(page);
    await page.getByRole('link', { name: 'MISEV reporting checklist' }).click();
    await page.getByText("ExoAtlas's own checklist score, not EV-TRACK's EV-METRIC.").waitFor();
    await expect.poll(() => page.getByRole('table', { name: 'MISEV reporting checklist' }).locator('tbody tr').count()).toBe(10);
    await axe(page);
    alice.expectClean(EXPECTED);
  });

  it('pools the extracted studies: results table, forest plot with risk of bias, funnel plot, saved', async () => {
    // The second included study is extracted through the API.
    const studies = (await api('GET', `/api/reviews/${PROJECT}/extraction`, undefined, 'alice')).body.items as { recordId: number; label: string }[];
    const kim = studies.find((s) => s.label.startsWith('Kim'))!;
    const form = {
      characteristics: { species: 'rat', sex: 'male', diseaseArea: 'wound-healing', diseaseModel: 'Excisional wound', cellSource: 'iMSC', isolation: { methods: ['SEC'] } },
      outcomes: [{ outcome: 'wound-closure', timePoint: 'day 14', kind: 'continuous', direction: 'higher-is-better', groups: [{ id: 'treatment', role: 'treatment', n: 8, mean: 75, sd: 9 }, { id: 'control', role: 'control', n: 8, mean: 60, sd: 10 }] }],
    };
    expect((await api('PUT', `/api/reviews/${PROJECT}/records/${kim.recordId}/forms/extraction`, { data: form, expectedVersion: 0 }, 'alice')).status).toBe(200);

    const { page } = owner;
    owner.reset();
    await open(page, `/reviews/${PROJECT}/synthesis`);
    await page.getByLabel('Outcome (at time point)').selectOption('wound-closure @ day 14');
    await page.waitForURL(/outcome=wound-closure&timePoint=day\+14/);
    await page.getByRole('figure').filter({ hasText: 'Forest plot with the SYRCLE risk-of-bias judgements' }).locator('img').waitFor();
    const results = page.getByRole('table', { name: /comparisons; pooled/ });
    await expect.poll(() => results.locator('tbody tr').count()).toBe(3);
    await expect.poll(() => results.locator('tbody').textContent()).toMatch(/Zhang et al\. 2019.*Kim et al\. 2020.*Pooled/);
    await page.getByRole('button', { name: 'Pool and save' }).click();
    await page.getByRole('heading', { name: 'Results (saved as synthesis 1)' }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Per-study results (CSV)' }).click();
    expect((await download).suggestedFilename()).toBe('synthesis-1-results.csv');
    await expect.poll(() => page.getByRole('button', { name: 'Publish to the atlas' }).count()).toBe(1);
    await axe(page);
    await shot(page, 'review-synthesis-1280');
    owner.expectClean();
  });

  it("shows the discrepancies between two reviewers' extraction forms and saves a consensus; a report not retrieved counts in PRISMA", async () => {
    // bob extracts Zhang et al. like alice but for one SD (through the API; the owner reads alice's form)
    await login('bob');
    const studies = (await api('GET', `/api/reviews/${PROJECT}/extraction`, undefined, 'olivia')).body.items as { recordId: number; label: string }[];
    const zhang = studies.find((s) => s.label.startsWith('Zhang'))!;
    const data = (await api('GET', `/api/reviews/${PROJECT}/records/${zhang.recordId}/forms/extraction`, undefined, 'olivia')).body.forms[0].data;
    data.outcomes[0].groups[0].sd = 6;
    expect((await api('PUT', `/api/reviews/${PROJECT}/records/${zhang.recordId}/forms/extraction`, { data, expectedVersion: 0 }, 'bob')).status).toBe(200);

    const { page } = owner;
    owner.reset();
    await open(page, `/reviews/${PROJECT}/extraction?record=${zhang.recordId}&form=extraction`);
    const table = page.getByRole('table', { name: /discrepanc(y|ies) between the forms of/ });
    await expect.poll(() => table.locator('tbody').textContent()).toMatch(/sd.*5.*6|sd.*6.*5/);
    await axe(page);
    await page.getByRole('link', { name: 'Save a consensus form' }).click();
    await page.waitForURL(/as=consensus/);
    const form = page.getByRole('form', { name: 'Consensus data extraction form' });
    const sd = form.getByLabel('SD (outcome 1, group 1)', { exact: true });
    await expect.poll(() => sd.inputValue()).toMatch(/^(5|6)$/); // prefilled from a reviewer's form
    await sd.fill('6');
    await form.getByRole('button', { name: 'Save the consensus extraction form' }).click();
    await form.getByText('Saved: version 1 of the consensus extraction form.').waitFor();
    await expect.poll(() => page.locator('.consensus-view').textContent()).toMatch(/Status: consensus · consensus form saved \(version 1/);

    // the owner marks Rossi et al.'s full text as not retrieved from the full-text stage of the screening page
    const records = (await api('GET', `/api/reviews/${PROJECT}/records?stage=title-abstract&limit=500`, undefined, 'olivia')).body.items as { id: number; title: string }[];
    const rossi = records.find((r) => r.title === T.rossi)!;
    await open(page, `/reviews/${PROJECT}/screen?stage=full-text&record=${rossi.id}`);
    await page.getByRole('button', { name: 'Mark the full text as not retrieved' }).click();
    await page.getByText(`Marked: the full text of record ${rossi.id} was not retrieved.`, { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Mark the full text as retrieved' }).waitFor();
    await axe(page);
    await open(page, `/reviews/${PROJECT}/prisma`);
    const n = async (label: string): Promise<number> => Number(await page.locator(`td[data-count="${label}"]`).textContent());
    await page.locator('td[data-count="Reports not retrieved"]').waitFor();
    expect({ sought: await n('Reports sought for retrieval'), notRetrieved: await n('Reports not retrieved'), assessed: await n('Reports assessed for eligibility') }).toEqual({ sought: 3, notRetrieved: 1, assessed: 2 });
    owner.expectClean();
  });
});
