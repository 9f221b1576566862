import { describe, expect, it } from 'vitest';
import { accessedDate, checkCitationFormat, referenceToCsl, splitInitials } from '@exoatlas/atlas';
import { realAtlas, thrown } from './real-atlas.js';

// Reference [16] as the review prints it:
// "Zhu Y, Wang Y, Zhao B, Niu X, Hu B, Li Q, et al. Comparison of exosomes secreted by induced pluripotent stem
//  cell-derived mesenchymal stem cells and synovial membrane-derived mesenchymal stem cells for the treatment of
//  osteoarthritis. Stem Cell Res Ther. 2017;8:64."
const TITLE_16 =
  'Comparison of exosomes secreted by induced pluripotent stem cell-derived mesenchymal stem cells and synovial membrane-derived mesenchymal stem cells for the treatment of osteoarthritis';

describe('citations through citation-js', () => {
  it('formats [16] in Vancouver exactly as the review prints it, numbered as in the review', async () => {
    const text = await realAtlas().formatReferences('vancouver', [16]);
    expect(text).toBe(`16. Zhu Y, Wang Y, Zhao B, Niu X, Hu B, Li Q, et al. ${TITLE_16}. Stem Cell Res Ther. 2017;8:64.\n`);
    expect(text.slice(4).trim()).toBe(realAtlas().getReference(16).printed);
  });

  it('formats [16] as BibTeX, the printed "et al." as "and others"', async () => {
    const bib = await realAtlas().formatReferences('bibtex', [16]);
    expect(bib).toContain('@article{zhu2017_16,');
    expect(bib).toContain('author = {Zhu, Y. and Wang, Y. and Zhao, B. and Niu, X. and Hu, B. and Li, Q. and others},');
    expect(bib).toContain('journal = {Stem Cell Res Ther},');
    expect(bib).toContain('year = {2017},');
    expect(bib).toContain('volume = {8},');
    expect(bib).toContain('pages = {64},');
    expect(bib).toContain(`title = {${TITLE_16}},`);
  });

  it('formats [16] as RIS, one line per tag', async () => {
    const ris = await realAtlas().formatReferences('ris', ['ref-16']);
    const lines = ris.split('\n').filter(Boolean);
    expect(lines[0]).toBe('TY  - JOUR');
    expect(lines.at(-1)).toBe('ER  - ');
    expect(lines.filter((l) => l.startsWith('AU  - '))).toEqual(['AU  - Zhu, Y.', 'AU  - Wang, Y.', 'AU  - Zhao, B.', 'AU  - Niu, X.', 'AU  - Hu, B.', 'AU  - Li, Q.']);
    expect(lines).toContain(`TI  - ${TITLE_16}`);
    expect(lines).toContain('T2  - Stem Cell Res Ther');
    expect(lines).toContain('PY  - 2017');
    expect(lines).toContain('VL  - 8');
    expect(lines).toContain('SP  - 64');
    expect(lines.every((l) => /^[A-Z][A-Z0-9] {2}- ?/.test(l))).toBe(true);
  });

  it('formats [16] as CSL-JSON with the curated fields', async () => {
    const [item] = JSON.parse(await realAtlas().formatReferences('csl-json', [16])) as Record<string, unknown>[];
    expect(item).toMatchObject({
      id: 'ref-16',
      type: 'article-journal',
      title: TITLE_16,
      'container-title': 'Stem Cell Res Ther',
      issued: { 'date-parts': [[2017]] },
      volume: '8',
      page: '64',
      note: 'The review lists the first 6 authors, then "et al."',
    });
    expect((item!.author as unknown[])[0]).toEqual({ family: 'Zhu', given: 'Y.' });
  });

  it('handles a web page, a chapter and the whole list', async () => {
    const all = await realAtlas().formatReferences('vancouver');
    expect(all.trim().split('\n')).toHaveLength(116);
    expect(all).toContain('45. Cardiovascular Diseases (CVDs) [Internet]. [cited 2021 Aug 8]. Available from: https://www.who.int/news-room/fact-sheets/detail/cardiovascular-diseases-(cvds)');
    expect(all).toContain('66. Sugaya K, Vaidya M. Stem cell therapies for neurodegenerative diseases. In: Exosomes, stem cells and microRNA');
    const bib = await realAtlas().formatReferences('bibtex');
    expect(bib.match(/^@\w+\{/gm)).toHaveLength(116);
    expect(bib).toContain('pages = {61--84},');
  });

  it('maps curated fields without adding any', () => {
    expect(splitInitials('AJC')).toBe('A. J. C.');
    expect(splitInitials('A-K')).toBe('A-K');
    expect(accessedDate('20 April 2023')).toEqual([2023, 4, 20]);
    expect(accessedDate('sometime')).toBeUndefined();
    const csl = referenceToCsl(realAtlas().getReference(109));
    expect(csl.author).toEqual([{ literal: 'U.S. National Library of Medicine' }]);
    expect(csl.accessed).toEqual({ 'date-parts': [[2023, 4, 20]] });
  });

  it('rejects an unknown format and an unknown reference', async () => {
    expect(thrown(() => checkCitationFormat('endnote'))).toMatchObject({ code: 'EXO_ERR_QUERY_INVALID', context: { field: 'format' } });
    await expect(realAtlas().formatReferences('ris', [117])).rejects.toMatchObject({ code: 'EXO_ERR_NOT_FOUND_REFERENCE' });
  });
});
