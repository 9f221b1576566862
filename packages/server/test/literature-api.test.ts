import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/helpers/app.js';
import { repoRoot } from '../../../test/helpers/paths.js';
import { signIn } from '../../../test/helpers/session.js';
import { skipped, testBackends } from '../../../test/helpers/backends.js';

describe.each(await testBackends())('on $name', (backend) => {
  if (skipped(backend)) return;

  let ctx: Awaited<ReturnType<typeof testApp>>;
  /** Imports go into the shared literature store: they need a signed-in user (issue 17, finding 5). */
  let auth: { authorization: string };
  beforeAll(async () => {
    ctx = await testApp({ backend: backend.name });
    auth = { authorization: `Bearer ${await signIn(ctx.app, 'importer')}` };
  });
  afterAll(() => ctx.close());

  const fixture = (name: string): Buffer => readFileSync(join(repoRoot, 'packages/literature/test/fixtures', name));

  describe('POST /api/imports and GET /api/records', () => {
    it('imports an uploaded export with its search provenance', async () => {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/imports?fileName=search.ris&database=Embase&date=2026-11-01&query=iPSC%20exosome',
        headers: { ...auth, 'content-type': 'application/x-research-info-systems' },
        payload: fixture('embase-bom-crlf.ris'),
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ fileName: 'search.ris', format: 'ris', recordCount: 2, database: 'Embase', query: 'iPSC exosome' });
      const records = (await ctx.app.inject({ url: '/api/records?q=wound' })).json();
      expect(records.total).toBe(1);
      expect(records.items[0].title).toMatch(/accelerate wound healing in diabetic mice/);
      const one = (await ctx.app.inject({ url: `/api/records/${records.items[0].id}` })).json();
      expect(one.raw.format).toBe('ris');
    });

    it('refuses a truncated upload with the line, and imports nothing', async () => {
      const before = (await ctx.app.inject({ url: '/api/imports' })).json().items.length;
      const res = await ctx.app.inject({ method: 'POST', url: '/api/imports?fileName=bad.ris', headers: { ...auth, 'content-type': 'text/plain' }, payload: fixture('truncated.ris') });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'EXO_ERR_LIT_TRUNCATED' });
      expect(res.json().error.message).toMatch(/bad\.ris line \d+/);
      expect((await ctx.app.inject({ url: '/api/imports' })).json().items.length).toBe(before);
    });

    it('refuses an empty upload, a missing file name and bad filters with a code', async () => {
      const empty = await ctx.app.inject({ method: 'POST', url: '/api/imports?fileName=x.ris', headers: { ...auth, 'content-type': 'text/plain' }, payload: '' });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error.code).toBe('EXO_ERR_LIT_EMPTY_FILE');
      const noName = await ctx.app.inject({ method: 'POST', url: '/api/imports', headers: { ...auth, 'content-type': 'text/plain' }, payload: 'TY  - JOUR\nER  - \n' });
      expect(noName.json().error).toMatchObject({ code: 'EXO_ERR_QUERY_INVALID' });
      expect((await ctx.app.inject({ url: '/api/records?yearFrom=soon' })).json().error.code).toBe('EXO_ERR_QUERY_INVALID');
      expect((await ctx.app.inject({ url: '/api/records/999999' })).statusCode).toBe(404);
    });
  });
});
