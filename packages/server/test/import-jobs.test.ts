import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/helpers/app.js';
import { repoRoot } from '../../../test/helpers/paths.js';
import { signIn } from '../../../test/helpers/session.js';

// Issue 16 part 6: POST /api/imports?async=true queues the import (on SQLite in this process) and answers 202 at once.
let ctx: Awaited<ReturnType<typeof testApp>>;
let auth: { authorization: string };
beforeAll(async () => {
  ctx = await testApp();
  auth = { authorization: `Bearer ${await signIn(ctx.app, 'importer')}` };
});
afterAll(() => ctx.close());

const fixture = (name: string): Buffer => readFileSync(join(repoRoot, 'packages/literature/test/fixtures', name));

async function settled(url: string): Promise<{ id: string; state: string; import?: { id: number; recordCount: number; fileName: string }; error?: { code: string; message: string } }> {
  for (let i = 0; i < 200; i++) {
    const job = (await ctx.app.inject({ url })).json();
    if (job.state === 'completed' || job.state === 'failed') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`job at ${url} did not finish`);
}

describe('queued literature imports (issue 16 part 6)', () => {
  it('answers 202 with a job whose state ends completed with the import, which is then listed', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/imports?fileName=queued.ris&database=Embase&async=true',
      headers: { ...auth, 'content-type': 'application/x-research-info-systems' },
      payload: fixture('embase-bom-crlf.ris'),
    });
    expect(res.statusCode).toBe(202);
    const { id, state } = res.json();
    expect(state).toBe('created');
    expect(res.headers.location).toBe(`/api/imports/jobs/${id}`);
    const job = await settled(res.headers.location as string);
    expect(job).toMatchObject({ id, state: 'completed', import: { fileName: 'queued.ris', recordCount: 2 } });
    expect((await ctx.app.inject({ url: `/api/imports/${job.import!.id}` })).json()).toMatchObject({ fileName: 'queued.ris', database: 'Embase' });
  });

  it('reports a bad file as a failed job with its coded error, and imports nothing', async () => {
    const before = (await ctx.app.inject({ url: '/api/imports' })).json().items.length;
    const res = await ctx.app.inject({ method: 'POST', url: '/api/imports?fileName=bad.ris&async=true', headers: { ...auth, 'content-type': 'text/plain' }, payload: fixture('truncated.ris') });
    expect(res.statusCode).toBe(202);
    const job = await settled(res.headers.location as string);
    expect(job.state).toBe('failed');
    expect(job.error).toMatchObject({ code: 'EXO_ERR_LIT_TRUNCATED' });
    expect(job.error!.message).toMatch(/bad\.ris line \d+/);
    expect((await ctx.app.inject({ url: '/api/imports' })).json().items.length).toBe(before);
  });

  it('checks the upload before queueing, and an unknown job is a 404', async () => {
    const empty = await ctx.app.inject({ method: 'POST', url: '/api/imports?fileName=x.ris&async=true', headers: { ...auth, 'content-type': 'text/plain' }, payload: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('EXO_ERR_LIT_EMPTY_FILE');
    const unknown = await ctx.app.inject({ url: '/api/imports/jobs/00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('EXO_ERR_NOT_FOUND_IMPORT');
  });
});
