/**
 * Issue 17 (fuzzing): a file cut inside its last record must not import silently. For the formats whose records end
 * with a marker (RIS "ER", PubMed XML's closing tags, BibTeX's closing brace, CSL-JSON's "]", Web of Science "ER"), a
 * cut anywhere after the last record starts and before its end marker is complete is a coded error (or, where only the
 * first characters of a next record's start line are left, a warning that text outside a record was skipped).
 */
import { describe, expect, it } from 'vitest';
import { readCitations, type CitationFormat } from '../../src/index.js';
import { fc, fuzzParams, fuzzTimeout } from '../../../../test/helpers/fuzz.js';
import { FIXTURES, readChecked } from './harness.js';

/** The last record's start and the end of the file's closing marker, as character offsets. */
const MARKERS: Partial<Record<CitationFormat, { start: RegExp; end: RegExp }>> = {
  ris: { start: /^TY {1,2}-/gm, end: /^ER {1,2}-/gm },
  'pubmed-xml': { start: /<PubmedArticle>/g, end: /<\/PubmedArticleSet>/g },
  bibtex: { start: /^@/gm, end: /[)}]/g },
  'csl-json': { start: /[[{]/g, end: /]/g },
  wos: { start: /^PT /gm, end: /^ER\b/gm },
};

function lastMatch(text: string, re: RegExp): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  for (const m of text.matchAll(re)) last = m as RegExpExecArray;
  return last;
}

interface Case {
  name: string;
  text: string;
  /** cut positions in [from, to) leave the last record incomplete */
  from: number;
  to: number;
}

const decoder = new TextDecoder();
const cases: Case[] = [];
for (const f of FIXTURES) {
  const whole = await readCitations(f.bytes, { fileName: f.name }).catch(() => undefined);
  const marker = whole && MARKERS[whole.format];
  if (!marker || f.bytes[0] === 0xff || f.bytes[0] === 0xfe) continue;
  const text = decoder.decode(f.bytes).replace(/^\ufeff/, '');
  const start = lastMatch(text, marker.start);
  const end = lastMatch(text, marker.end);
  if (!start || !end || end.index < start.index) continue;
  // the CSL-JSON start is the first bracket: any cut before the closing one leaves the array open
  const from = (whole.format === 'csl-json' ? text.search(/[[{]/) : start.index) + 1;
  cases.push({ name: f.name, text, from, to: end.index + end[0].length });
}

describe('no silent truncation (issue 17, fuzzing)', () => {
  it('there are fixtures of every format with an end marker', () => {
    expect(cases.length).toBeGreaterThanOrEqual(5);
  });

  it('a fixture cut inside its last record is a coded error, not fewer records', { timeout: fuzzTimeout(30_000) }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...cases), fc.double({ min: 0, max: 1, noNaN: true }), async (c, t) => {
        const at = Math.min(c.to - 1, c.from + Math.floor(t * (c.to - c.from)));
        const cut = c.text.slice(0, at);
        const outcome = await readChecked(cut, { fileName: c.name });
        const isWarned = outcome.warnings?.some((w) => w === 'ignored-text' || w === 'missing-end');
        if (outcome.code === undefined && !isWarned) throw new Error(`${c.name} cut at character ${at} (…${JSON.stringify(cut.slice(-30))}) imported ${outcome.records} records silently`);
      }),
      fuzzParams(200),
    );
  });
});
