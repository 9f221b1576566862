/**
 * `exoatlas synthesis`, in process through run(): a review project built from the fixtures with `exoatlas review`
 * (create, import, screen), then carried from extraction to a pooled estimate and forest plot that match metafor
 * (R call in packages/review/test/synthesis/metafor.test.ts); bad forms refused per field with nothing saved.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processIO, type CommandIO } from '../src/command-io.js';
import { run } from '../src/main.js';
import { tempDir } from '../../../test/helpers/paths.js';
import { PROJECT_ID, RIS_FILE } from '../../review/test/synthesis/build-project.js';
import { rawFixture } from '../../review/test/synthesis/load-fixture.js';

const tmp = tempDir('exoatlas-synthesis-cli-');
afterAll(() => tmp.cleanup());
const db = join(tmp.dir, 'atlas.sqlite');

async function exoatlas(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = { ...processIO(), cwd: tmp.dir, env: { ...process.env, EXOATLAS_DB: db, EXOATLAS_USER: '' }, stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTTY: false };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

const fixture = rawFixture();
const file = (name: string, value: unknown): string => {
  const path = join(tmp.dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
};

describe('exoatlas synthesis', () => {
  it('carries a review project from extraction to the pooled estimate metafor gives, with a forest plot', async () => {
    expect((await exoatlas(['review', 'create', '--name', fixture.project.name, '--id', PROJECT_ID])).code).toBe(0);
    const imp = await exoatlas(['review', 'import', PROJECT_ID, RIS_FILE, '--database', 'PubMed', '--date', '2026-01-15']);
    expect(imp.stderr).toBe('');
    for (let id = 1; id <= 6; id++) {
      for (const stage of ['title-abstract', 'full-text']) {
        const r = await exoatlas(['review', 'screen', PROJECT_ID, '--record', String(id), '--decision', 'include', '--stage', stage]);
        expect(r.stderr).toBe('');
      }
    }
    const st = await exoatlas(['synthesis', 'studies', PROJECT_ID, '--json']);
    expect(st.stderr).toBe('');
    const studies = JSON.parse(st.stdout).items as { recordId: number; label: string }[];
    expect(studies).toHaveLength(6);
    for (const [i, s] of fixture.studies.entries()) {
      const record = String(studies[i]!.recordId);
      const ex = await exoatlas(['synthesis', 'extract', PROJECT_ID, '--record', record, '--file', file(`${s.studyId}.json`, s.form)]);
      expect(ex.stderr).toBe('');
      expect(ex.stdout).toMatch(/extraction form saved \(version 1\)/);
      expect((await exoatlas(['synthesis', 'appraise', PROJECT_ID, '--record', record, '--syrcle', file(`${s.studyId}-rob.json`, s.rob)])).code).toBe(0);
      expect((await exoatlas(['synthesis', 'appraise', PROJECT_ID, '--record', record, '--misev', file(`${s.studyId}-misev.json`, s.misev)])).code).toBe(0);
    }
    const forest = join(tmp.dir, 'forest.svg');
    const r = await exoatlas(['synthesis', 'run', PROJECT_ID, '--outcome', 'wound-closure', '--forest', forest, '--rob-forest', join(tmp.dir, 'rob-forest.svg'), '--csv', join(tmp.dir, 'table.csv'), '--save', '--json']);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.result.estimate).toBeCloseTo(2.10981404058809, 8);
    expect(out.result.ciLower).toBeCloseTo(1.34729349207676, 8);
    expect(out.result.tau2).toBeCloseTo(0.542069096388195, 8);
    expect(readFileSync(forest, 'utf8')).toMatch(/^<svg[^>]*role="img"/);
    expect(readFileSync(join(tmp.dir, 'table.csv'), 'utf8')).toMatch(/^study,studyId,arm,/);
    const text = await exoatlas(['synthesis', 'show', PROJECT_ID, '--synthesis', '1']);
    expect(text.stdout).toMatch(/pooled 2\.110 \(95% CI 1\.347 to 2\.872\)/);
    const appraisal = await exoatlas(['synthesis', 'appraisal', PROJECT_ID, '--rob-summary', join(tmp.dir, 'rob.svg'), '--misev', join(tmp.dir, 'misev.svg')]);
    expect(appraisal.stdout).toMatch(/ExoAtlas MISEV2018-based reporting score/);
    expect(readFileSync(join(tmp.dir, 'rob.svg'), 'utf8')).toContain('Risk of bias (SYRCLE), summary');
    const pub = await exoatlas(['synthesis', 'publish', PROJECT_ID, '--synthesis', '1']);
    expect(pub.stdout).toMatch(/published as version 1: 6 studies in the atlas/);
  });

  it('issue 18 item 1: the published studies are in the atlas every command reads; unpublish and publish again (a new version)', async () => {
    expect(JSON.parse((await exoatlas(['studies', '--origin', 'project', '--json'])).stdout).total).toBe(6);
    const out = await exoatlas(['synthesis', 'unpublish', PROJECT_ID]);
    expect(out.stderr).toBe('');
    expect(out.stdout).toMatch(/unpublished: its 6 studies \(version 1\) are no longer in the atlas/);
    expect(JSON.parse((await exoatlas(['studies', '--origin', 'project', '--json'])).stdout).total).toBe(0);
    expect((await exoatlas(['synthesis', 'unpublish', PROJECT_ID])).code).toBe(6);
    expect((await exoatlas(['synthesis', 'publish', PROJECT_ID, '--synthesis', '1'])).stdout).toMatch(/published as version 2/);
    const versions = JSON.parse((await exoatlas(['synthesis', 'publications', PROJECT_ID, '--json'])).stdout).items;
    expect(versions.map((v: { version: number; withdrawnAt: string | null }) => [v.version, v.withdrawnAt !== null])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(JSON.parse((await exoatlas(['studies', '--origin', 'project', '--json'])).stdout).items[0].origin.version).toBe(2);
  });

  it('refuses a bad form with the field and exit code 4, and saves nothing', async () => {
    const form = structuredClone(fixture.studies[0]!.form) as { outcomes: { groups: Record<string, unknown>[] }[] };
    form.outcomes[1]!.groups[0]!.sd = -6.1;
    const path = file('bad.json', form);
    const v = await exoatlas(['synthesis', 'validate', path, '--kind', 'extraction']);
    expect(v.code).toBe(4);
    expect(v.stderr).toBe(`${path}: outcomes[1].groups[0].sd: a standard deviation cannot be negative\n`);
    const r = await exoatlas(['synthesis', 'extract', PROJECT_ID, '--record', '1', '--file', path]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/outcomes\[1\]\.groups\[0\]\.sd: a standard deviation cannot be negative/);
    const forms = JSON.parse((await exoatlas(['synthesis', 'forms', PROJECT_ID, '--record', '1', '--json'])).stdout);
    expect(forms.forms[0].version).toBe(1);
    expect((await exoatlas(['synthesis'])).code).toBe(2);
    expect((await exoatlas(['synthesis', 'appraise', PROJECT_ID, '--record', '1'])).code).toBe(2);
  });
});
