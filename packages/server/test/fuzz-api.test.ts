/**
 * Issue 17 (fuzzing): every POST/PUT/PATCH route of the OpenAPI document, with arbitrary JSON bodies and bodies of the
 * route's own field names holding wrong types, sent by a signed-in owner: never a 5xx; every 4xx is our error shape
 * {error: {code, message}} with a catalogue code whose status it is; and a refused request writes nothing (every row
 * of the review and literature tables is the same before and after).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CATALOGUE } from '@exoatlas/schema';
import { sql } from 'kysely';
import type { KyselyStores } from '@exoatlas/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/helpers/app.js';
import { fc, fuzzParams, fuzzTimeout } from '../../../test/helpers/fuzz.js';
import { repoRoot } from '../../../test/helpers/paths.js';

let ctx: Awaited<ReturnType<typeof testApp>>;
let token = '';
const PROJECT = 'fuzz-review';
const OWNER = 'fuzz-owner';

interface Route {
  method: 'POST' | 'PUT' | 'PATCH';
  path: string;
  fields: string[];
  contentTypes: string[];
}
let routes: Route[] = [];

const fixture = (name: string): string => readFileSync(join(repoRoot, 'packages/literature/test/fixtures', name), 'utf8');

async function call(method: string, url: string, body?: unknown, contentType = 'application/json') {
  const payload = body === undefined ? undefined : typeof body === 'string' && contentType !== 'application/json' ? body : typeof body === 'string' && body.startsWith('\u0000raw:') ? body.slice(5) : JSON.stringify(body);
  const res = await ctx.app.inject({ method: method as 'POST', url, headers: { authorization: `Bearer ${token}`, ...(payload !== undefined ? { 'content-type': contentType } : {}) }, payload });
  let json: unknown;
  try {
    json = res.json();
  } catch {
    json = undefined;
  }
  return { status: res.statusCode, body: json as { error?: { code?: unknown; message?: unknown } } | undefined, text: res.body };
}

/**
 * The rows of every table a request can write (review and literature tables; the knowledge base is built once), as
 * text. SQLite's total_changes() would also count the rows of a transaction rolled back, which is what "nothing
 * written" looks like from inside.
 */
async function snapshot(): Promise<string> {
  // the test app's stores share one SQLite connection
  const { db } = (ctx.stores as KyselyStores).database;
  const tables = (await sql.raw<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND (name LIKE 'review\\_%' ESCAPE '\\' OR name IN ('imports', 'citations')) ORDER BY name").execute(db)).rows.map((t) => t.name);
  const rows = [];
  for (const t of tables) rows.push([t, (await sql.raw(`SELECT * FROM "${t}" ORDER BY rowid`).execute(db)).rows]);
  return JSON.stringify(rows);
}

beforeAll(async () => {
  ctx = await testApp();
  const created = await call('POST', '/api/reviews/users', { username: OWNER, password: 'fuzz-owner-password-1', displayName: 'Fuzz Owner' });
  expect(created.status).toBe(201);
  const login = await ctx.app.inject({ method: 'POST', url: '/api/reviews/auth/login', payload: { username: OWNER, password: 'fuzz-owner-password-1' } });
  token = login.json().token as string;
  expect((await call('POST', '/api/reviews', { id: PROJECT, name: 'Fuzzing', mode: 'single' })).status).toBe(201);
  const imported = await call('POST', `/api/reviews/${PROJECT}/searches`, { database: 'PubMed', date: '2026-11-01', files: [{ name: 'two.nbib', content: fixture('pubmed-two-records.nbib') }] });
  expect(imported.status).toBe(201);
  // record 1 included at both stages, so that the form routes get past "not included" to the validators
  for (const stage of ['title-abstract', 'full-text']) expect((await call('POST', `/api/reviews/${PROJECT}/records/1/decisions`, { stage, decision: 'include' })).status).toBeLessThan(300);
  const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema?: { properties?: Record<string, unknown> } }> } }>> };
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (!['post', 'put', 'patch'].includes(method)) continue;
      // signing out would end the fuzzing session itself
      if (path === '/api/reviews/auth/logout') continue;
      const content = op.requestBody?.content ?? {};
      routes.push({ method: method.toUpperCase() as Route['method'], path, fields: Object.keys(content['application/json']?.schema?.properties ?? {}), contentTypes: Object.keys(content) });
    }
  }
  routes = routes.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
});
afterAll(() => ctx.close());

/** Values for path parameters: the real project and records, and nonsense. */
const PARAMS: Record<string, fc.Arbitrary<string>> = {
  project: fc.constantFrom(PROJECT, PROJECT, 'no-such-review', 'A', '..', '%00'),
  record: fc.constantFrom('1', '2', '999999', '0', '-1', '1.5', 'abc', '1e3'),
  kind: fc.constantFrom('extraction', 'rob', 'misev', 'bogus'),
  id: fc.constantFrom('1', '999', 'x'),
};

function urlArb(path: string): fc.Arbitrary<string> {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  if (names.length === 0) return fc.constant(path);
  return fc.tuple(...names.map((n) => PARAMS[n] ?? fc.constantFrom('1', 'x'))).map((values) => names.reduce((p, n, i) => p.replace(`{${n}}`, encodeURIComponent(values[i]!)), path));
}

/** Values of the right kind for some field somewhere in the API, and of every wrong kind. */
const fieldValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'include', 'exclude', 'maybe', 'title-abstract', 'full-text', 'extraction', 'rob', 'misev', 'SMD', 'GEN', 'REML', 'owner', 'reviewer', 'viewer', OWNER,
      'single', 'dual', 'third-reviewer', 'PubMed', '2026-11-01', 'not-a-date', 'skin', '', ' ', 'x'.repeat(30_000), true, false, 0, -1, 1, 2.5, 1e308, null, [], {},
      [{ name: 'a.ris', content: 'TY  - JOUR\nTI  - A\nER  - \n' }], [{ name: 'x.nbib', content: 'PMID- 1\nTI  - cut' }], [{ name: 7, content: null }],
      { columns: ['yi', 'vi'], rows: [[0.1, 0.01]] }, [{ yi: 0.1, vi: 0.01 }, { yi: 0.3, vi: 0.02 }], 'yi,vi\n0.1,0.01\n0.2,0.02\n',
    ),
  },
);

function bodyArb(route: Route): fc.Arbitrary<unknown> {
  const own = route.fields.length > 0 ? fc.dictionary(fc.constantFrom(...route.fields), fieldValue, { maxKeys: route.fields.length }) : fc.constant({});
  return fc.oneof(
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 5, arbitrary: own },
    { weight: 1, arbitrary: fc.tuple(own, fc.dictionary(fc.string({ maxLength: 8 }), fieldValue, { maxKeys: 2 })).map(([a, b]) => ({ ...b, ...a })) },
    // not JSON at all, sent as JSON
    { weight: 1, arbitrary: fc.constantFrom('{', '{"a":', '[1,]', 'nul', '"unterminated', '\u0000', '{"__proto__":{"isAdmin":true}}').map((s) => `\u0000raw:${s}`) },
  );
}

async function checkRoute(route: Route, url: string, body: unknown, contentType = 'application/json'): Promise<void> {
  const before = await snapshot();
  const start = performance.now();
  const res = await call(route.method, url, body, contentType);
  const ms = performance.now() - start;
  const where = `${route.method} ${url} ${JSON.stringify(body)?.slice(0, 300)} → ${res.status} ${res.text.slice(0, 300)}`;
  expect(ms, `${where}: took ${Math.round(ms)} ms`).toBeLessThan(3000);
  expect(res.status, where).toBeLessThan(500);
  if (res.status >= 400) {
    const code = res.body?.error?.code;
    expect(typeof code === 'string' && code in ERROR_CATALOGUE, `${where}: not a catalogue code`).toBe(true);
    expect(ERROR_CATALOGUE[code as keyof typeof ERROR_CATALOGUE].status, `${where}: status of ${String(code)}`).toBe(res.status);
    expect(typeof res.body?.error?.message, where).toBe('string');
    expect(res.text, where).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
    // a refused sign-in is counted on purpose (the lockout after repeated failures); nothing else may write
    if (route.path !== '/api/reviews/auth/login' && (await snapshot()) !== before) throw new Error(`${where}: a refused request wrote to the database`);
  }
}

describe('API bodies (issue 17, fuzzing)', () => {
  it('finds the POST/PUT/PATCH routes in the OpenAPI document', async () => {
    expect(routes.length).toBeGreaterThanOrEqual(15);
    // the snapshot sees the tables the routes write
    expect(await snapshot()).toContain('"review_users",[{');
  });

  it('every route, arbitrary and ill-typed JSON bodies from a signed-in owner: no 5xx, coded 4xx, nothing written on refusal', { timeout: fuzzTimeout(120_000) }, async () => {
    // signing in and creating accounts hash a password (about a second each on a busy machine): fewer of those
    const slow = (r: Route): boolean => r.path === '/api/reviews/auth/login' || r.path === '/api/reviews/users';
    const routeArb = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...routes.filter((r) => !slow(r))) }, { weight: 1, arbitrary: fc.constantFrom(...routes.filter(slow)) });
    await fc.assert(
      fc.asyncProperty(routeArb.chain((route) => fc.tuple(fc.constant(route), urlArb(route.path), bodyArb(route))), async ([route, url, body]) => {
        await checkRoute(route, url, body);
      }),
      fuzzParams(300, 60_000),
    );
  });

  it('the routes that take a file, with arbitrary text: no 5xx, coded 4xx', { timeout: fuzzTimeout(60_000) }, async () => {
    const textRoutes = routes.filter((r) => r.contentTypes.includes('text/plain'));
    expect(textRoutes.length).toBeGreaterThan(0);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...textRoutes),
        fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom(fixture('truncated.xml'), fixture('pubmed-two-records.nbib').slice(0, 700), fixture('unclosed.bib'), fixture('types-and-dates.ris'))),
        fc.constantFrom('', '&format=ris', '&format=pubmed-xml', '&format=bibtex', '&format=bogus', '&date=yesterday'),
        async (route, text, query) => {
          await checkRoute(route, `${route.path}?fileName=fuzz.txt${query}`, text, 'text/plain');
        },
      ),
      fuzzParams(100),
    );
  });
});
