import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, ExoError, Provenance, Reference, Study, foldForQuote, generateJsonSchemas, isVerbatimIn, renderErrorCatalogue, toExoError } from '../src/index.js';
import { repoRoot } from '../../../test/helpers/paths.js';

const study = {
  id: 'zhu-2017-osteoarthritis',
  title: 'iMSC exosomes in mouse OA',
  inTable1: true,
  table1Row: 1,
  diseaseArea: 'musculoskeletal',
  condition: 'Osteoarthritis',
  model: 'Osteoarthritis mouse model',
  species: ['mouse'],
  setting: ['in-vivo'],
  cellSource: 'iMSC',
  outcome: 'A greater therapeutic effect',
  referenceNumbers: [16],
  provenance: [{ section: 'table-1', quote: 'Osteoarthritis mouse model', referenceNumbers: [16] }],
};

describe('record schemas', () => {
  it('accept a valid Table 1 study and fill defaults', () => {
    const parsed = Study.parse(study);
    expect(parsed.comparisons).toEqual([]);
    expect(parsed.origin).toEqual({ kind: 'review' });
    expect(parsed.vesicle).toBe('exosome');
  });

  it('require table1Row exactly when inTable1 is true', () => {
    const { table1Row: _row, ...withoutRow } = study;
    expect(Study.safeParse(withoutRow).success).toBe(false);
    expect(Study.safeParse({ ...study, inTable1: false }).success).toBe(false);
    expect(Study.safeParse({ ...withoutRow, inTable1: false }).success).toBe(true);
  });

  it('reject unknown species, cell sources, fields and reference numbers outside 1–116', () => {
    expect(Study.safeParse({ ...study, species: ['dog'] }).success).toBe(false);
    expect(Study.safeParse({ ...study, cellSource: 'liver' }).success).toBe(false);
    expect(Study.safeParse({ ...study, colour: 'red' }).success).toBe(false);
    expect(Study.safeParse({ ...study, referenceNumbers: [117] }).success).toBe(false);
  });

  it('require provenance with a known section', () => {
    expect(Provenance.safeParse({ section: 'table-1', quote: 'abc' }).success).toBe(true);
    expect(Provenance.safeParse({ section: 'table 1', quote: 'abc' }).success).toBe(false);
    expect(Study.safeParse({ ...study, provenance: [] }).success).toBe(false);
  });

  it('number references ref-N from 1 to 116', () => {
    const ref = { id: 'ref-16', reviewNumber: 16, type: 'article-journal', authors: [{ family: 'Zhu', given: 'Y' }], hasEtAl: true, title: 'Comparison', printed: 'Zhu Y' };
    expect(Reference.safeParse(ref).success).toBe(true);
    expect(Reference.safeParse({ ...ref, reviewNumber: 117 }).success).toBe(false);
  });
});

describe('verbatim quotes', () => {
  it('fold whitespace, tabs and line-break hyphenation', () => {
    expect(foldForQuote('a\tb \n  c')).toBe('a b c');
    expect(foldForQuote('difficult-\nto extract')).toBe('difficultto extract');
    const text = foldForQuote('Osteoarthritis\tOsteoarthritis mouse model\tA greater');
    expect(isVerbatimIn('Osteoarthritis Osteoarthritis   mouse model', text)).toBe(true);
    expect(isVerbatimIn('Osteoarthritis rat model', text)).toBe(false);
  });
});

describe('generated documents', () => {
  it('docs/schema/ is generated from the zod schemas (run `npm run docs` when this fails)', () => {
    for (const [name, schema] of Object.entries(generateJsonSchemas())) {
      const committed = JSON.parse(readFileSync(join(repoRoot, 'docs/schema', name), 'utf8'));
      expect(committed, `docs/schema/${name} is stale`).toEqual(JSON.parse(JSON.stringify(schema)));
    }
  });

  it('docs/errors.md lists exactly the catalogue (run `npm run docs` when this fails)', () => {
    expect(readFileSync(join(repoRoot, 'docs/errors.md'), 'utf8')).toBe(renderErrorCatalogue());
  });
});

describe('error catalogue', () => {
  it('names every code EXO_ERR_<AREA>_<WHAT> with a status and an exit code', () => {
    for (const [code, entry] of Object.entries(ERROR_CATALOGUE)) {
      expect(code).toMatch(/^EXO_ERR_[A-Z]+_[A-Z0-9_]+$/);
      expect(entry.status).toBeGreaterThanOrEqual(400);
      expect(entry.exit).toBeGreaterThan(0);
    }
  });

  it('maps errors to their status and exit code, unknown ones to EXO_ERR_INTERNAL_UNEXPECTED', () => {
    const e = new ExoError('EXO_ERR_NOT_FOUND_STUDY', "no study 'x'", { id: 'x' });
    expect([e.status, e.exitCode]).toEqual([404, 3]);
    const fromCode = toExoError(Object.assign(new Error('bad sd'), { code: 'EXO_ERR_META_OUT_OF_RANGE', context: { row: 3 } }));
    expect([fromCode.code, fromCode.status, fromCode.context.row]).toEqual(['EXO_ERR_META_OUT_OF_RANGE', 400, 3]);
    expect(toExoError(new TypeError('boom')).code).toBe('EXO_ERR_INTERNAL_UNEXPECTED');
  });
});
