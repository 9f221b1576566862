/** Issue 16: a PostgreSQL connection that drops while idle (server restart, proxy timeout) must not end the server. */
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createKyselyStores } from '../src/kysely/create-stores.js';
import { testBackends } from './helpers/backends.js';

const postgres = (await testBackends()).find((b) => b.name === 'postgres');

describe('issue 16: PostgreSQL connections dropped while idle', () => {
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of closers.splice(0)) await close();
  });

  it.skipIf(!postgres?.isAvailable)('the store keeps serving after the server ends its idle connections (no unhandled pool error)', async () => {
    const url = await postgres!.newUrl();
    const stores = await createKyselyStores({ url });
    closers.push(() => stores.close());
    const unhandled: unknown[] = [];
    const onError = (error: unknown) => unhandled.push(error);
    process.on('uncaughtException', onError);
    closers.push(async () => void process.off('uncaughtException', onError));
    await stores.review.countUsers();
    // Another session ends every connection of this database, as a restart or an idle timeout would.
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const { rowCount } = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    await admin.end();
    expect(rowCount).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(unhandled).toEqual([]);
    expect(await stores.review.countUsers()).toBe(0);
    expect((await sql<{ one: number }>`SELECT 1 AS one`.execute(stores.database.db)).rows[0]?.one).toBe(1);
  });
});
