import { describe, expect, it } from 'vitest';
import { readCitations } from '../../src/index.js';
import { decodeLatex } from '../../src/readers/bibtex/latex.js';
import { readFixture } from '../helpers.js';

describe('BibTeX reader', () => {
  it('decodes LaTeX accents, expands @string macros and # concatenation, reads organisations and month macros', async () => {
    const { format, records, warnings } = await readFixture('latex-accents.bib');
    expect(format).toBe('bibtex');
    expect(records).toHaveLength(3); // @string and @comment are not records
    expect(warnings).toEqual([]);
    const [a, b, c] = records;
    expect(a!.title).toBe('Über Exosomen aus iPS-Zellen: in vivo Befunde – eine Übersicht');
    expect(a!.authors).toEqual([{ family: 'Müller', given: 'Jörg' }, { family: 'García-López', given: 'María' }, { literal: 'World Health Organization' }]);
    expect(a).toMatchObject({ journal: 'Journal of Extracellular Vesicles', year: 2019, date: '2019-03', volume: '8', issue: '1', pages: '1650-1661', doi: '10.1080/20013078.2019.1650000', sourceId: 'Muller2019' });
    expect(a!.keywords).toEqual(['exosome', 'iPSC', 'review']);
    expect(a!.abstract).toBe('Extracellular vesicles (EVs) were isolated at 100,000 × g and characterised by Ångström-scale imaging.');
    expect(a!.raw.fields['funding_text 1']).toEqual(['Funded by the Stiftung & others (50% share).']);
    expect(b!.type).toBe('paper-conference');
    expect(b!.title).toBe('A size-exclusion protocol for α-SMA+ vesicles');
    expect(b!.authors.map((x) => x.family)).toEqual(['Cao', 'Škoda', 'Østergaard', 'Dupont']);
    expect(b!.authors[3]).toEqual({ family: 'Dupont', given: 'François' });
    expect(c!.title).toBe('Naïve MSC secretome & Schrödinger\'s “vesicles”');
    expect(c!.notes).toEqual(['Preprint at Journal of Extracellular Vesicles']);
    expect(c!.raw.line).toBe(28);
  });

  it('agrees with citation-js on LaTeX decoding of common accents', async () => {
    const value = await import('@citation-js/plugin-bibtex/lib/input/value.js');
    const parse = value.parse as (text: string, field: string) => string;
    const samples = [
      'M{\\"u}ller', '\\c{C}elik', '\\v{S}koda', '{\\O}stergaard', 'Stra{\\ss}e', '\\~{n}and\\`{u}',
      'K\\"{o}ln \\& Bonn', '50\\% more', 'a -- b', "\\'Ecole", '\\^{o}te', 'Erd\\H{o}s', '\\r{a}', '\\k{a}',
    ];
    for (const s of samples) expect(decodeLatex(s), s).toBe(parse(s, 'note'));
    // Where they differ: an accent on a dotless i is the precomposed letter here, "ı" + U+0301 there.
    expect(decodeLatex("Garc\\'{\\i}a")).toBe('García');
    expect(parse("Garc\\'{\\i}a", 'note')).toBe('Garc\u0131\u0301a');
  });

  it('accepts a bare key list, parenthesised entries and field names with spaces', async () => {
    const { records } = await readCitations('@article(k1, title = "One", year = 2001)\n@book{k2,\n  title={Two},\n  funding_text 1 = {x},\n}\n', { format: 'bibtex' });
    expect(records.map((r) => [r.sourceId, r.title, r.type])).toEqual([
      ['k1', 'One', 'article-journal'],
      ['k2', 'Two', 'book'],
    ]);
  });
});
