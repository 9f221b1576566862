import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** The curated knowledge base. */
export const dataDir = join(repoRoot, 'data');
/** The shared folder beside the repository (absent in a user's clone). */
export const sharedDir = join(repoRoot, '..', 'shared');
/** The bundled CLI. */
export const cliBin = join(repoRoot, 'packages/cli/bin/exoatlas.js');

/** A fresh temporary directory; call the returned cleanup when done. */
export function tempDir(prefix = 'exoatlas-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A writable copy of data/ in a temporary directory, to break or change in a test. */
export function copyOfData(): { dir: string; dataDir: string; cleanup: () => void } {
  const tmp = tempDir('exoatlas-data-');
  const copy = join(tmp.dir, 'data');
  cpSync(dataDir, copy, { recursive: true });
  return { dir: tmp.dir, dataDir: copy, cleanup: tmp.cleanup };
}
