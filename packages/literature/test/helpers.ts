import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCitations, type ReadOptions, type ReadResult } from '../src/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The repository root (…/main). */
export const repoRoot = path.resolve(here, '../../..');
/** Real exports and benchmarks kept next to the clone (not in it); tests that need them skip when absent. */
export const sharedDir = path.resolve(repoRoot, '../shared');
export const hasShared = existsSync(path.join(sharedDir, 'fixtures/literature'));

export function fixturePath(name: string): string {
  return path.join(here, 'fixtures', name);
}

export function fixtureBytes(name: string): Uint8Array {
  return readFileSync(fixturePath(name));
}

/** Reads one of the project's own fixtures as a user's file would be read (bytes, file name for detection). */
export function readFixture(name: string, options: ReadOptions = {}): Promise<ReadResult> {
  return readCitations(fixtureBytes(name), { fileName: name, ...options });
}

/** Splits bytes into chunks of `size` (1 for the worst case), as a stream would deliver them. */
export async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error & { code?: string; context?: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected the promise to reject');
}
