import { describe, expect, it } from 'vitest';
import { ReviewService } from '@exoatlas/review';
import { createStores } from '../src/index.js';

const ris = (n: number) => Array.from({ length: n }, (_, i) => `TY  - JOUR\nTI  - Exosome study number ${i + 1} on wound healing\nAB  - Abstract ${i + 1}\nER  - \n`).join('');

async function project() {
  const stores = await createStores({ sqlitePath: ':memory:' });
  const tasks: (() => void)[] = [];
  const service = new ReviewService(stores.review, { schedule: (task) => tasks.push(task) });
  const owner = await service.createUser(undefined, { username: 'owner', password: 'correct-horse-battery' });
  await service.createProject(owner, { id: 'pp', name: 'P' });
  await service.importSearches(owner, 'pp', [{ name: 'a.ris', data: ris(6) }], { database: 'Embase', date: '2026-11-01' });
  return { stores, service, owner, tasks };
}

describe('the scheduled ranking refresh over an asynchronous store (issue 16)', () => {
  it('a decision schedules one refresh, which refits before the next request asks', async () => {
    const { stores, service, owner, tasks } = await project();
    const first = await service.next(owner, 'pp');
    await service.decide(owner, 'pp', first.record!.id, { decision: 'include', expectedVersion: 0 });
    expect(tasks).toHaveLength(1);
    tasks[0]!();
    // Let the refresh's store reads settle; the next request then finds the refitted ranking ready.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    const next = await service.next(owner, 'pp');
    expect(next.record).not.toBeNull();
    expect(next.record!.id).not.toBe(first.record!.id);
    await stores.close();
  });

  it('a refresh that runs after the database closed fails quietly: no unhandled rejection', async () => {
    const { stores, service, owner, tasks } = await project();
    const first = await service.next(owner, 'pp');
    await service.decide(owner, 'pp', first.record!.id, { decision: 'include', expectedVersion: 0 });
    await stores.close();
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      tasks[0]!();
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off('unhandledRejection', onRejection);
    }
    expect(rejections).toEqual([]);
  });
});
