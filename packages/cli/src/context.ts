import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { Atlas } from '@exoatlas/atlas';
import { ExoError } from '@exoatlas/schema';
import { createStores, type LiteratureStore, type Stores } from '@exoatlas/store';
import type { CommandIO } from './command-io.js';

/** The project root: the directory holding data/ next to packages/ (the CLI runs from packages/cli/dist or src). */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(resolve(dir, 'data/source.yaml')) && existsSync(resolve(dir, 'packages'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

export interface AtlasOptions {
  data?: string;
  db?: string;
  'database-url'?: string;
}

/**
 * Where data/ and the database are: flags first (--database-url or --db), then DATABASE_URL, then EXOATLAS_DATA /
 * EXOATLAS_DB, then the project's defaults. With a database URL, dbPath is unused.
 */
export function resolvePaths(io: CommandIO, options: AtlasOptions): { dataDir: string; dbPath: string; databaseUrl?: string } {
  const root = projectRoot();
  const dataDir = resolve(io.cwd, options.data ?? io.env.EXOATLAS_DATA ?? resolve(root, 'data'));
  if (options.db !== undefined && options['database-url'] !== undefined) throw new ExoError('EXO_ERR_CLI_USAGE', 'give either --db FILE (SQLite) or --database-url URL (PostgreSQL), not both');
  // An explicit --db wins over a DATABASE_URL in the environment.
  const databaseUrl = options['database-url'] ?? (options.db === undefined ? io.env.DATABASE_URL || undefined : undefined);
  const dbPath = options.db ?? io.env.EXOATLAS_DB ?? resolve(root, '.exoatlas/atlas.sqlite');
  return { dataDir, dbPath: dbPath === ':memory:' ? dbPath : resolve(io.cwd, dbPath), ...(databaseUrl !== undefined ? { databaseUrl } : {}) };
}

/** Opens the stores (createStores), brings the atlas up to date with data/ and returns an atlas over it. */
export async function openAtlas(io: CommandIO, options: AtlasOptions): Promise<{ atlas: Atlas; stores: Stores; literature: LiteratureStore; dataDir: string; dbPath: string; rebuilt: boolean }> {
  const { dataDir, dbPath, databaseUrl } = resolvePaths(io, options);
  const stores = await createStores({ sqlitePath: dbPath, databaseUrl });
  try {
    const { rebuilt } = await stores.atlas.ensureCurrent(dataDir);
    return { atlas: new Atlas(await stores.atlas.knowledgeBase()), stores, literature: stores.literature, dataDir, dbPath, rebuilt };
  } catch (error) {
    await stores.close();
    throw error;
  }
}
