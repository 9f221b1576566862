import { describe, expect, it } from 'vitest';
import { readCitations } from '../../src/index.js';
import { chunked, fixtureBytes, readFixture } from '../helpers.js';

describe('CSL-JSON reader', () => {
  it('reads names (particles, literals), date-parts and raw dates, identifiers', async () => {
    const { format, records } = await readFixture('items.json');
    expect(format).toBe('csl-json');
    expect(records).toHaveLength(3);
    expect(records[0]).toMatchObject({
      type: 'article-journal',
      title: 'Exosomes from human iPSC-derived MSCs attenuate osteoarthritis',
      authors: [{ family: 'Zhu', given: 'Yu' }, { family: 'von Neumann', given: 'John' }, { literal: 'ISEV Task Force' }],
      year: 2017,
      date: '2017-03-07',
      journal: 'Stem Cell Research & Therapy',
      volume: '8',
      pages: '64',
      doi: '10.1186/s13287-017-0510-9',
      pmid: '28270212',
      pmcid: 'PMC5343225',
      keywords: ['exosome', 'iPSC'],
      abstract: 'An abstract with a "quote" and a brace { inside.',
    });
    expect(records[1]).toMatchObject({ type: 'book', year: 2015 });
    expect(records[2]!.flags).toEqual(['missing-title']);
  });

  it('streams items one by one whatever the chunking', async () => {
    const bytes = fixtureBytes('items.json');
    const a = await readCitations(bytes, { fileName: 'items.json' });
    const b = await readCitations(chunked(bytes, 3), { fileName: 'items.json' });
    expect(b.records).toEqual(a.records);
  });

  it('reads a single item object too', async () => {
    const { records } = await readCitations('{"type": "book", "title": "One"}');
    expect(records.map((r) => r.title)).toEqual(['One']);
  });
});
