import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The labelled reviews: shared/benchmarks/screening beside the repository (as on the developers' machines and in CI). */
export const LABELLED_DIR = fileURLToPath(new URL('../../../shared/benchmarks/screening', import.meta.url));

/** The CSV files named on the command line, else every CSV in LABELLED_DIR; says "skipped" and exits when there are none. */
export function labelledFiles(args: readonly string[]): string[] {
  const files = args.length > 0 ? [...args] : existsSync(LABELLED_DIR) ? readdirSync(LABELLED_DIR).filter((f) => f.endsWith('.csv')).map((f) => join(LABELLED_DIR, f)) : [];
  if (files.length === 0) {
    console.log(`skipped: no labelled reviews (looked in ${LABELLED_DIR})`);
    process.exit(0);
  }
  return files;
}
