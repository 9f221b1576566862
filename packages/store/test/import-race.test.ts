/**
 * Issue 16 part 6: two server processes importing into one project at once. Each plans its import (de-duplication
 * against the project's records) before writing; the store refuses a plan whose records changed meanwhile, and the
 * service plans again, so the same export imported through both processes adds its records once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_EXCLUSION_REASONS, planInThread, ReviewService, type ImportPlanner, type User } from '@exoatlas/review';
import { createKyselyStores, type KyselyStores } from '../src/kysely/create-stores.js';
import { repoRoot } from '../../../test/helpers/paths.js';
import { testBackends } from './helpers/backends.js';

const backends = await testBackends();
const file = { name: 'dups.ris', data: readFileSync(join(repoRoot, 'packages/literature/test/fixtures/duplicates-embase.ris'), 'utf8') };
const provenance = { database: 'Embase', date: '2026-11-01', query: 'q' };

describe.each(backends)('issue 16 part 6: concurrent imports from two processes on $name', (backend) => {
  const open: KyselyStores[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });

  it.skipIf(!backend.isAvailable)('an import planned before another process imported is planned again, and adds nothing twice', async () => {
    const url = await backend.newUrl();
    // Two connections to one database: two server processes.
    const a = await createKyselyStores({ url });
    open.push(a);
    const b = await createKyselyStores({ url });
    open.push(b);
    const owner: User = await a.review.createUser({ username: 'owner', displayName: 'Owner', passwordHash: 'x', isAdmin: true });
    await a.review.createProject({ id: 'p', name: 'P', question: 'Q', criteria: {}, mode: 'dual', exclusionReasons: DEFAULT_EXCLUSION_REASONS }, owner.id);
    const viaB = new ReviewService(b.review);
    let plans = 0;
    // Process A reads its files; process B imports the same export before A writes.
    const racing: ImportPlanner = async (existing, files) => {
      const planned = await planInThread(existing, files);
      if (++plans === 1) await viaB.importSearches(owner, 'p', [file], provenance);
      return planned;
    };
    const viaA = new ReviewService(a.review, { planImport: racing });
    const first = (await b.review.records('p')).length;
    const result = await viaA.importSearches(owner, 'p', [file], provenance);
    expect(plans).toBe(2);
    const records = await a.review.records('p');
    expect(records.length).toBeGreaterThan(0);
    expect(first).toBe(0);
    // B's import added every record; A's, planned again, found them all already there.
    expect(result.added).toBe(0);
    expect(result.duplicates).toBe(result.identified);
    expect((await a.review.searches('p')).map((s) => s.added)).toEqual([records.length, 0]);
  });
});
