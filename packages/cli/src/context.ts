import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { Atlas } from '@exoatlas/atlas';
import { LiteratureStore, SqliteStore, type AtlasStore } from '@exoatlas/store';
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
}

/** Where data/ and the database are: flags first, then EXOATLAS_DATA / EXOATLAS_DB, then the project's defaults. */
export function resolvePaths(io: CommandIO, options: AtlasOptions): { dataDir: string; dbPath: string } {
  const root = projectRoot();
  const dataDir = resolve(io.cwd, options.data ?? io.env.EXOATLAS_DATA ?? resolve(root, 'data'));
  const dbPath = options.db ?? io.env.EXOATLAS_DB ?? resolve(root, '.exoatlas/atlas.sqlite');
  return { dataDir, dbPath: dbPath === ':memory:' ? dbPath : resolve(io.cwd, dbPath) };
}

/** Opens the store, brings it up to date with data/ and returns an atlas over it. */
export function openAtlas(io: CommandIO, options: AtlasOptions): { atlas: Atlas; store: AtlasStore; literature: LiteratureStore; dataDir: string; dbPath: string; rebuilt: boolean } {
  const { dataDir, dbPath } = resolvePaths(io, options);
  const store = new SqliteStore(dbPath);
  try {
    const { rebuilt } = store.ensureCurrent(dataDir);
    return { atlas: new Atlas(store.knowledgeBase()), store, literature: new LiteratureStore(store.db), dataDir, dbPath, rebuilt };
  } catch (error) {
    store.close();
    throw error;
  }
}
