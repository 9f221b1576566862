import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { ExoError } from '@exoatlas/schema';

export interface DataFile {
  /** Path relative to the data directory, with forward slashes. */
  readonly path: string;
  readonly text: string;
}

/** Lists every file under data/ that the knowledge base is built from, in a stable order. */
export function listDataFiles(dataDir: string): string[] {
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) {
    throw new ExoError('EXO_ERR_DATA_MISSING', `the data directory ${dataDir} does not exist`, { file: dataDir });
  }
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ya?ml|txt)$/.test(name)) out.push(relative(dataDir, full).split('\\').join('/'));
    }
  };
  walk(dataDir);
  return out;
}

/** Reads the data files. */
export function readDataFiles(dataDir: string): DataFile[] {
  return listDataFiles(dataDir).map((path) => ({ path, text: readFileSync(join(dataDir, path), 'utf8') }));
}

/** A content hash of data/: the store is rebuilt whenever it changes. */
export function hashDataFiles(files: readonly DataFile[], extra = ''): string {
  const hash = createHash('sha256');
  hash.update(extra);
  for (const file of files) {
    hash.update(file.path);
    hash.update('\0');
    hash.update(file.text);
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Hash of data/ from the files on disk. */
export function hashDataDir(dataDir: string, extra = ''): string {
  return hashDataFiles(readDataFiles(dataDir), extra);
}
