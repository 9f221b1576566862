import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/main.js';
import type { CommandIO } from '../src/command-io.js';
import { tempDir } from '../../../test/helpers/paths.js';
import { FIXTURE_RESPONDERS, startFakeService } from '../../search/test/helpers/fake-service.js';

const tmp = tempDir('exoatlas-cli-issue21-');
afterAll(() => tmp.cleanup());
const db = join(tmp.dir, 'review.sqlite');

/** The CLI in this process: the local fake service must keep answering while a command runs. */
async function exoatlas(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (s: string) => void (stdout += s), stderr: (s: string) => void (stderr += s), cwd: tmp.dir, env: { EXOATLAS_DB: db, ...env }, isTTY: false } as unknown as CommandIO;
  const code = await run(args, io);
  return { code, stdout, stderr };
}

describe('issue 21: exoatlas review search add|list|run|schedule', () => {
  it('adds, runs (found/new), lists, schedules and runs due searches from the command line', { timeout: 120_000 }, async () => {
    const pubmed = await startFakeService(FIXTURE_RESPONDERS.pubmed);
    const openalex = await startFakeService(FIXTURE_RESPONDERS.openalex);
    const env = { EXOATLAS_SEARCH_BASE_URL_PUBMED: pubmed.url, EXOATLAS_SEARCH_BASE_URL_OPENALEX: openalex.url, EXOATLAS_SEARCH_EMAIL: 'team@example.org' };
    try {
      expect((await exoatlas(['review', 'create', '--name', 'Living', '--id', 'living'])).code).toBe(0);
      const added = await exoatlas(['review', 'search', 'add', 'living', '--database', 'pubmed', '--query', 'exosomes AND ipsc', '--filter', 'mindate=2015', '--filter', 'datetype=pdat'], env);
      expect(added.stderr).toBe('');
      expect(added.stdout).toBe('saved search 1: pubmed "exosomes AND ipsc"\n');
      const first = await exoatlas(['review', 'search', 'run', 'living', '1'], env);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/^run 1 \d{4}-\d\d-\d\d \d\d:\d\d found 3 of 3, 3 new, 0 duplicates\n$/);
      expect(pubmed.requests[0]!.params.get('mindate')).toBe('2015');
      expect(pubmed.requests[0]!.params.get('email')).toBe('team@example.org');

      const oa = await exoatlas(['review', 'search', 'add', 'living', '--database', 'openalex', '--query', 'exosomes iPSC', '--schedule', 'weekly', '--json'], env);
      expect(JSON.parse(oa.stdout)).toMatchObject({ id: 2, schedule: 'weekly' });
      const due = await exoatlas(['review', 'search', 'run', '--due'], env);
      expect(due.code, due.stderr).toBe(0);
      expect(due.stdout).toMatch(/^living search 2: run 2 .* found 3 of 3, 1 new, 2 duplicates\n$/);
      expect((await exoatlas(['review', 'search', 'run', '--due'], env)).stdout).toBe('no saved search is due\n');

      const listed = await exoatlas(['review', 'search', 'list', 'living'], env);
      expect(listed.stdout).toMatch(/ {2}1 {2}pubmed {4}none {3}exosomes AND ipsc \[mindate=2015, datetype=pdat\]\n {5}run 1 .* 3 new/);
      expect(listed.stdout).toMatch(/ {2}2 {2}openalex {2}weekly exosomes iPSC\n {5}run 2 .* 1 new, 2 duplicates; next \d{4}-/);
      const scheduled = await exoatlas(['review', 'search', 'schedule', 'living', '1', 'daily'], env);
      expect(scheduled.stdout).toMatch(/^saved search 1: daily, next run \d{4}-\d\d-\d\d \d\d:\d\d\n$/);

      const bad = await exoatlas(['review', 'search', 'add', 'living', '--database', 'scopus', '--query', 'x'], env);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/database must be one of pubmed, europepmc, openalex, crossref/);
      const unknown = await exoatlas(['review', 'search', 'run', 'living', '9'], env);
      expect(unknown.code).toBe(3);
      expect(unknown.stderr).toMatch(/no saved search 9 in 'living'/);
      const usage = await exoatlas(['review', 'search', 'frobnicate', 'living'], env);
      expect(usage.code).toBe(2);
    } finally {
      await pubmed.close();
      await openalex.close();
    }
  });
});
