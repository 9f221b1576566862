import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/index.js';
import { fixtureBytes } from '../helpers.js';

describe('detectFormat', () => {
  it.each([
    ['embase-bom-crlf.ris', 'ris'],
    ['continuation-lines.ris', 'ris'],
    ['one-space-dialect.ris', 'ris'],
    ['pubmed-two-records.nbib', 'medline'],
    ['pubmed-efetch.xml', 'pubmed-xml'],
    ['latex-accents.bib', 'bibtex'],
    ['asreview-columns.csv', 'csv'],
    ['semicolon.csv', 'csv'],
    ['wos-tab.tsv', 'tsv'],
    ['items.json', 'csl-json'],
  ])('knows %s by its content, whatever its name', (name, format) => {
    expect(detectFormat(fixtureBytes(name), 'download.txt')).toBe(format);
    expect(detectFormat(fixtureBytes(name))).toBe(format);
  });

  it('uses the extension only when the content does not decide, and gives up on prose', () => {
    expect(detectFormat('Dear colleague,\nplease find attached', 'notes.txt')).toBeUndefined();
    expect(detectFormat('', 'x.ris')).toBeUndefined();
    expect(detectFormat('TY  - JOUR\nER  - \n', 'x.bib')).toBe('ris');
    expect(detectFormat('a;b\n1;2\n', 'export.csv')).toBe('csv');
  });
});
