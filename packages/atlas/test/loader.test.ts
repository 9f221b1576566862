import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { foldForQuote } from '@exoatlas/schema';
import { loadKnowledgeBase, validateDataDir } from '../src/index.js';
import { copyOfData, dataDir } from '../../../test/helpers/paths.js';

const { kb, reviewText } = loadKnowledgeBase(dataDir);

describe('the curated knowledge base in data/', () => {
  it('holds the 20 rows of Table 1 in printed order', () => {
    const rows = kb.studies.filter((s) => s.inTable1);
    expect(rows.map((s) => s.table1Row)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(rows[0]).toMatchObject({ firstAuthor: 'Zhu', referenceNumbers: [16], species: ['mouse'], diseaseType: 'Osteoarthritis' });
    expect(rows[4]).toMatchObject({ referenceNumbers: [115], species: ['rat'] });
    expect(rows[4]!.mechanism).toContain('miR-135b');
    expect(rows[5]).toMatchObject({ referenceNumbers: [53], species: ['swine'] });
    expect(rows[11]).toMatchObject({ referenceNumbers: [64], species: ['rhesus-macaque'] });
    expect(rows[19]).toMatchObject({ referenceNumbers: [114], diseaseArea: 'reproductive' });
  });

  it('puts the OCR-shifted reference cells back on their rows and says so', () => {
    const limb = kb.studies.find((s) => s.table1Row === 9)!;
    const skin = kb.studies.find((s) => s.table1Row === 10)!;
    expect(limb.referenceNumbers).toEqual([106, 107]);
    expect(skin.referenceNumbers).toEqual([25]);
    for (const s of [limb, skin]) {
      expect(s.curationNote).toBeTruthy();
      expect(s.corrections?.some((c) => c.field === 'referenceNumbers')).toBe(true);
    }
  });

  it('cites only references that exist, and the references cited by Table 1 are numbered as in the review', () => {
    const numbers = new Set(kb.references.map((r) => r.reviewNumber));
    for (const s of kb.studies) for (const n of s.referenceNumbers) expect(numbers.has(n), `${s.id} cites [${n}]`).toBe(true);
    const byNumber = new Map(kb.references.map((r) => [r.reviewNumber, r]));
    expect(byNumber.get(16)!.authors[0]!.family).toBe('Zhu');
    expect(byNumber.get(115)!.title).toMatch(/mircorna-135b/);
    expect(byNumber.get(106)!.authors[0]!.family).toBe('Hu');
    expect(byNumber.get(107)!.authors[0]!.family).toBe('Ye');
  });

  it('has every provenance quote verbatim in the review text', () => {
    const folded = foldForQuote(reviewText);
    let quotes = 0;
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        if (typeof record.quote === 'string' && typeof record.section === 'string') {
          quotes++;
          expect(folded.includes(foldForQuote(record.quote)), record.quote).toBe(true);
        }
        Object.values(record).forEach(visit);
      }
    };
    visit(kb);
    expect(quotes).toBeGreaterThan(100);
  });

  it('keeps the review text identical to the source it names', () => {
    expect(createHash('sha256').update(readFileSync(join(dataDir, 'source/review.txt'))).digest('hex')).toBe(kb.source.textSha256);
  });
});

describe('bad data files', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());

  const broken = (file: string, change: (text: string) => string): ReturnType<typeof validateDataDir> & { path: string } => {
    const copy = copyOfData();
    cleanup = copy.cleanup;
    const path = join(copy.dataDir, file);
    writeFileSync(path, change(readFileSync(path, 'utf8')));
    return { ...validateDataDir(copy.dataDir), path };
  };

  it('reports malformed YAML with its path and line, and loads nothing', () => {
    const result = broken('studies/zhu-2017-osteoarthritis.yaml', (t) => t.replace('inTable1: true', 'inTable1: true\n  bad: [unclosed'));
    expect(result.loaded).toBeUndefined();
    expect(result.problems[0]!.code).toBe('EXO_ERR_DATA_PARSE');
    expect(result.problems[0]!.message).toMatch(/studies\/zhu-2017-osteoarthritis\.yaml:\d+: /);
    expect(() => loadKnowledgeBase(join(result.path, '../..'))).toThrow(/zhu-2017-osteoarthritis\.yaml:\d+/);
  });

  it('reports a field that breaks the schema with file, line and field', () => {
    const result = broken('studies/zhu-2017-osteoarthritis.yaml', (t) => t.replace(/species:\n?\s*(- mouse|\[mouse\])/, 'species: [dog]'));
    const p = result.problems[0]!;
    expect(p.code).toBe('EXO_ERR_DATA_INVALID');
    expect(p.message).toMatch(/zhu-2017-osteoarthritis\.yaml:\d+: record 'zhu-2017-osteoarthritis', field 'species\.0'/);
    const line = Number(/yaml:(\d+)/.exec(p.message)![1]);
    expect(readFileSync(result.path, 'utf8').split('\n')[line - 1]).toContain('species');
  });

  it('refuses a quote that is not verbatim', () => {
    const result = broken('studies/zhu-2017-osteoarthritis.yaml', (t) => t.replace('Osteoarthritis Osteoarthritis mouse model A greater', 'Osteoarthritis Osteoarthritis rat model A greater'));
    expect(result.problems.some((p) => p.code === 'EXO_ERR_DATA_QUOTE_NOT_VERBATIM' && p.message.includes('zhu-2017-osteoarthritis'))).toBe(true);
  });

  it('refuses a study citing a reference that does not exist', () => {
    const result = broken('references.yaml', (t) => t.replace(/- id: "?ref-16"?\n[\s\S]*?(?=\n- id: "?ref-17)/, ''));
    expect(result.problems.some((p) => p.code === 'EXO_ERR_DATA_DANGLING_REF' && /reference \[16\]/.test(p.message))).toBe(true);
  });
});
