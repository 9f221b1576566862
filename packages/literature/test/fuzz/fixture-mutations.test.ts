/**
 * Issue 17 (fuzzing): the real fixtures, damaged — cut at any point, bytes flipped, lines duplicated or deleted, a
 * huge field — read as a user's file would be: records or a coded error, never a crash or a hang.
 */
import { describe, it } from 'vitest';
import { fc, fuzzParams, fuzzTimeout } from '../../../../test/helpers/fuzz.js';
import { FIXTURES, formatArb, readChecked } from './harness.js';
import { join, lines, mutate, mutationArb } from './mutations.js';

const fixtureArb = fc.constantFrom(...FIXTURES);

describe('literature readers on damaged fixtures (issue 17, fuzzing)', () => {
  it('one mutation of a real fixture, read with its file name: records or a coded error', { timeout: fuzzTimeout(60_000) }, async () => {
    await fc.assert(
      fc.asyncProperty(fixtureArb, mutationArb, async (fixture, m) => {
        await readChecked(mutate(fixture.bytes, m), { fileName: fixture.name });
      }),
      fuzzParams(300),
    );
  });

  it('several mutations, any forced format: records or a coded error', { timeout: fuzzTimeout(60_000) }, async () => {
    await fc.assert(
      fc.asyncProperty(fixtureArb, fc.array(mutationArb, { minLength: 2, maxLength: 5 }), formatArb, async (fixture, ms, format) => {
        await readChecked(ms.reduce(mutate, fixture.bytes), { fileName: fixture.name, format });
      }),
      fuzzParams(200),
    );
  });

  it('every fixture cut at every line is read or refused with a code (exhaustive, not random)', { timeout: fuzzTimeout(60_000) }, async () => {
    for (const fixture of FIXTURES) {
      const ls = lines(fixture.bytes);
      for (let n = 0; n <= ls.length; n++) await readChecked(join(ls.slice(0, n)), { fileName: fixture.name });
    }
  });
});
