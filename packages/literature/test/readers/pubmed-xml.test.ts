import { describe, expect, it } from 'vitest';
import { readCitations } from '../../src/index.js';
import { chunked, fixtureBytes, readFixture } from '../helpers.js';

describe('PubMed XML reader', () => {
  it('reads structured abstracts, ArticleId types, collective authors, inline markup and book articles', async () => {
    const { format, records } = await readFixture('pubmed-efetch.xml');
    expect(format).toBe('pubmed-xml');
    expect(records).toHaveLength(3); // DeleteCitation is not a record
    const r = records[0]!;
    expect(r.title).toBe('Exosomes from induced pluripotent stem cell-derived MSCs (iMSC-Exos) attenuate osteoarthritis.');
    expect(r.abstract).toBe(
      'BACKGROUND: Osteoarthritis (OA) is the most common joint disease. METHODS: Exosomes were isolated by ultrafiltration and injected into the knee. RESULTS: Both exosomes attenuated OA; CD63+ particles were seen.',
    );
    expect(r.raw.fields['MedlineCitation/Article/Abstract']![0]).toContain('\nMETHODS: ');
    expect(r.authors).toEqual([{ family: 'Zhu', given: 'Yu' }, { family: 'Wang', given: 'Yuqi' }, { literal: 'iMSC Exosome Study Group' }]);
    expect(r).toMatchObject({ pmid: '28270212', pmcid: 'PMC5343225', doi: '10.1186/s13287-017-0510-9', year: 2017, date: '2017-03-07', volume: '8', issue: '1', pages: '64' });
    expect(r.meshTerms).toEqual(['Animals', 'Exosomes/*metabolism/transplantation', '*Induced Pluripotent Stem Cells']);
    expect(r.raw.fields['PubmedData/ArticleIdList/ArticleId[pmc]']).toEqual(['PMC5343225']);
    expect(records[1]).toMatchObject({ year: 2014, date: '2014-01', journal: 'Journal of dentistry for children (Chicago, Ill.)', authors: [{ family: 'Kimura', given: 'H' }] });
    expect(records[1]!.doi).toBeUndefined();
    expect(records[2]).toMatchObject({ type: 'chapter', title: 'Nevoid Basal Cell Carcinoma Syndrome', pmid: '20301295', year: 1993, publisher: 'University of Washington, Seattle' });
  });

  it('gives the same records whatever the chunking of the stream (one byte at a time included)', async () => {
    const bytes = fixtureBytes('pubmed-efetch.xml');
    const whole = await readCitations(bytes, { fileName: 'a.xml' });
    const bytewise = await readCitations(chunked(bytes, 1), { fileName: 'a.xml' });
    const odd = await readCitations(chunked(bytes, 37), { fileName: 'a.xml' });
    expect(bytewise.records).toEqual(whole.records);
    expect(odd.records).toEqual(whole.records);
  });
});
