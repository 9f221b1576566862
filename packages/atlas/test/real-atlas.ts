import { fileURLToPath } from 'node:url';
import { Atlas, loadKnowledgeBase } from '@exoatlas/atlas';

/** The atlas over the project's real data/ (loaded once per test file). */
export const DATA_DIR = fileURLToPath(new URL('../../../data/', import.meta.url));

let atlas: Atlas | undefined;
export function realAtlas(): Atlas {
  atlas ??= new Atlas(loadKnowledgeBase(DATA_DIR).kb);
  return atlas;
}

/** Runs fn and returns what it throws (or fails the test when it does not throw). */
export function thrown(fn: () => unknown): { code?: string; message: string; context?: Record<string, unknown> } {
  try {
    fn();
  } catch (error) {
    return error as { code?: string; message: string; context?: Record<string, unknown> };
  }
  throw new Error('expected an error, but none was thrown');
}
