import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { testApp } from '../../../test/helpers/app.js';
import { skipped, testBackends } from '../../../test/helpers/backends.js';
import { repoRoot } from '../../../test/helpers/paths.js';
import { signIn } from '../../../test/helpers/session.js';

const fixture = (name: string): string => readFileSync(join(repoRoot, 'packages/literature/test/fixtures', name), 'utf8');

/** n distinct RIS records (a project import of real size without a file on disk). */
function risRecords(n: number, seed: string): string {
  return Array.from({ length: n }, (_, i) => `TY  - JOUR\nTI  - Exosomes from induced pluripotent stem cell derived cells, study ${seed} number ${i}\nAU  - Author${i}, A.\nPY  - 2021\nDO  - 10.9999/worker.${seed}.${i}\nER  - \n`).join('\n');
}

const apps: { close: () => Promise<void> }[] = [];
afterAll(async () => {
  for (const a of apps) await a.close();
});

describe.each(await testBackends())('issue 16.5: a review project import is read, de-duplicated and written by a worker ($name)', (backend) => {
  if (skipped(backend)) return;

  async function project() {
    const ctx = await testApp({ backend: backend.name, jobs: { threads: 1 } });
    apps.push(ctx);
    const token = await signIn(ctx.app, 'olivia');
    const headers = { authorization: `Bearer ${token}` };
    const created = await ctx.app.inject({ method: 'POST', url: '/api/reviews', headers, payload: { name: 'Worker import', question: 'Do iMSC exosomes heal wounds?' } });
    expect(created.statusCode).toBe(201);
    return { ...ctx, headers, url: `/api/reviews/${created.json().id}` };
  }

  it('the request thread writes nothing: records, duplicates and provenance come back as before', async () => {
    const { app, stores, headers, url } = await project();
    // The request thread's store is never asked to write the import: the worker's own connection does.
    const written = vi.spyOn(stores.review, 'importSearches');
    const res = await app.inject({
      method: 'POST',
      url: `${url}/searches`,
      headers,
      payload: { database: 'Embase', date: '2026-11-01', query: 'exosome*', files: [{ name: 'duplicates-embase.ris', content: fixture('duplicates-embase.ris') }, { name: 'duplicates-pubmed.nbib', content: fixture('duplicates-pubmed.nbib') }] },
    });
    expect(res.statusCode).toBe(201);
    expect(written).not.toHaveBeenCalled();
    const body = res.json();
    expect(body.duplicates).toBeGreaterThan(0);
    expect(body.added + body.duplicates).toBe(body.identified);
    expect(body.searches.map((s: { fileName: string; database: string }) => [s.fileName, s.database])).toEqual([
      ['duplicates-embase.ris', 'Embase'],
      ['duplicates-pubmed.nbib', 'Embase'],
    ]);
    // What the worker wrote is what this thread's screening now sees, at once (its records cache follows the version).
    const records = await app.inject({ method: 'GET', url: `${url}/records?limit=500`, headers });
    expect(records.json().total).toBe(body.added);
    // A second import is de-duplicated against what the first one wrote.
    const again = await app.inject({ method: 'POST', url: `${url}/searches`, headers, payload: { database: 'PubMed', date: '2026-11-02', files: [{ name: 'again.nbib', content: fixture('duplicates-pubmed.nbib') }] } });
    expect(again.statusCode).toBe(201);
    expect(again.json().added).toBe(0);
  });

  it('a malformed file among good ones writes nothing, and the error keeps its code and file', async () => {
    const { app, headers, url } = await project();
    const res = await app.inject({
      method: 'POST',
      url: `${url}/searches`,
      headers,
      payload: { database: 'Scopus', date: '2026-11-03', files: [{ name: 'good.ris', content: risRecords(50, 'good') }, { name: 'truncated.ris', content: fixture('truncated.ris') }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toMatch(/^EXO_ERR_LIT_/);
    expect(JSON.stringify(res.json().error)).toContain('truncated.ris');
    const searches = await app.inject({ method: 'GET', url: `${url}/searches`, headers });
    expect(searches.json().items).toEqual([]);
    expect((await app.inject({ method: 'GET', url: `${url}/records?limit=1`, headers })).json().total).toBe(0);
  });

  it('two imports at once into one project are de-duplicated against each other (the second plans against the first)', async () => {
    const { app, headers, url } = await project();
    const file = { name: 'same.ris', content: risRecords(300, 'same') };
    const [a, b] = await Promise.all([
      app.inject({ method: 'POST', url: `${url}/searches`, headers, payload: { database: 'Embase', date: '2026-11-01', files: [file] } }),
      app.inject({ method: 'POST', url: `${url}/searches`, headers, payload: { database: 'PubMed', date: '2026-11-01', files: [file] } }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().added + b.json().added).toBe(300);
    const records = await app.inject({ method: 'GET', url: `${url}/records?limit=1`, headers });
    expect(records.json().total).toBe(300);
  });
});
