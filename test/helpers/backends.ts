/**
 * The backends the API suites run on (issue 16 part 4: the same suite on both). SQLite always; PostgreSQL on this
 * test file's own server (one cluster per file, a fresh database per app), skipped with its reason printed when no
 * server can be had — except when EXOATLAS_TEST_DATABASE_URL is set (as .ci/run does): then it must run.
 */
import { afterAll, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../../packages/store/test/helpers/postgres.js';

export type Backend = 'sqlite' | 'postgres';
export interface BackendCase {
  name: Backend;
  /** Why this backend is skipped here, if it is. */
  skip?: string;
}

let server: Promise<TestPostgres> | undefined;

/** This file's PostgreSQL server, started on first use; stopped (its databases dropped) after the file. */
export function testPostgres(): Promise<TestPostgres> {
  if (!server) {
    const started = startTestPostgres();
    server = started;
    afterAll(async () => {
      const pg = await started;
      if (pg.available) await pg.stop();
    });
  }
  return server;
}

/** Call at the top level of a test file (it registers the file's afterAll): the cases for `describe.each`. */
export async function testBackends(): Promise<BackendCase[]> {
  const pg = await testPostgres();
  if (pg.available) return [{ name: 'sqlite' }, { name: 'postgres' }];
  if (process.env.EXOATLAS_TEST_DATABASE_URL) throw new Error(`EXOATLAS_TEST_DATABASE_URL is set, so the PostgreSQL suites must run: ${pg.reason}`);
  console.warn(`PostgreSQL suites skipped: ${pg.reason}`);
  return [{ name: 'sqlite' }, { name: 'postgres', skip: pg.reason }];
}

/** Inside `describe.each(await testBackends())`: true (after registering one skipped test naming the reason) when skipped. */
export function skipped(backend: BackendCase): boolean {
  if (backend.skip === undefined) return false;
  it.skip(`${backend.name}: ${backend.skip}`, () => undefined);
  return true;
}

/** A fresh database on this file's PostgreSQL server. */
export async function newPostgresDatabase(): Promise<string> {
  const pg = await testPostgres();
  if (!pg.available) throw new Error(`PostgreSQL unavailable: ${pg.reason}`);
  return pg.newDatabase();
}
