import { describe, expect, it } from 'vitest';
import { readFixture } from '../helpers.js';

describe('MEDLINE (nbib) reader', () => {
  it('reads tags, continuation lines, full author names, a collective author, MeSH and identifiers', async () => {
    const { format, records, warnings } = await readFixture('pubmed-two-records.nbib');
    expect(format).toBe('medline');
    expect(records).toHaveLength(2);
    expect(warnings).toEqual([]);
    const r = records[0]!;
    expect(r.title).toBe('Exosomes derived from human induced pluripotent stem cell-derived mesenchymal stem cells attenuate osteoarthritis.');
    expect(r.authors).toEqual([{ family: 'Zhu', given: 'Yu' }, { family: 'Wang', given: 'Yuqi' }, { literal: 'iMSC Exosome Study Group' }]);
    expect(r).toMatchObject({ year: 2017, date: '2017-03-07', volume: '8', issue: '1', pages: '64-72', pmid: '29000001', pmcid: 'PMC5343225' });
    expect(r.doi).toBe('10.1186/s13287-017-0510-9');
    expect(r.journal).toBe('Stem cell research & therapy');
    expect(r.journalAbbrev).toBe('Stem Cell Res Ther');
    expect(r.meshTerms).toEqual(['Animals', 'Exosomes/*metabolism/transplantation', '*Induced Pluripotent Stem Cells']);
    expect(r.keywords).toEqual(['iPSC', 'Osteoarthritis']);
    expect(r.publicationTypes).toEqual(['Journal Article', "Research Support, Non-U.S. Gov't"]);
    expect(r.issn).toEqual(['1757-6512']);
    expect(r.sourceDatabase).toBe('PubMed');
    expect(r.abstract).toMatch(/^BACKGROUND: Osteoarthritis .* METHODS: Exosomes were isolated by ultrafiltration\. RESULTS:/);
    expect(records[1]).toMatchObject({ year: 2014, date: '2014-01', pages: '38-41', raw: { line: 34 } });
  });
});

describe('MEDLINE truncation (issue 17, finding 10)', () => {
  const whole = 'PMID- 1\nTI  - One.\nSO  - J. 2020.\n\nPMID- 2\nTI  - Two.\nDP  - 2021\nSO  - J. 2021.\n';
  it('a file cut mid-line or before the last SO line is EXO_ERR_LIT_TRUNCATED with the file and line', async () => {
    const { readCitations } = await import('../../src/index.js');
    await expect(readCitations(whole.slice(0, whole.indexOf('Two') + 2), { fileName: 'cut.nbib', format: 'medline' })).rejects.toMatchObject({ code: 'EXO_ERR_LIT_TRUNCATED', context: { file: 'cut.nbib', line: 6 } });
    await expect(readCitations(whole.slice(0, whole.indexOf('DP')), { fileName: 'cut.nbib', format: 'medline' })).rejects.toMatchObject({ code: 'EXO_ERR_LIT_TRUNCATED', context: { line: 6 } });
  });
  it('whole files read, with or without SO lines and a final line break after SO', async () => {
    const { readCitations } = await import('../../src/index.js');
    expect((await readCitations(whole, { fileName: 'a.nbib', format: 'medline' })).records).toHaveLength(2);
    expect((await readCitations(whole.slice(0, -1), { fileName: 'a.nbib', format: 'medline' })).records).toHaveLength(2);
    expect((await readCitations('PMID- 1\nTI  - One.\n\nPMID- 2\nTI  - Two.\n', { fileName: 'a.nbib', format: 'medline' })).records).toHaveLength(2);
  });
});
