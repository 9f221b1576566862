/**
 * The two backends the Kysely store tests run on (describe.each): SQLite in a temporary file, and PostgreSQL in a
 * fresh database of the test harness's server. When PostgreSQL is unavailable its half is skipped, with the reason
 * printed once.
 */
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { tempDir } from '../../../../test/helpers/paths.js';
import { startTestPostgres } from './postgres.js';

export interface Backend {
  name: 'sqlite' | 'postgres';
  isAvailable: boolean;
  /** A location (file path or postgres:// URL) for a new, empty database. */
  newUrl: () => Promise<string>;
}

export async function testBackends(): Promise<Backend[]> {
  const tmp = tempDir('exoatlas-kysely-');
  const server = await startTestPostgres();
  afterAll(async () => {
    tmp.cleanup();
    if (server.available) await server.stop();
  });
  if (!server.available) console.warn(`PostgreSQL half of the store tests skipped: ${server.reason}`);
  let n = 0;
  return [
    { name: 'sqlite', isAvailable: true, newUrl: async () => join(tmp.dir, `db-${++n}.sqlite`) },
    { name: 'postgres', isAvailable: server.available, newUrl: async () => (server.available ? server.newDatabase() : Promise.reject(new Error('PostgreSQL unavailable'))) },
  ];
}
