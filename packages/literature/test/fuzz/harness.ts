import { readdirSync } from 'node:fs';
import { expect } from 'vitest';
import { CITATION_FORMATS, readCitations, type CitationFormat, type CitationInput, type ReadOptions } from '../../src/index.js';
import { expectCoded, fc, timed } from '../../../../test/helpers/fuzz.js';
import { fixtureBytes, fixturePath } from '../helpers.js';

/**
 * Each input must be read (or refused) within a second plus 1 ms per KB (a floor of 1 MB/s, for the megabytes of
 * "huge field" mutations on a busy machine): a parser that loops or backtracks quadratically shows up far beyond it.
 */
export const MAX_MS_PER_INPUT = 1000;
const MS_PER_KB = 1;

function sizeOf(input: CitationInput): number {
  if (typeof input === 'string') return input.length;
  if (input instanceof Uint8Array) return input.length;
  return Array.isArray(input) ? input.reduce((n: number, c: Uint8Array) => n + c.length, 0) : 0;
}

/** The fixtures with content, by name (the empty one says nothing a mutation could not). */
export const FIXTURES: { name: string; bytes: Uint8Array }[] = readdirSync(fixturePath('.'))
  .filter((name) => fixtureBytes(name).length > 0)
  .sort()
  .map((name) => ({ name, bytes: new Uint8Array(fixtureBytes(name)) }));

export const formatArb: fc.Arbitrary<CitationFormat | undefined> = fc.option(fc.constantFrom(...CITATION_FORMATS), { nil: undefined });

/**
 * The reader's contract on any input: records (each with an id and a title or a warning about it) and warnings, or a
 * coded LiteratureError — never another exception, never slow. Returns the outcome for further checks.
 */
export async function readChecked(input: CitationInput, options: ReadOptions = {}): Promise<{ records?: number; code?: string; warnings?: string[] }> {
  const { value, error, ms } = await timed(() => readCitations(input, options));
  expect(ms, `one input of ${sizeOf(input)} characters or bytes took ${Math.round(ms)} ms`).toBeLessThan(MAX_MS_PER_INPUT + (MS_PER_KB * sizeOf(input)) / 1024);
  if (error !== undefined) {
    expectCoded(error);
    expect((error as Error).message.length).toBeGreaterThan(0);
    return { code: (error as { code: string }).code };
  }
  expect(value!.records.length).toBeGreaterThan(0);
  for (const r of value!.records) {
    expect(typeof r.id).toBe('string');
    // a record must survive the trip to JSON (the API and the store serialise it)
    expect(() => JSON.stringify(r)).not.toThrow();
  }
  for (const w of value!.warnings) expect(typeof w.message).toBe('string');
  return { records: value!.records.length, warnings: value!.warnings.map((w) => w.code) };
}

/** Bytes in chunks of `size`, as a stream delivers them. */
export function* chunks(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const encoder = new TextEncoder();
export const utf8 = (s: string): Uint8Array => encoder.encode(s);
