/**
 * Issue 16 (per-process caches keyed by what the database holds) and issue 23 (screening state kept incrementally):
 * the review service keeps each project's screening state and reads only the decisions and resolutions after the ids
 * it holds, on SQLite and PostgreSQL; another service on the same database (another process) sees nothing stale.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeCitations, emptyRecord } from '@exoatlas/literature';
import { ReviewService, type ReviewStore, type ScreeningLogDelta, type User } from '@exoatlas/review';
import { createKyselyStores, type KyselyStores } from '../src/kysely/create-stores.js';
import { testBackends } from './helpers/backends.js';

const backends = await testBackends();
const PASSWORD = 'a-long-enough-password';

/** n records as a RIS file. */
function ris(n: number): string {
  return writeCitations(
    Array.from({ length: n }, (_, i) => ({ ...emptyRecord(`r${i}`, { format: 'ris' as const, fields: {} }), title: `Induced pluripotent stem cell exosomes in model ${i}`, doi: `10.1/cache.${i}` })),
    'ris',
  );
}

describe.each(backends)('issue 16/23: the screening state is kept per project and caught up from the database ($name)', (backend) => {
  const open: KyselyStores[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });

  async function project(mode: 'single' | 'dual') {
    const url = await backend.newUrl();
    const stores = await createKyselyStores({ url });
    open.push(stores);
    const service = new ReviewService(stores.review);
    const olivia = await service.createUser(undefined, { username: 'olivia', password: PASSWORD });
    const ruth = await service.createUser(olivia, { username: 'ruth', password: PASSWORD });
    await service.createProject(olivia, { id: 'pp', name: 'P', mode });
    await service.addMember(olivia, 'pp', { username: 'ruth', role: 'reviewer' });
    await service.importSearches(olivia, 'pp', [{ name: 'f.ris', data: ris(30) }], { database: 'Embase', date: '2026-11-01' });
    const ids = (await stores.review.records('pp')).map((r) => r.id);
    return { url, stores, service, olivia, ruth, ids };
  }

  /** Another process on the same database: its own stores and service, nothing shared in memory. */
  async function otherProcess(url: string) {
    const stores = await createKyselyStores({ url });
    open.push(stores);
    return new ReviewService(stores.review);
  }

  const statuses = async (service: ReviewService, user: User) => (await service.listRecords(user, 'pp', { limit: 500 })).items.map((r) => [r.id, r.stages['title-abstract'].status]);

  it.skipIf(!backend.isAvailable)('after the first request only the new rows are read, and the state equals one built from scratch', async () => {
    const { url, stores, service, olivia, ruth, ids } = await project('dual');
    const since = vi.spyOn(stores.review, 'screeningLogSince');
    await service.getProject(olivia, 'pp');
    expect(since).toHaveBeenLastCalledWith('pp', { decision: 0, resolution: 0 });
    const made = [];
    for (const [k, id] of ids.slice(0, 12).entries()) {
      made.push(await service.decide(olivia, 'pp', id, { decision: k % 3 === 0 ? 'exclude' : 'include', reason: k % 3 === 0 ? 'Wrong outcome' : undefined, expectedVersion: 0 }));
      made.push(await service.decide(ruth, 'pp', id, { decision: k % 2 === 0 ? 'exclude' : 'include', reason: k % 2 === 0 ? 'Wrong outcome' : undefined, expectedVersion: 0 }));
    }
    since.mockClear();
    await service.getProject(olivia, 'pp');
    // Caught up from the last decision it held: nothing older is read again.
    const lastDecision = Math.max(...made.map((d) => d.decision.id));
    expect(since).toHaveBeenCalledTimes(1);
    expect(since.mock.calls[0]![1].decision).toBe(lastDecision);
    // The same outcomes as a service that reads everything afresh.
    const fresh = await otherProcess(url);
    expect(await statuses(service, olivia)).toEqual(await statuses(fresh, olivia));
    const conflicts = (await service.conflicts(olivia, 'pp')).items.length;
    expect(conflicts).toBeGreaterThan(0);
    expect(conflicts).toBe((await fresh.conflicts(olivia, 'pp')).items.length);
  });

  it.skipIf(!backend.isAvailable)('a decision and a resolution made by another process show in this one at once, and stale versions are still refused', async () => {
    const { url, service, olivia, ruth, ids } = await project('dual');
    const before = await service.getProject(olivia, 'pp');
    const other = await otherProcess(url);
    const oliviaThere = (await other.authenticate((await other.login('olivia', PASSWORD)).token))!;
    const ruthThere = (await other.authenticate((await other.login('ruth', PASSWORD)).token))!;
    await other.decide(oliviaThere, 'pp', ids[0]!, { decision: 'include', expectedVersion: 0 });
    await other.decide(ruthThere, 'pp', ids[0]!, { decision: 'exclude', reason: 'Wrong outcome', expectedVersion: 0 });
    const after = await service.getProject(olivia, 'pp');
    expect(after.progress['title-abstract'].conflicts).toBe(before.progress['title-abstract'].conflicts + 1);
    await other.resolve(oliviaThere, 'pp', ids[0]!, { decision: 'include', method: 'discussion' });
    expect((await service.getRecord(olivia, 'pp', ids[0]!)).stages['title-abstract'].status).toBe('included');
    // This process's cached state does not let a stale decision through.
    await expect(service.decide(ruth, 'pp', ids[0]!, { decision: 'include', expectedVersion: 0 })).rejects.toMatchObject({ code: 'EXO_ERR_REVIEW_STALE_DECISION' });
    void ruth;
  });

  it.skipIf(!backend.isAvailable)('a row committed after one with a larger id (PostgreSQL) is noticed by the counts and everything is read again', async () => {
    const { stores, olivia, ids } = await project('single');
    // A store that, once, behaves as if decision `late` had not committed yet (its row and its count both missing).
    let late: number | undefined;
    const real = stores.review;
    const hiding: ReviewStore = Object.create(real, {
      screeningLogSince: {
        value: async (projectId: string, after: { decision: number; resolution: number }): Promise<ScreeningLogDelta> => {
          const delta = await real.screeningLogSince(projectId, after);
          if (late === undefined) return delta;
          const hidden = delta.decisions.filter((d) => d.id !== late);
          const isHidden = hidden.length < delta.decisions.length;
          late = undefined;
          return isHidden ? { ...delta, decisions: hidden, decisionCount: delta.decisionCount - 1 } : delta;
        },
      },
    });
    const service = new ReviewService(hiding);
    await service.decide(olivia, 'pp', ids[0]!, { decision: 'include', expectedVersion: 0 });
    await service.getProject(olivia, 'pp');
    // Two decisions by another process; this one is told of the later only, as if the earlier had not committed yet.
    const other = new ReviewService(real);
    const d2 = await other.decide(olivia, 'pp', ids[2]!, { decision: 'exclude', reason: 'Wrong outcome', expectedVersion: 0 });
    await other.decide(olivia, 'pp', ids[3]!, { decision: 'include', expectedVersion: 0 });
    late = d2.decision.id;
    expect((await service.getRecord(olivia, 'pp', ids[2]!)).stages['title-abstract'].status).toBe('unscreened');
    const spy = vi.spyOn(real, 'screeningLogSince');
    // Now d2 "commits": it is below the last id held, so only the counts can reveal it — and they do.
    const record = await service.getRecord(olivia, 'pp', ids[2]!);
    expect((await service.getRecord(olivia, 'pp', ids[3]!)).stages['title-abstract'].status).toBe('included');
    expect(record.stages['title-abstract'].status).toBe('excluded');
    expect(spy.mock.calls.map((c) => c[1])).toContainEqual({ decision: 0, resolution: 0 });
  });
});
