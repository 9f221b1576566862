import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/helpers/app.js';
import { repoRoot } from '../../../test/helpers/paths.js';
import { signIn, TEST_PASSWORD } from '../../../test/helpers/session.js';

let ctx: Awaited<ReturnType<typeof testApp>>;
/** A second, real connection to the server's database file: another process's `exoatlas import`. */
let other: Database.Database;
let admin: string;
beforeAll(async () => {
  ctx = await testApp({ busyRetry: { delaysMs: [10, 20, 40] } });
  admin = await signIn(ctx.app, 'admin');
  other = new Database(ctx.stores.url!);
});
afterAll(async () => {
  other.close();
  await ctx.close();
});

const ris = readFileSync(join(repoRoot, 'packages/literature/test/fixtures/types-and-dates.ris'));
const upload = () => ctx.app.inject({ method: 'POST', url: '/api/imports?fileName=t.ris', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/x-research-info-systems' }, payload: ris });
const newUser = (username: string) => ctx.app.inject({ method: 'POST', url: '/api/reviews/users', headers: { authorization: `Bearer ${admin}` }, payload: { username, password: TEST_PASSWORD } });

describe('issue 16.7: SQLite under contention', { timeout: 60_000 }, () => {
  it('while another connection holds the write lock, writes answer 503 EXO_ERR_STORE_BUSY with Retry-After, never 500', async () => {
    other.exec('BEGIN IMMEDIATE');
    try {
      for (const res of [await upload(), await newUser('olivia')]) {
        expect(res.statusCode).toBe(503);
        expect(res.headers['retry-after']).toBe('1');
        expect(res.json().error.code).toBe('EXO_ERR_STORE_BUSY');
      }
      // Reads go on: WAL readers do not wait for the writer.
      expect((await ctx.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      other.exec('ROLLBACK');
    }
    expect(await ctx.literature.listImports()).toHaveLength(0);
    expect((await upload()).statusCode).toBe(201);
  });

  it('a write retried after a short pause succeeds once the other writer commits', async () => {
    other.exec('BEGIN IMMEDIATE');
    setTimeout(() => other.exec('COMMIT'), 30);
    const res = await newUser('olivia');
    expect(res.statusCode).toBe(201);
  });
});
