/**
 * Issue 17 (security), blinding everywhere: two servers hold the same dual-screening project, identical except for
 * reviewer bob's own work on some records — in one world he includes them with notes and saves extraction, SYRCLE
 * and MISEV forms and a synthesis; in the other he excludes them with other reasons and notes and saves other forms.
 * For every member who has not decided those records, every GET route of the OpenAPI document (path parameters
 * filled with the project, every record, form kind and synthesis; enum query variants such as stage=, status= and
 * format=) must answer the same in both worlds once timestamps are folded. A GET path that cannot be filled fails
 * the test, so a new route is covered without anyone remembering it. Positive controls show that once amy has
 * decided and saved her own work she does see bob's (the project's rules), so the comparison can fail.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/helpers/app.js';
import { RIS_FILE } from '../../review/test/synthesis/build-project.js';
import { rawFixture } from '../../review/test/synthesis/load-fixture.js';
import { skipped, testBackends } from '../../../test/helpers/backends.js';

describe.each(await testBackends())('on $name', (backend) => {
  if (skipped(backend)) return;

  type App = Awaited<ReturnType<typeof testApp>>;
  interface Res {
    status: number;
    type: string;
    body: string;
  }
  interface World {
    ctx: App;
    tokens: Record<string, string>;
  }

  const PROJECT = 'blind-wounds';
  const P = `/api/reviews/${PROJECT}`;
  const USERS = ['alice', 'amy', 'bob', 'oscar', 'vera'] as const;
  const password = (name: string) => `${name}-long-password-17`;
  const studies = rawFixture().studies;

  async function call(w: World, method: 'GET' | 'POST' | 'PUT', url: string, as?: string, body?: unknown): Promise<Res> {
    const headers: Record<string, string> = as ? { authorization: `Bearer ${w.tokens[as]}` } : {};
    const res = await w.ctx.app.inject({ method, url, headers, ...(body !== undefined ? { payload: body as object } : {}) });
    return { status: res.statusCode, type: String(res.headers['content-type'] ?? ''), body: res.body };
  }

  async function ok(w: World, method: 'POST' | 'PUT', url: string, as: string, body: unknown): Promise<unknown> {
    const res = await call(w, method, url, as, body);
    if (res.status >= 300) throw new Error(`${method} ${url} as ${as}: ${res.status} ${res.body}`);
    return JSON.parse(res.body || 'null');
  }

  /** Record ids in import order: r[0..2] included by amy and bob (bob's forms on r[0], r[1]); r[3], r[4] decided by bob alone; r[5] included on title/abstract by both, decided at full text by bob alone. */
  let records: number[] = [];

  /** Builds one world: the same steps in the same order, bob's work differing by `variant`. */
  async function buildWorld(variant: 'include' | 'exclude'): Promise<World> {
    const w: World = { ctx: await testApp({ backend: backend.name }), tokens: {} };
    await ok(w, 'POST', '/api/reviews/users', '', { username: 'alice', password: password('alice') });
    w.tokens.alice = ((await ok(w, 'POST', '/api/reviews/auth/login', '', { username: 'alice', password: password('alice') })) as { token: string }).token;
    for (const name of USERS.slice(1)) await ok(w, 'POST', '/api/reviews/users', 'alice', { username: name, password: password(name) });
    for (const name of USERS.slice(1)) w.tokens[name] = ((await ok(w, 'POST', '/api/reviews/auth/login', '', { username: name, password: password(name) })) as { token: string }).token;
    await ok(w, 'POST', '/api/reviews', 'alice', { id: PROJECT, name: 'Blinded wound healing', question: 'Do iMSC exosomes speed wound healing?', mode: 'dual' });
    for (const [name, role] of [['amy', 'reviewer'], ['bob', 'reviewer'], ['oscar', 'owner'], ['vera', 'viewer']]) await ok(w, 'POST', `${P}/members`, 'alice', { username: name, role });
    await ok(w, 'POST', `${P}/searches`, 'alice', { files: [{ name: 'wounds.ris', content: readFileSync(RIS_FILE, 'utf8') }], database: 'PubMed', date: '2026-01-15', query: 'iMSC exosomes wound' });
    const listed = JSON.parse((await call(w, 'GET', `${P}/records?sort=id&limit=100`, 'alice')).body) as { items: { id: number }[] };
    records = listed.items.map((r) => r.id);
    const decide = (as: string, id: number, body: Record<string, unknown>) => ok(w, 'POST', `${P}/records/${id}/decisions`, as, { expectedVersion: 0, ...body });
    const isIn = variant === 'include';
    const bobSays = (stage: string, i: number) =>
      isIn ? { stage, decision: 'include', note: `bob: include record ${i}, "healed by day 14"` } : { stage, decision: 'exclude', reason: 'Wrong outcome', note: `bob: exclude record ${i}, no wound outcome` };
    for (const id of [...records.slice(0, 3), records[5]!]) {
      await decide('amy', id, { decision: 'include' });
      await decide('bob', id, { decision: 'include' });
    }
    for (const id of records.slice(0, 3)) {
      await decide('amy', id, { stage: 'full-text', decision: 'include' });
      await decide('bob', id, { stage: 'full-text', decision: 'include' });
    }
    // oscar, a second owner, takes part in every kind of work (the same in both worlds), so he is blinded like amy
    await decide('oscar', records[0]!, { decision: 'include' });
    await decide('oscar', records[0]!, { stage: 'full-text', decision: 'include' });
    for (const [kind, data] of [['extraction', studies[2]!.form], ['rob', studies[2]!.rob], ['misev', studies[2]!.misev]] as const) await ok(w, 'PUT', `${P}/records/${records[2]}/forms/${kind}`, 'oscar', { data, expectedVersion: 0 });
    await decide('bob', records[3]!, bobSays('title-abstract', 3));
    await decide('bob', records[4]!, bobSays('title-abstract', 4));
    await decide('bob', records[5]!, bobSays('full-text', 5));
    // bob's forms: one world gets studies 0 and 1 of the fixture, the other studies 3 and 4 (other values, quotes, judgements)
    for (const [i, id] of records.slice(0, 2).entries()) {
      const s = studies[isIn ? i : i + 3]!;
      for (const [kind, data] of [['extraction', s.form], ['rob', s.rob], ['misev', s.misev]] as const) await ok(w, 'PUT', `${P}/records/${id}/forms/${kind}`, 'bob', { data, expectedVersion: 0 });
    }
    // a second version of one form, so the history has more than one entry per reviewer
    const s0 = studies[isIn ? 2 : 5]!;
    await ok(w, 'PUT', `${P}/records/${records[0]}/forms/rob`, 'bob', { data: s0.rob, expectedVersion: 1 });
    await ok(w, 'POST', `${P}/synthesis`, 'bob', { outcome: 'wound-closure', save: true });
    // a saved search (not scheduled, never run: no test touches the internet), so its routes are read too
    await ok(w, 'POST', `${P}/searches/saved`, 'alice', { database: 'pubmed', query: 'induced pluripotent AND exosome*', schedule: 'none' });
    return w;
  }

  // ---------------------------------------------------------------- the GET routes of the OpenAPI document

  interface Operation {
    parameters?: { name: string; in: string; required?: boolean; schema?: { type?: string; enum?: unknown[] } }[];
  }

  /** The values to try for a path parameter; a parameter nobody knows how to fill fails the test. */
  async function pathValues(w: World, path: string, name: string, as: string, op?: Operation): Promise<string[]> {
    // An enumerated parameter (the form kinds) takes every value the document lists, so a new kind is covered too.
    const listed = op?.parameters?.find((p) => p.in === 'path' && p.name === name)?.schema?.enum;
    if (listed) return listed.map(String);
    if (name === 'project') return [PROJECT];
    if (name === 'record') return records.map(String);
    if (name === 'id' && path.startsWith('/api/reviews/{project}/syntheses/')) return ['1'];
    if (name === 'id' && path.startsWith('/api/studies/')) return [(JSON.parse((await call(w, 'GET', '/api/studies?limit=1', as)).body) as { items: { id: string }[] }).items[0]!.id];
    if (name === 'id' && (path.startsWith('/api/imports/') || path.startsWith('/api/records/'))) return ['1'];
    if (name === 'jobId') return ['00000000-0000-4000-8000-000000000000'];
    if (name === 'idOrName') return [(JSON.parse((await call(w, 'GET', '/api/entities?limit=1', as)).body) as { items: { id: string }[] }).items[0]!.id];
    if (name === 'n') return ['1'];
    if (name === 'search') return ['1'];
    // the living-PRISMA update: the one import day of the world
    if (name === 'update') return ['1'];
    throw new Error(`blinding test: cannot fill the path parameter {${name}} of GET ${path}; teach pathValues about it`);
  }

  /** Query variants: every combination of the enumerated (and boolean) query parameters, and records and users for the audit. */
  function queryVariants(op: Operation): string[] {
    const axes: [string, string[]][] = [];
    for (const p of op.parameters ?? []) {
      if (p.in !== 'query') continue;
      if (p.schema?.enum) axes.push([p.name, p.schema.enum.map(String)]);
      else if (p.schema?.type === 'boolean') axes.push([p.name, ['true', 'false']]);
      else if (p.name === 'record') axes.push([p.name, records.map(String)]);
      else if (p.name === 'user') axes.push([p.name, [...USERS]]);
    }
    let variants: Record<string, string>[] = [{}];
    for (const [name, values] of axes) {
      const product = variants.flatMap((v) => [v, ...values.map((value) => ({ ...v, [name]: value }))]);
      // Past a few hundred combinations, each parameter alone is enough.
      variants = product.length <= 300 ? product : [...variants, ...values.map((value) => ({ [name]: value }))];
    }
    return variants.map((v) => (Object.keys(v).length === 0 ? '' : `?${new URLSearchParams(v).toString()}`));
  }

  async function getUrls(w: World, as: string): Promise<string[]> {
    const doc = JSON.parse((await call(w, 'GET', '/api/openapi.json')).body) as { paths: Record<string, { get?: Operation }> };
    const urls: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      if (!item.get) continue;
      let filled = [path];
      for (const name of [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)) {
        const values = await pathValues(w, path, name, as, item.get);
        filled = filled.flatMap((f) => values.map((v) => f.replace(`{${name}}`, encodeURIComponent(v))));
      }
      for (const q of queryVariants(item.get)) urls.push(...filled.map((f) => `${f}${q}`));
    }
    return urls;
  }

  /** Timestamps and timings differ between any two runs; everything else must not. */
  function normalise(res: Res): string {
    const text = res.body.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<time>').replace(/"millis":[\d.e+-]+/g, '"millis":0');
    return `${res.status} ${res.type}\n${text}`;
  }

  async function differences(a: World, b: World, as: string, urls: readonly string[]): Promise<string[]> {
    const out: string[] = [];
    for (const url of urls) {
      const [ra, rb] = [await call(a, 'GET', url, as), await call(b, 'GET', url, as)];
      const [na, nb] = [normalise(ra), normalise(rb)];
      if (na !== nb) {
        let i = 0;
        while (na[i] === nb[i]) i++;
        out.push(`${as} GET ${url}: ${na.slice(Math.max(0, i - 80), i + 80)}  ≠  ${nb.slice(Math.max(0, i - 80), i + 80)}`);
      }
    }
    return out;
  }

  let one: World;
  let two: World;
  beforeAll(async () => {
    one = await buildWorld('include');
    two = await buildWorld('exclude');
  }, 120_000);
  afterAll(async () => {
    await one?.ctx.close();
    await two?.ctx.close();
  });

  describe('issue 17: blinding everywhere', () => {
    it('every GET route answers amy, an owner who takes part and the viewer the same whatever bob decided and saved on the records they have not done', async () => {
      for (const as of ['amy', 'oscar', 'vera']) {
        const urls = await getUrls(one, as);
        expect(urls.length).toBeGreaterThan(150);
        expect(urls.some((u) => u.includes('/forms/misev/history'))).toBe(true);
        expect(urls.some((u) => u.includes('/export?format=csv&stage=full-text'))).toBe(true);
        expect(await differences(one, two, as, urls)).toEqual([]);
      }
    }, 300_000);

    it('owner rule: an owner who has not screened nor filled in forms supervises and sees bob’s work', async () => {
      const urls = [`${P}/records/${records[3]}`, `${P}/screening/curve.svg`, `${P}/records/${records[0]}/forms/rob`, `${P}/records/${records[1]}/forms/misev/history`, `${P}/appraisal`, `${P}/syntheses/1`];
      expect((await differences(one, two, 'alice', urls)).map((d) => d.split(':')[0])).toEqual(urls.map((u) => `alice GET ${u}`));
    });

    it('fails on a GET path it cannot fill (no silent skipping)', async () => {
      await expect(pathValues(one, '/api/reviews/{project}/widgets/{widget}', 'widget', 'amy')).rejects.toThrow(/cannot fill the path parameter \{widget\}/);
    });

    it('positive control: once amy has decided and saved her own, she sees what the rules allow, and the two worlds differ', async () => {
      const [r0, r3, r5] = [records[0]!, records[3]!, records[5]!];
      for (const w of [one, two]) {
        await ok(w, 'POST', `${P}/records/${r3}/decisions`, 'amy', { decision: 'maybe', expectedVersion: 0 });
        await ok(w, 'POST', `${P}/records/${r5}/decisions`, 'amy', { stage: 'full-text', decision: 'include', expectedVersion: 0 });
        await ok(w, 'PUT', `${P}/records/${r0}/forms/rob`, 'amy', { data: studies[5]!.rob, expectedVersion: 0 });
      }
      const record = JSON.parse((await call(one, 'GET', `${P}/records/${r3}`, 'amy')).body);
      expect(record.stages['title-abstract']).toMatchObject({ status: 'conflict', isBlinded: false });
      expect(record.stages['title-abstract'].decisions.map((d: { reviewer: string }) => d.reviewer).sort()).toEqual(['amy', 'bob']);
      const conflicts = JSON.parse((await call(two, 'GET', `${P}/conflicts?stage=full-text`, 'amy')).body);
      expect(conflicts.items.map((c: { recordId: number }) => c.recordId)).toEqual([r5]);
      const forms = JSON.parse((await call(one, 'GET', `${P}/records/${r0}/forms/rob`, 'amy')).body);
      expect(forms.forms.map((f: { reviewer: string }) => f.reviewer).sort()).toEqual(['amy', 'bob']);
      const history = JSON.parse((await call(one, 'GET', `${P}/records/${r0}/forms/rob/history`, 'amy')).body);
      expect(history.items.filter((f: { reviewer: string }) => f.reviewer === 'bob')).toHaveLength(2);
      const urls = [`${P}/records/${r3}`, `${P}/records/${r5}`, `${P}/conflicts?stage=full-text`, `${P}/records/${r0}/forms/rob`, `${P}/records/${r0}/forms/rob/history`, `${P}/audit?record=${r3}`];
      const seen = await differences(one, two, 'amy', urls);
      expect(seen.map((d) => d.split(':')[0])).toEqual(urls.map((u) => `amy GET ${u}`));
      // a consensus cannot unblind a study early; after two reviewers' forms it can be saved
      const early = await call(one, 'PUT', `${P}/records/${records[1]}/forms/rob`, 'amy', { data: studies[5]!.rob, consensus: true, expectedVersion: 0 });
      expect([early.status, JSON.parse(early.body).error.code]).toEqual([403, 'EXO_ERR_REVIEW_BLINDED']);
      expect((await call(one, 'PUT', `${P}/records/${r0}/forms/rob`, 'amy', { data: studies[5]!.rob, consensus: true, expectedVersion: 0 })).status).toBe(200);
      // the saved synthesis uses bob's forms of record 1, still hidden from amy: withheld from her; bob and the
      // supervising owner read it (oscar's forms of record 2, hidden from bob, are not in it)
      expect(JSON.parse((await call(one, 'GET', `${P}/syntheses/1`, 'amy')).body).error.code).toBe('EXO_ERR_REVIEW_BLINDED');
      expect((await call(one, 'GET', `${P}/syntheses/1`, 'bob')).status).toBe(200);
      expect((await call(one, 'GET', `${P}/syntheses/1`, 'alice')).status).toBe(200);
      // records amy still has not done stay hidden
      expect(await differences(one, two, 'amy', [`${P}/records/${records[4]}`, `${P}/records/${records[1]}/forms/rob`, `${P}/records/${records[1]}/forms/extraction/history`])).toEqual([]);
    }, 60_000);
  });
});
