/**
 * Extraction, appraisal and synthesis of a review project over each backend, through the services: the fixture project is
 * carried from extraction to a pooled estimate that matches metafor (see packages/review/test/synthesis/metafor.test.ts
 * for the R call), with validation at the field, nothing partial saved, stale writes refused, roles enforced, dual
 * extraction with discrepancies and consensus, appraisal summaries, stored syntheses reproduced, and publication to
 * the atlas.
 */
import type { ExoError } from '@exoatlas/schema';
import { ExtractionService, ReviewService, synthesisFromJson } from '@exoatlas/review';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKyselyStores, type KyselyStores } from '../src/index.js';
import { testBackends } from './helpers/backends.js';
import { PROJECT_ID, buildProject, type BuiltProject } from '../../review/test/synthesis/build-project.js';
import { rawFixture } from '../../review/test/synthesis/load-fixture.js';

const backends = await testBackends();
const fixture = rawFixture();
const formOf = (studyId: string) => structuredClone(fixture.studies.find((s) => s.studyId === studyId)!);

async function codeOf(f: () => unknown): Promise<string | undefined> {
  try {
    await f();
  } catch (e) {
    return (e as ExoError).code;
  }
  return undefined;
}

describe.runIf(backends.some((b) => b.isAvailable)).each(backends.filter((b) => b.isAvailable))('extraction over $name', (backend) => {
  let service: ExtractionService;
  let p: BuiltProject;
  let store: KyselyStores;

  beforeEach(async () => {
    store = await createKyselyStores({ url: await backend.newUrl() });
    const review = new ReviewService(store.review);
    service = new ExtractionService(review, store.extraction);
    p = await buildProject(review);
  });
  afterEach(() => store.close());

  const extractAll = async (): Promise<void> => {
    for (const s of fixture.studies) {
      const id = p.records[s.studyId]!;
      await service.saveForm(p.alice, PROJECT_ID, id, 'extraction', { data: s.form, expectedVersion: 0 });
      await service.saveForm(p.alice, PROJECT_ID, id, 'rob', { data: s.rob });
      await service.saveForm(p.alice, PROJECT_ID, id, 'misev', { data: s.misev });
    }
  };

  it('carries the project from extraction to the pooled estimate metafor gives', async () => {
    expect(await service.studies(p.alice, PROJECT_ID)).toHaveLength(6);
    await extractAll();
    const { id, synthesis } = await service.synthesise(p.bob, PROJECT_ID, { outcome: 'wound-closure', subgroup: 'species' }, true);
    expect(id).toBe(1);
    const r = synthesis.result;
    expect(r.k).toBe(7);
    expect(r.estimate!).toBeCloseTo(2.10981404058809, 8);
    expect(r.ciLower!).toBeCloseTo(1.34729349207676, 8);
    expect(r.ciUpper!).toBeCloseTo(2.87233458909942, 8);
    expect(r.tau2!).toBeCloseTo(0.542069096388195, 8);
    // issue 18 item 8: every row names its record (what --record takes) beside the label, in the plot too
    expect(r.labels[2]).toBe('Li et al. 2019 · record 3 (low dose)');
    for (const label of r.labels) expect(label).toMatch(/ · record \d+/);
    expect(synthesis.svg.forest).toContain('Li et al. 2019 · record 3 (low dose)');
    expect(synthesis.svg.forest).toContain('class="summary"');
    expect(synthesis.warnings.join(' ')).toMatch(/extracted by one reviewer only/);
    // stored and reproduced from the stored table
    const again = synthesisFromJson((await service.getSynthesis(p.vera, PROJECT_ID, 1)).result);
    expect(again.result.estimate).toBe(r.estimate);
    expect(again.svg.forest).toBe(synthesis.svg.forest);
  });

  it('refuses bad values at the field and saves nothing', async () => {
    const s = formOf('li-2019');
    (s.form as { outcomes: { groups: { sd?: number; n: number }[] }[] }).outcomes[0]!.groups[2]!.sd = -10.1;
    (s.form as { outcomes: { groups: { sd?: number; n: number }[] }[] }).outcomes[0]!.groups[0]!.n = 6.5;
    const id = p.records['li-2019']!;
    try {
      await service.saveForm(p.alice, PROJECT_ID, id, 'extraction', { data: s.form });
      expect.unreachable();
    } catch (e) {
      const err = e as ExoError;
      expect(err.code).toBe('EXO_ERR_EXTRACT_INVALID');
      expect(err.context.fields).toEqual([
        { path: 'outcomes[0].groups[0].n', message: 'n must be a whole number' },
        { path: 'outcomes[0].groups[2].sd', message: 'a standard deviation cannot be negative' },
      ]);
    }
    expect(await service.history(p.alice, PROJECT_ID, id, 'extraction')).toEqual([]);
    const bad = formOf('li-2019').rob as { items: Record<string, unknown> };
    bad.items['random-housing'] = { judgement: 'probably' };
    expect(await codeOf(() => service.saveForm(p.alice, PROJECT_ID, id, 'rob', { data: bad }))).toBe('EXO_ERR_APPRAISAL_INVALID');
    expect((await sql<{ n: number }>`SELECT COUNT(*) AS n FROM review_forms`.execute(store.database.db)).rows.map((r) => Number(r.n))).toEqual([0]);
  });

  it('refuses stale writes, viewers writing and strangers reading', async () => {
    const id = p.records['kim-2018']!;
    const form = formOf('kim-2018').form;
    expect((await service.saveForm(p.bob, PROJECT_ID, id, 'extraction', { data: form, expectedVersion: 0 })).version).toBe(1);
    expect(await codeOf(() => service.saveForm(p.bob, PROJECT_ID, id, 'extraction', { data: form, expectedVersion: 0 }))).toBe('EXO_ERR_EXTRACT_STALE');
    expect((await service.saveForm(p.bob, PROJECT_ID, id, 'extraction', { data: form, expectedVersion: 1 })).version).toBe(2);
    expect(await codeOf(() => service.saveForm(p.vera, PROJECT_ID, id, 'extraction', { data: form }))).toBe('EXO_ERR_AUTH_FORBIDDEN');
    expect((await service.forms(p.vera, PROJECT_ID, id, 'extraction')).status).toBe('single');
    expect(await codeOf(() => service.forms(undefined, PROJECT_ID, id, 'extraction'))).toBe('EXO_ERR_AUTH_REQUIRED');
    expect(await codeOf(() => service.saveForm(p.bob, PROJECT_ID, 9999, 'extraction', { data: form }))).toBe('EXO_ERR_REVIEW_NOT_FOUND_RECORD');
  });

  it('dual extraction: discrepancies, consensus (blinding follows the project mode: see packages/server/test/blinding.test.ts)', async () => {
    await extractAll();
    const id = p.records['li-2019']!;
    // issue 17: a single-screening project blinds nothing, so bob sees alice's form before saving his own
    expect((await service.forms(p.bob, PROJECT_ID, id, 'extraction')).forms.map((f) => f.reviewer)).toEqual(['alice']);
    const bobs = formOf('li-2019').form as { outcomes: { groups: { sd?: number }[] }[] };
    bobs.outcomes[0]!.groups[2]!.sd = 11.1;
    await service.saveForm(p.bob, PROJECT_ID, id, 'extraction', { data: bobs });
    const v = await service.forms(p.bob, PROJECT_ID, id, 'extraction');
    expect(v.status).toBe('conflict');
    expect(v.discrepancies).toEqual([{ path: 'outcomes[wound-closure @ day 14].groups[C].sd', a: 10.1, b: 11.1 }]);
    const s = (await service.synthesise(p.bob, PROJECT_ID, { outcome: 'wound-closure' })).synthesis;
    expect(s.result.k).toBe(5);
    expect(s.warnings).toContain("Li et al. 2019: the reviewers' extraction forms differ and there is no consensus form; left out.");
    expect(await codeOf(() => service.saveForm(p.vera, PROJECT_ID, id, 'extraction', { data: formOf('li-2019').form, consensus: true }))).toBe('EXO_ERR_AUTH_FORBIDDEN');
    await service.saveForm(p.alice, PROJECT_ID, id, 'extraction', { data: formOf('li-2019').form, consensus: true });
    expect((await service.forms(p.vera, PROJECT_ID, id, 'extraction')).status).toBe('consensus');
    expect((await service.synthesise(p.bob, PROJECT_ID, { outcome: 'wound-closure' })).synthesis.result.k).toBe(7);
    // SYRCLE: agreement between the two assessments
    const rob = formOf('li-2019').rob as { items: Record<string, unknown> };
    rob.items['random-housing'] = { judgement: 'no', quote: 'animals were housed by group' };
    await service.saveForm(p.bob, PROJECT_ID, id, 'rob', { data: rob });
    const r = await service.forms(p.alice, PROJECT_ID, id, 'rob');
    expect(r.discrepancies).toEqual([{ path: 'items.random-housing', a: 'unclear', b: 'no' }]);
    expect(r.agreement!.agreed).toBe(9);
  });

  it('appraisal summaries render; MISEV answers follow the applicability rules', async () => {
    await extractAll();
    const a = await service.appraisalSummary(p.vera, PROJECT_ID);
    expect(a.rob).toHaveLength(6);
    expect(a.svg.robSummary).toContain('Risk of bias (SYRCLE), summary');
    expect(a.svg.robTrafficLight).toContain('Garcia et al. 2022');
    expect(a.svg.misevSummary).toContain("not EV-TRACK's EV-METRIC");
    const m = formOf('garcia-2022').misev as { items: Record<string, unknown> };
    m.items['culture-conditions'] = { answer: 'na' };
    try {
      await service.saveForm(p.alice, PROJECT_ID, p.records['garcia-2022']!, 'misev', { data: m, expectedVersion: 1 });
      expect.unreachable();
    } catch (e) {
      expect((e as ExoError).code).toBe('EXO_ERR_APPRAISAL_INVALID');
      expect((e as ExoError).context.fields).toEqual([{ path: 'items.culture-conditions.answer', message: expect.stringMatching(/applies to this study/) }]);
    }
  });

  it('publishes the included studies and pooled results into the atlas', async () => {
    await extractAll();
    const { id } = await service.synthesise(p.alice, PROJECT_ID, { outcome: 'wound-closure' }, true);
    expect(await codeOf(() => service.publish(p.bob, PROJECT_ID, id!))).toBe('EXO_ERR_AUTH_FORBIDDEN');
    const pub = await service.publish(p.alice, PROJECT_ID, id!);
    expect(pub.studies).toHaveLength(6);
    const atlas = await service.atlasStudies();
    expect(atlas).toHaveLength(6);
    // issue 18 item 2: the origin says where the study comes from — project, question, reviewers, source record, synthesis
    expect(atlas[0]!.study.origin).toEqual({
      kind: 'project',
      projectId: PROJECT_ID,
      projectName: fixture.project.name,
      question: expect.any(String),
      reviewers: ['alice'],
      record: { id: expect.any(Number), title: 'Exosomes from iPSC-derived MSCs accelerate cutaneous wound healing in rats', doi: '10.5555/fixture.zhang-2015' },
      synthesisId: id,
      version: 1,
      publishedAt: expect.stringMatching(/^\d{4}-/),
      note: expect.stringMatching(/^Isolation /),
    });
    expect(atlas[0]!.study.curationNote).toBeUndefined();
    expect(atlas[0]!.study.title).toBe('Exosomes from iPSC-derived MSCs accelerate cutaneous wound healing in rats');
    expect(atlas[0]!.pooled[0]).toMatchObject({ outcome: 'wound-closure', measure: 'SMD', k: 7, comparisons: 1 });
    expect(atlas[0]!.doi).toBe('10.5555/fixture.zhang-2015');
    expect((await service.syntheses(p.vera, PROJECT_ID))[0]!.publishedAt).not.toBeNull();
  });
});
