/** Issue 18 item 7, "search that forgives": query words → terms of alternative phrases; documents titled in names. */
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase, queryTerms, searchDocuments, searchLexicon, type QueryTerm } from '../src/index.js';
import { dataDir } from '../../../test/helpers/paths.js';

const { kb } = loadKnowledgeBase(dataDir);
const lexicon = searchLexicon(kb);
/** The phrases of each term as FTS5 would read them ("mir 135b*"). */
const phrases = (terms: QueryTerm[]): string[][] => terms.map((t) => t.phrases.map((p) => `${p.tokens.join(' ')}${p.isPrefix ? '*' : ''}`));

describe('issue 18 item 7: query terms that forgive spelling', () => {
  it.each(['miR-135b', 'mir135b', 'miR135b', 'microRNA-135b', 'hsa-miR-135b', 'miRNA 135b', 'MIR-135B'])('%j is one term with every spelling of miR-135b', (q) => {
    const terms = queryTerms([q, 'x'], lexicon);
    expect(terms).toHaveLength(2);
    expect(phrases(terms)[0]).toEqual(expect.arrayContaining(['mir 135b', 'microrna 135b', 'mir135b', 'mirna 135b', 'micro rna 135b', 'mircorna 135b']));
  });

  it('an arm matches the arm and the unarmed name, and excludes records naming only the other arm', () => {
    const [term] = queryTerms(['miR-135b-5p'], lexicon) as [QueryTerm];
    expect(phrases([term])[0]).toEqual(expect.arrayContaining(['mir 135b 5p*', 'mir 135b', 'mir135b 5p*']));
    expect(phrases([term])[0]).not.toContain('mir 135b 3p');
    expect(term.exclude!.other.map((p) => p.tokens.join(' '))).toContain('mir 135b 3p');
  });

  it('the last word stays a prefix (the search box suggests as you type)', () => {
    expect(phrases(queryTerms(['miR-13']))[0]).toContain('mir 13*');
    expect(phrases(queryTerms(['osteoarth']))[0]).toContain('osteoarth*');
  });

  it('a run of words naming an entity takes its names and synonyms from the knowledge base', () => {
    expect(phrases(queryTerms(['OA'], lexicon))[0]).toEqual(expect.arrayContaining(['oa*', 'osteoarthritis']));
    expect(phrases(queryTerms(['graft', 'versus', 'host', 'disease'], lexicon))).toHaveLength(1);
    expect(phrases(queryTerms(['PI3KAkt'], lexicon))[0]).toEqual(expect.arrayContaining(['pi3k akt']));
    expect(phrases(queryTerms(['TNF-alpha'], lexicon))[0]).toEqual(expect.arrayContaining(['tnf α', 'tumour necrosis factor alpha']));
    expect(phrases(queryTerms(['iPSC-derived', 'MSC'], lexicon))[0]).toEqual(expect.arrayContaining(['imsc', 'ipsc derived mscs']));
    expect(phrases(queryTerms(['size', 'exclusion', 'chromatography'], lexicon))[0]).toContain('sec');
  });

  it('a hyphenated word of known parts is one term a part ("MSC-EVs"); others stay one phrase', () => {
    const msc = phrases(queryTerms(['MSC-EVs'], lexicon));
    expect(msc).toHaveLength(2);
    expect(msc[1]).toEqual(expect.arrayContaining(['extracellular vesicles', 'ev']));
    expect(phrases(queryTerms(['size-exclusion', 'x'], lexicon))[0]).toEqual(expect.arrayContaining(['size exclusion', 'size exclus*']));
  });

  it('word forms: singular and plural, a stem as a prefix, British and American spellings', () => {
    expect(phrases(queryTerms(['exosomes', 'x']))[0]).toEqual(expect.arrayContaining(['exosomes', 'exosome', 'exosom*']));
    expect(phrases(queryTerms(['ultracentrifuge', 'x']))[0]).toContain('ultracentrifug*');
    expect(phrases(queryTerms(['ischemia', 'x']))[0]).toContain('ischaemia');
    expect(phrases(queryTerms(['tumor', 'x']))[0]).toContain('tumour');
    expect(phrases(queryTerms(['signaling', 'x']))[0]).toContain('signalling');
    expect(phrases(queryTerms(['polarization', 'x']))[0]).toContain('polarisation');
  });
});

describe('issue 18 item 7: search documents show names, and no two look alike', () => {
  const docs = searchDocuments(kb);

  it('claims are titled in the entities\' names, with the context that tells them apart', () => {
    expect(docs.find((d) => d.id === 'table1-mir-135b-inhibits-pdcd4')!.title).toBe('miR-135b inhibits PDCD4 — vesicles from iMSC, in osteonecrosis of the femoral head (Table 1)');
    expect(docs.find((d) => d.id === 'sec3-sm-msc-exosome-improves-osteoarthritis')!.title).toMatch(/^exosome improves osteoarthritis — vesicles from SM-MSC/);
  });

  it('every record is one document, and no two documents of a kind share a title', () => {
    const keys = docs.map((d) => `${d.kind}:${d.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    const titles = docs.map((d) => `${d.kind}:${d.title.toLowerCase()}`);
    expect(titles.filter((t, i) => titles.indexOf(t) !== i)).toEqual([]);
  });
});
