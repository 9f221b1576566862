/**
 * PostgreSQL for the store tests: a fresh database per test file, on the server named by EXOATLAS_TEST_DATABASE_URL,
 * or else on a throw-away cluster started here when a local `initdb` is found (/usr/lib/postgresql/<n>/bin). As root,
 * initdb and postgres refuse to run, so the cluster runs as the `postgres` user in a temporary directory it owns.
 * Without either (or with EXOATLAS_TEST_POSTGRES=0), `available` is false and `reason` says why, for the caller to
 * print and skip.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export type TestPostgres =
  | {
      available: true;
      /** A database of this test file's own. */
      url: string;
      /** Another fresh database on the same server (dropped by `stop`). */
      newDatabase: () => Promise<string>;
      /** Drops the databases made here, and stops the cluster if one was started. */
      stop: () => Promise<void>;
    }
  | { available: false; reason: string };

export async function startTestPostgres(): Promise<TestPostgres> {
  if (process.env.EXOATLAS_TEST_POSTGRES === '0') return { available: false, reason: 'EXOATLAS_TEST_POSTGRES=0' };
  const shared = process.env.EXOATLAS_TEST_DATABASE_URL;
  if (shared) {
    try {
      return await freshDatabase(shared, async () => undefined);
    } catch (error) {
      return { available: false, reason: `EXOATLAS_TEST_DATABASE_URL is set but unusable: ${(error as Error).message}` };
    }
  }
  const bin = findPostgresBin();
  if (!bin) return { available: false, reason: 'no EXOATLAS_TEST_DATABASE_URL and no initdb under /usr/lib/postgresql/*/bin (apt-get install postgresql)' };
  try {
    const cluster = await startCluster(bin);
    return await freshDatabase(cluster.url, cluster.stop);
  } catch (error) {
    return { available: false, reason: `cannot start a throw-away PostgreSQL cluster: ${(error as Error).message.split('\n')[0]}` };
  }
}

/** The newest /usr/lib/postgresql/<n>/bin holding initdb, or PATH's initdb. */
export function findPostgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  try {
    return execFileSync('sh', ['-c', 'dirname "$(command -v initdb)"'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Starts a cluster on a free port of 127.0.0.1 with trust authentication; `stop` stops it and removes its directory. */
export async function startCluster(bin: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'exoatlas-pg-'));
  const isRoot = userInfo().uid === 0;
  const asOwner = (cmd: string, args: string[]): string =>
    execFileSync(isRoot ? 'runuser' : join(bin, cmd), isRoot ? ['-u', 'postgres', '--', join(bin, cmd), ...args] : args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  asOwner('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  asOwner('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`, 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      try {
        asOwner('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Fresh databases on the server at `url`; `stop` drops them all, then runs `after`. */
async function freshDatabase(url: string, after: () => Promise<void>): Promise<TestPostgres> {
  const made: string[] = [];
  const admin = async (statement: string): Promise<void> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  const newDatabase = async (): Promise<string> => {
    const name = `exoatlas_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    await admin(`CREATE DATABASE ${name}`);
    made.push(name);
    const target = new URL(url);
    target.pathname = `/${name}`;
    return target.toString();
  };
  try {
    return {
      available: true,
      url: await newDatabase(),
      newDatabase,
      stop: async () => {
        try {
          for (const name of made.splice(0)) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        } finally {
          await after();
        }
      },
    };
  } catch (error) {
    await after();
    throw error;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
