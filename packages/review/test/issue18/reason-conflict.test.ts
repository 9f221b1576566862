import { describe, expect, it } from 'vitest';
import { createStores } from '@exoatlas/store';
import { ReviewService, findConflicts, stageOutcome, type Decision } from '../../src/index.js';

let nextId = 1;
const d = (reviewerId: number, reason?: string): Decision => ({ id: nextId++, projectId: 'p', recordId: 1, stage: 'full-text', reviewerId, reviewer: `r${reviewerId}`, decision: 'exclude', reason, version: 1, createdAt: '' });

const ris = (n: number) => Array.from({ length: n }, (_, i) => `TY  - JOUR\nTI  - Exosome study number ${i + 1} on wound healing\nAB  - Abstract ${i + 1}\nER  - \n`).join('');

describe('issue 18 item 8: exclusions with different reasons are a conflict', () => {
  it('stageOutcome: different reasons conflict; the same reason, or one reason and none, settle it', () => {
    expect(stageOutcome([d(1, 'Wrong outcome'), d(2, 'Wrong intervention')], [], 'dual').status).toBe('conflict');
    expect(stageOutcome([d(1, 'Wrong outcome'), d(2, 'Wrong outcome')], [], 'dual')).toMatchObject({ status: 'excluded', reason: 'Wrong outcome' });
    // a reviewer without a reason defers to the one who gave one, whichever screened first
    expect(stageOutcome([d(1), d(2, 'Wrong outcome')], [], 'dual')).toMatchObject({ status: 'excluded', reason: 'Wrong outcome' });
    expect(findConflicts(new Map([[1, [d(1, 'Wrong outcome'), d(2, 'Language')]]]), new Map(), 'dual', 'full-text')[0]!.kind).toBe('reason');
  });

  it('a dual project: the conflict is listed, a resolution must name the reason, and PRISMA counts the resolved one (title/abstract and full text)', async () => {
    const stores = await createStores({ sqlitePath: ':memory:' });
    const service = new ReviewService(stores.review, { schedule: () => undefined });
    const amy = await service.createUser(undefined, { username: 'amy', password: 'correct-horse-battery' });
    const ben = await service.createUser(amy, { username: 'ben', password: 'correct-horse-battery' });
    const cat = await service.createUser(amy, { username: 'cat', password: 'correct-horse-battery' });
    await service.createProject(amy, { id: 'pp', name: 'P', mode: 'dual' });
    await service.addMember(amy, 'pp', { username: 'ben', role: 'reviewer' });
    await service.addMember(amy, 'pp', { username: 'cat', role: 'reviewer' });
    await service.importSearches(amy, 'pp', [{ name: 'a.ris', data: ris(2) }], { database: 'Embase', date: '2026-11-01' });
    const [r1, r2] = (await service.listRecords(amy, 'pp', {})).items.map((r) => r.id) as [number, number];
    // title/abstract: r1 excluded for two reasons; r2 included by both
    await service.decide(amy, 'pp', r1, { decision: 'exclude', reason: 'Wrong outcome', expectedVersion: 0 });
    await service.decide(ben, 'pp', r1, { decision: 'exclude', reason: 'Wrong intervention', expectedVersion: 0 });
    for (const u of [amy, ben]) await service.decide(u, 'pp', r2, { decision: 'include', expectedVersion: 0 });
    // full text: r2 excluded by the first reviewer for "Language", by the second for "Data not extractable"
    await service.decide(amy, 'pp', r2, { stage: 'full-text', decision: 'exclude', reason: 'Language', expectedVersion: 0 });
    await service.decide(ben, 'pp', r2, { stage: 'full-text', decision: 'exclude', reason: 'Data not extractable', expectedVersion: 0 });

    const ta = await service.conflicts(amy, 'pp', 'title-abstract');
    expect(ta.items.map((c) => [c.recordId, c.kind])).toEqual([[r1, 'reason']]);
    const ft = await service.conflicts(amy, 'pp', 'full-text');
    expect(ft.items.map((c) => [c.recordId, c.kind])).toEqual([[r2, 'reason']]);
    let prisma = await service.prisma(amy, 'pp');
    expect(prisma.excludedAtScreening).toBe(0);
    expect(prisma.excludedAtFullText).toBe(0);

    await expect(service.resolve(cat, 'pp', r2, { stage: 'full-text', decision: 'exclude', method: 'third-reviewer' })).rejects.toMatchObject({ code: 'EXO_ERR_REVIEW_INVALID_INPUT', message: /different reasons/ });
    await service.resolve(cat, 'pp', r1, { decision: 'exclude', reason: 'Wrong intervention', method: 'third-reviewer' });
    await service.resolve(cat, 'pp', r2, { stage: 'full-text', decision: 'exclude', reason: 'Data not extractable', method: 'third-reviewer' });
    prisma = await service.prisma(amy, 'pp');
    expect(prisma.excludedAtScreeningReasons).toEqual([{ reason: 'Wrong intervention', count: 1 }]);
    expect(prisma.excludedAtFullTextReasons).toEqual([{ reason: 'Data not extractable', count: 1 }]);
    await stores.close();
  });
});
