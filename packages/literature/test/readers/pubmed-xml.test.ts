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

describe('XML well-formedness', () => {
  const wrap = (body: string): string => `<?xml version="1.0"?>\n<PubmedArticleSet>\n<PubmedArticle><MedlineCitation><PMID>1</PMID><Article>${body}</Article></MedlineCitation></PubmedArticle>\n</PubmedArticleSet>\n`;

  it('decodes character references, CDATA, comments; skips processing instructions', async () => {
    const { records } = await readCitations(wrap('<!-- a comment --><ArticleTitle>A &amp; B &lt;3 &#x3B1;&#946; <![CDATA[<raw> & text]]><?pi x?></ArticleTitle>'), { format: 'pubmed-xml' });
    expect(records[0]!.title).toBe('A & B <3 αβ <raw> & text');
  });

  it.each([
    ['<ArticleTitle>A & B</ArticleTitle>', 'bad.xml line 3: the XML is not well formed: "&" is not a character reference'],
    ['<ArticleTitle>x &nbsp; y</ArticleTitle>', '"&nbsp;" is not a character reference'],
    ['<ArticleTitle lang=en>x</ArticleTitle>', 'malformed attribute in <ArticleTitle>: "lang=en" (expected name="value")'],
    ['<ArticleTitle>x</Title>', 'found </Title> where </ArticleTitle> was expected'],
    ['<1Title>x</1Title>', '"<1Title" is not a valid tag'],
  ])('refuses %s', async (body, message) => {
    const error = await readCitations(wrap(body), { fileName: 'bad.xml' }).catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'EXO_ERR_LIT_MALFORMED' });
    expect((error as Error).message).toContain(message);
  });
});
