/**
 * A small review project built from the fixtures, through part 1's ReviewService: users alice (owner, admin), bob
 * (reviewer) and vera (viewer); the six wound-healing records imported from RIS and included at title/abstract and at
 * full text. Returns the record id of each fixture study (by its DOI).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReviewService } from '../../src/service/review-service.js';
import type { User } from '../../src/types.js';
import { rawFixture } from './load-fixture.js';

export const PROJECT_ID = 'imsc-wound-healing';
export const RIS_FILE = join(import.meta.dirname, 'fixtures', 'wound-healing-studies.ris');
export const PASSWORD = 'correct-horse-battery';

export interface BuiltProject {
  alice: User;
  bob: User;
  vera: User;
  /** fixture studyId → record id */
  records: Record<string, number>;
}

export async function buildProject(review: ReviewService): Promise<BuiltProject> {
  const alice = await review.createUser(undefined, { username: 'alice', password: PASSWORD, displayName: 'Alice' });
  const bob = await review.createUser(alice, { username: 'bob', password: PASSWORD });
  const vera = await review.createUser(alice, { username: 'vera', password: PASSWORD });
  await review.createProject(alice, { id: PROJECT_ID, name: rawFixture().project.name, question: 'Do iMSC exosomes speed skin wound healing in animals?', mode: 'single' });
  await review.addMember(alice, PROJECT_ID, { username: 'bob', role: 'reviewer' });
  await review.addMember(alice, PROJECT_ID, { username: 'vera', role: 'viewer' });
  await review.importSearches(alice, PROJECT_ID, [{ name: 'wound-healing-studies.ris', data: readFileSync(RIS_FILE, 'utf8') }], { database: 'PubMed', date: '2026-01-15', query: 'iMSC exosomes wound healing' });
  const records: Record<string, number> = {};
  const items = (await review.listRecords(alice, PROJECT_ID, { limit: 100 })).items;
  for (const r of items) {
    await review.decide(alice, PROJECT_ID, r.id, { stage: 'title-abstract', decision: 'include', expectedVersion: 0 });
    await review.decide(alice, PROJECT_ID, r.id, { stage: 'full-text', decision: 'include', expectedVersion: 0 });
    const studyId = r.doi?.replace(/^10\.5555\/fixture\./, '');
    if (studyId) records[studyId] = r.id;
  }
  return { alice, bob, vera, records };
}
