import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/index.js';
import { fixtureBytes, readFixture, rejection } from '../helpers.js';

describe('Web of Science plain text', () => {
  it('reads records from PT to ER: one author per line, wrapped titles and keywords joined', async () => {
    const { format, records } = await readFixture('wos-savedrecs.txt');
    expect(format).toBe('wos');
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({
      type: 'article-journal',
      title: 'Exosomes derived from human induced pluripotent stem cell-derived mesenchymal stem cells attenuate osteoarthritis',
      authors: [{ family: 'Zhu', given: 'Yu' }, { family: 'Wang', given: 'Yuqi' }],
      journal: 'STEM CELL RESEARCH & THERAPY',
      journalAbbrev: 'Stem Cell Res. Ther.',
      year: 2017,
      volume: '8',
      pages: '64',
      doi: '10.1186/s13287-017-0510-9',
      pmid: '28270212',
      sourceId: 'WOS:000395987400001',
      sourceDatabase: 'Web of Science',
      keywords: ['iPSC', 'mesenchymal stem cells', 'exosomes', 'osteoarthritis'],
      publicationTypes: ['Article'],
    });
    expect(records[0]!.raw.fields.AU).toEqual(['Zhu, Y', 'Wang, YQ']);
    expect(records[1]).toMatchObject({ type: 'book', isbn: '978-3-030-58167-1', raw: { line: 29 } });
  });

  it('refuses a file cut inside a record', async () => {
    const text = new TextDecoder().decode(fixtureBytes('wos-savedrecs.txt')).split('\nER\n')[0]!;
    const error = await rejection(import('../../src/index.js').then((m) => m.readCitations(text, { fileName: 'cut.txt' })));
    expect(error).toMatchObject({ code: 'EXO_ERR_LIT_TRUNCATED' });
    expect(error.message).toBe('cut.txt line 26: the file ends inside the record that begins at line 3 (expected "ER"; truncated?)');
  });
});

describe('EndNote tagged (.enw)', () => {
  it('reads %-tagged records separated by blank lines', async () => {
    const { format, records } = await readFixture('endnote-tagged.enw');
    expect(format).toBe('endnote');
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({
      type: 'article-journal',
      title: 'Exosomes derived from human induced pluripotent stem cell-derived mesenchymal stem cells attenuate osteoarthritis',
      authors: [{ family: 'Zhu', given: 'Yu' }, { family: 'Wang', given: 'Yuqi' }],
      journal: 'Stem Cell Research & Therapy',
      year: 2017,
      date: '2017-03-07',
      pages: '64',
      doi: '10.1186/s13287-017-0510-9',
      pmid: '28270212',
      issn: ['1757-6512'],
      keywords: ['iPSC', 'Osteoarthritis'],
    });
    expect(records[0]!.isbn).toBeUndefined();
    expect(records[1]).toMatchObject({ type: 'book', isbn: '978-3-030-58167-1', issn: [], publisher: 'Springer' });
    expect(detectFormat(fixtureBytes('endnote-tagged.enw'), 'export.txt')).toBe('endnote');
  });
});
