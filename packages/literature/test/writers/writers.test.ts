import { describe, expect, it } from 'vitest';
import { createWriter, readCitations, writeCitations, type CitationRecord, type OutputFormat } from '../../src/index.js';
import { readFixture } from '../helpers.js';

/** The fields a round trip through a format must keep. */
function essentials(r: CitationRecord): Record<string, unknown> {
  return { title: r.title, authors: r.authors, year: r.year, journal: r.journal, volume: r.volume, issue: r.issue, pages: r.pages, doi: r.doi, abstract: r.abstract };
}

async function sample(): Promise<CitationRecord[]> {
  return [
    ...(await readFixture('embase-bom-crlf.ris')).records,
    ...(await readFixture('pubmed-efetch.xml')).records.slice(0, 2),
    ...(await readFixture('latex-accents.bib')).records,
  ];
}

describe('writers', () => {
  it.each(['ris', 'bibtex', 'csl-json', 'csv'] as OutputFormat[])('%s: what is written reads back the same', async (format) => {
    const records = await sample();
    const text = writeCitations(records, format);
    const back = await readCitations(text, { fileName: `out.${format}` });
    expect(back.records.map(essentials)).toEqual(records.map(essentials));
  });

  it('CSL-JSON: an array with title, DOI, author, issued and container-title', async () => {
    const records = (await readFixture('pubmed-efetch.xml')).records;
    const items = JSON.parse(writeCitations(records, 'csl-json')) as Array<Record<string, unknown>>;
    expect(items).toHaveLength(3);
    expect(items[0]).toMatchObject({
      id: 'pubmed-efetch.xml#1',
      type: 'article-journal',
      title: 'Exosomes from induced pluripotent stem cell-derived MSCs (iMSC-Exos) attenuate osteoarthritis.',
      DOI: '10.1186/s13287-017-0510-9',
      PMID: '28270212',
      PMCID: 'PMC5343225',
      author: [{ family: 'Zhu', given: 'Yu' }, { family: 'Wang', given: 'Yuqi' }, { literal: 'iMSC Exosome Study Group' }],
      issued: { 'date-parts': [[2017, 3, 7]] },
      'container-title': 'Stem cell research & therapy',
    });
  });

  it('RIS: CRLF lines, one TY…ER block per record, multi-line values folded', () => {
    const text = writeCitations([{ ...emptyLike('a'), title: 'Two\nlines', authors: [{ family: 'Ng', given: 'A' }], year: 2020, pages: '1-9' }], 'ris');
    expect(text).toBe('TY  - JOUR\r\nTI  - Two lines\r\nAU  - Ng, A\r\nPY  - 2020\r\nSP  - 1\r\nEP  - 9\r\nER  - \r\n\r\n');
  });

  it('BibTeX: escapes special characters, protects organisations, makes unique keys', () => {
    const r = { ...emptyLike('a'), title: '50% of R&D_costs {braces}', authors: [{ literal: 'World Health Organization' }], year: 2020 };
    const text = writeCitations([r, r], 'bibtex');
    expect(text).toContain('title = {50\\% of R\\&D\\_costs \\{braces\\}}');
    expect(text).toContain('author = {{World Health Organization}}');
    expect(text).toContain('@article{worldhealthorganizat2020rdcosts,');
    expect(text).toContain('@article{worldhealthorganizat2020rdcostsa,');
  });

  it('CSV: RFC 4180 quoting and formula cells defused', () => {
    const text = writeCitations([{ ...emptyLike('a'), title: '=HYPERLINK("x")', abstract: 'a, "b"\nc' }], 'csv');
    expect(text.split('\r\n')[1]).toContain(`"'=HYPERLINK(""x"")","a, ""b""\nc"`);
  });

  it('issue 22: CSV defuses -, @, tab and CR too (the shared writer), but not a page range or a negative number', () => {
    const text = writeCitations([{ ...emptyLike('-x'), title: '-2+3+cmd', journal: '@SUM(A1)', abstract: '\tlead', pages: '12-19', volume: '-1' }], 'csv');
    const row = text.split('\r\n')[1]!;
    expect(row.startsWith("'-x,'-2+3+cmd,'\tlead,,")).toBe(true);
    expect(row).toContain(",'@SUM(A1),-1,,12-19,");
  });

  it('streams: begin, one write per record, end', () => {
    const writer = createWriter('csl-json');
    const out = writer.begin() + writer.write(emptyLike('a'), 0) + writer.write(emptyLike('b'), 1) + writer.end();
    expect((JSON.parse(out) as unknown[]).length).toBe(2);
  });
});

function emptyLike(id: string): CitationRecord {
  return { id, type: 'article-journal', authors: [], issn: [], keywords: [], meshTerms: [], publicationTypes: [], notes: [], flags: [], raw: { format: 'ris', fields: {} } };
}

describe('writers, checked by an independent reader (citation-js)', () => {
  it('our BibTeX and RIS are read by citation-js with the same titles, DOIs and years', async () => {
    const core = (await import('@citation-js/core')) as unknown as { plugins?: unknown; default?: { plugins: unknown } };
    await import('@citation-js/plugin-bibtex');
    await import('@citation-js/plugin-ris');
    const plugins = (core.plugins ?? core.default!.plugins) as { input: { chain(d: string, o: object): Array<Record<string, unknown>> } };
    const records = await sample();
    for (const [format, type] of [['bibtex', '@bibtex/text'], ['ris', '@ris/file']] as const) {
      const items = plugins.input.chain(writeCitations(records, format), { forceType: type, generateGraph: false });
      expect(items.map((i) => String(i.title).replace(/\s+/g, ' ')), format).toEqual(records.map((r) => r.title));
      expect(items.map((i) => i.DOI ?? undefined), format).toEqual(records.map((r) => r.doi));
      expect(items.map((i) => (i.issued as { 'date-parts': number[][] })['date-parts'][0]![0]), format).toEqual(records.map((r) => r.year));
    }
  });
});
