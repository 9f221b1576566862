/**
 * PostgreSQL for the store tests: a fresh database per test file, on the server named by EXOATLAS_TEST_DATABASE_URL,
 * or else on a throw-away cluster started here when a local `initdb` is found (/usr/lib/postgresql/<n>/bin). As root,
 * initdb and postgres refuse to run, so the cluster runs as the `postgres` user in a temporary directory it owns.
 * Without either, `available` is false and `reason` says why, for the caller to print and skip.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export type TestPostgres = { available: true; url: string; stop: () => Promise<void> } | { available: false; reason: string };

export async function startTestPostgres(): Promise<TestPostgres> {
  const shared = process.env.EXOATLAS_TEST_DATABASE_URL;
  if (shared) return freshDatabase(shared, async () => undefined);
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

/** Creates a database of its own on the server at `url`; `stop` drops it, then runs `after`. */
async function freshDatabase(url: string, after: () => Promise<void>): Promise<TestPostgres> {
  const name = `exoatlas_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    available: true,
    url: target.toString(),
    stop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
        await after();
      }
    },
  };
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
