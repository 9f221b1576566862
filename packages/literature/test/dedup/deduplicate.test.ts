import { describe, expect, it } from 'vitest';
import { deduplicate, emptyRecord, mergeGroup, readCitations, type CitationRecord } from '../../src/index.js';
import { fixtureBytes } from '../helpers.js';

async function readAll(...names: string[]): Promise<CitationRecord[]> {
  const out: CitationRecord[] = [];
  for (const name of names) out.push(...(await readCitations(fixtureBytes(name), { fileName: name })).records);
  return out;
}

function record(id: string, fields: Partial<CitationRecord>): CitationRecord {
  return { ...emptyRecord(id, { format: 'csv', fields: {} }), ...fields };
}

describe('deduplicate', () => {
  it('links across an Embase RIS, a PubMed nbib and a bioRxiv CSL-JSON file with a reason and score for each link', async () => {
    const records = await readAll('duplicates-embase.ris', 'duplicates-pubmed.nbib', 'duplicates-preprint.json');
    const { groups, unique, links } = deduplicate(records);
    const pairs = links.map((l) => [l.a, l.b, l.reason, l.score]);
    expect(pairs).toEqual([
      ['duplicates-embase.ris#1', 'duplicates-pubmed.nbib#1', 'doi', 1],
      ['duplicates-embase.ris#2', 'duplicates-pubmed.nbib#2', 'fuzzy', expect.any(Number)],
      ['duplicates-pubmed.nbib#3', 'duplicates-preprint.json#1', 'preprint-version', expect.any(Number)],
    ]);
    expect(links[1]!.score).toBeGreaterThan(0.9);
    expect(groups.map((g) => g.members)).toEqual([
      ['duplicates-embase.ris#1', 'duplicates-pubmed.nbib#1'],
      ['duplicates-embase.ris#2', 'duplicates-pubmed.nbib#2'],
      ['duplicates-pubmed.nbib#3', 'duplicates-preprint.json#1'],
    ]);
    // 9 records: 3 pairs merged; the erratum and parts A and B stay apart.
    expect(unique).toHaveLength(6);
    const preprintGroup = unique.find((r) => r.merge?.preprints)!;
    expect(preprintGroup.id).toBe('duplicates-pubmed.nbib#3');
    expect(preprintGroup.doi).toBe('10.1111/acel.13500');
    expect(preprintGroup.merge!.preprints).toEqual(['duplicates-preprint.json#1']);
    expect(preprintGroup.abstract).toBe('A preprint abstract that is longer than nothing.');
    expect(preprintGroup.merge!.fieldSources.abstract).toEqual(['duplicates-preprint.json#1']);
  });

  it('merges the most complete metadata and remembers where each field came from', async () => {
    const records = await readAll('duplicates-embase.ris', 'duplicates-pubmed.nbib');
    const merged = mergeGroup([records[0]!, records[5]!]);
    expect(merged.id).toBe('duplicates-pubmed.nbib#1'); // the more complete record is the base
    expect(merged.authors).toHaveLength(3);
    expect(merged.abstract).toMatch(/^BACKGROUND/);
    expect(merged.keywords).toEqual(['exosome']);
    expect(merged.meshTerms).toEqual(['Exosomes/*metabolism']);
    expect(merged.sourceDatabase).toBe('PubMed');
    expect(merged.merge).toEqual({
      from: ['duplicates-pubmed.nbib#1', 'duplicates-embase.ris#1'],
      fieldSources: expect.objectContaining({
        title: ['duplicates-pubmed.nbib#1'],
        authors: ['duplicates-pubmed.nbib#1'],
        keywords: ['duplicates-embase.ris#1'],
        meshTerms: ['duplicates-pubmed.nbib#1'],
        pmid: ['duplicates-pubmed.nbib#1'],
        year: ['duplicates-pubmed.nbib#1'],
      }),
    });
  });

  it('keeps a preprint apart when asked, and thresholds are configurable', async () => {
    const records = await readAll('duplicates-embase.ris', 'duplicates-pubmed.nbib', 'duplicates-preprint.json');
    expect(deduplicate(records, { groupPreprints: false }).links.map((l) => l.reason)).toEqual(['doi', 'fuzzy']);
    expect(deduplicate(records, { titleThreshold: 0.995 }).links.map((l) => l.reason)).toEqual(['doi', 'preprint-version']);
  });

  it('refuses contradictory years, pages, volumes and DOIs; requires the same numbers in the titles', () => {
    const title = 'Exosomes from iPSC-derived MSCs attenuate osteoarthritis in a rat model';
    const base = { title, year: 2017, authors: [{ family: 'Zhu', given: 'Y' }], pages: '64', volume: '8' };
    const cases: Array<[Partial<CitationRecord>, boolean]> = [
      [{}, true],
      [{ year: 2018 }, true],
      [{ year: 2019 }, false],
      [{ pages: '65' }, false],
      [{ volume: '9' }, false],
      [{ authors: [{ family: 'Smith', given: 'J' }], title: `${title}s` }, false],
      [{ title: `${title} 2` }, false],
    ];
    for (const [change, isDuplicate] of cases) {
      const records = [record('a', base), record('b', { ...base, ...change })];
      expect(deduplicate(records).links.length === 1, JSON.stringify(change)).toBe(isDuplicate);
    }
    const doiA = record('a', { ...base, doi: '10.1/a' });
    const doiB = record('b', { ...base, doi: '10.1/b' });
    expect(deduplicate([doiA, doiB]).links).toEqual([]);
    const sameDoi = record('c', { title: 'Quite another work entirely about something else', doi: '10.1/A' });
    expect(deduplicate([doiA, sameDoi]).links).toEqual([]); // one DOI on two different titles is not trusted
  });

  it('folds case, accents, punctuation and mojibake in titles', () => {
    const a = record('a', { title: 'Bridging the gap: using behavioural science tools to implement “Sepsis Six”' });
    const b = record('b', { title: 'Bridging the gap: using behavioural science tools to implement â€œSepsis Sixâ€\u009d' });
    const c = record('c', { title: 'BRIDGING THE GAP - USING BEHAVIOURAL SCIENCE TOOLS TO IMPLEMENT "SEPSIS SIX".' });
    expect(deduplicate([a, b, c]).links.map((l) => [l.a, l.b, l.reason])).toEqual([
      ['a', 'b', 'exact-title'],
      ['a', 'c', 'exact-title'],
      ['b', 'c', 'exact-title'],
    ]);
  });

  it('refuses two records with one id', () => {
    expect(() => deduplicate([record('x', {}), record('x', {})])).toThrow(/two records share the id "x"/);
  });

  it('scales: 20,000 distinct records with 2,000 planted duplicates, found through blocking', () => {
    const words = 'exosome vesicle stem cell mesenchymal induced pluripotent wound healing cartilage repair bone renal cardiac hepatic neural skin therapy model rat mouse human trial isolation secretome microrna signalling'.split(' ');
    let seed = 42;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const records: CitationRecord[] = [];
    for (let i = 0; i < 20000; i++) {
      const title = Array.from({ length: 9 }, () => words[Math.floor(random() * words.length)]).join(' ') + ` ${i.toString(36)}`;
      records.push(record(`r${i}`, { title, year: 2000 + (i % 20), authors: [{ family: `Author${i % 997}` }] }));
    }
    for (let i = 0; i < 2000; i++) {
      const original = records[i * 10]!;
      records.push(record(`d${i}`, { ...original, title: original.title!.toUpperCase().replace(' ', ' - '), id: `d${i}` }));
    }
    const started = performance.now();
    const { groups, unique, comparisons } = deduplicate(records);
    const elapsed = performance.now() - started;
    expect(groups).toHaveLength(2000);
    expect(unique).toHaveLength(20000);
    expect(comparisons / records.length).toBeLessThan(60);
    expect(elapsed).toBeLessThan(20_000);
  });
});
