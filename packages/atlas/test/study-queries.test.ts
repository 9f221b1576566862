import { describe, expect, it } from 'vitest';
import { Atlas, loadKnowledgeBase } from '../src/index.js';
import { dataDir } from '../../../test/helpers/paths.js';

const atlas = new Atlas(loadKnowledgeBase(dataDir).kb);
const ids = (page: { items: { id: string }[] }): string[] => page.items.map((s) => s.id);

describe('listing and filtering studies', () => {
  it('lists Table 1 rows first, in printed order, then text studies', () => {
    const all = atlas.listStudies();
    expect(all.total).toBe(atlas.kb.studies.length);
    expect(all.items.slice(0, 20).map((s) => s.table1Row)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(all.items.slice(20).every((s) => !s.inTable1)).toBe(true);
  });

  it('filters by disease area, species, cell source, setting and Table 1', () => {
    const msk = atlas.listStudies({ diseaseArea: 'musculoskeletal', inTable1: true });
    expect(msk.items.map((s) => s.table1Row)).toEqual([1, 2, 3, 4, 5]);
    expect(ids(atlas.listStudies({ species: 'swine' }))).toEqual(['gao-2020-swine-myocardial-ischaemia']);
    expect(ids(atlas.listStudies({ species: 'rhesus-macaque', inTable1: true }))).toEqual(['lu-2019-macaque-wound-healing']);
    const rats = atlas.listStudies({ species: 'rat', inTable1: true }).items.map((s) => s.table1Row);
    expect(rats).toEqual([2, 3, 4, 5, 8, 10, 14, 15, 19]);
    expect(atlas.listStudies({ setting: 'human' }).items.every((s) => s.setting.includes('human'))).toBe(true);
    // A comparator is its own filter: Zhu et al. compared iMSC with SM-MSC exosomes (issue 18 item 4).
    expect(ids(atlas.listStudies({ cellSource: 'SM-MSC' }))).not.toContain('zhu-2017-osteoarthritis');
    expect(ids(atlas.listStudies({ comparator: 'SM-MSC' }))).toContain('zhu-2017-osteoarthritis');
  });

  it('filters by condition (case-insensitive) and by words', () => {
    expect(atlas.listStudies({ condition: 'osteoarthritis', inTable1: true }).items.map((s) => s.table1Row)).toEqual([1]);
    expect(ids(atlas.listStudies({ text: 'PDCD4' }))).toContain('zhang-2020-osteonecrosis-mir-135b');
    expect(atlas.listStudies({ text: 'no-such-word-anywhere' }).total).toBe(0);
  });

  it('pages with limit and offset', () => {
    const page = atlas.listStudies({}, { limit: 5, offset: 3 });
    expect(page.items.map((s) => s.table1Row)).toEqual([4, 5, 6, 7, 8]);
    expect(page.total).toBe(atlas.kb.studies.length);
  });

  it('refuses unknown filter values with the known ones', () => {
    expect(() => atlas.listStudies({ species: 'dog' })).toThrow(/unknown species 'dog'; known values: mouse, rat/);
    expect(() => atlas.listStudies({ diseaseArea: 'dermatology' })).toThrow(expect.objectContaining({ code: 'EXO_ERR_QUERY_UNKNOWN_FILTER' }));
    expect(() => atlas.listStudies({ condition: 'Scurvy' })).toThrow(expect.objectContaining({ code: 'EXO_ERR_QUERY_UNKNOWN_FILTER' }));
  });

  it('gets one study by id, and says which one is missing', () => {
    expect(atlas.getStudy('zhu-2017-osteoarthritis').table1Row).toBe(1);
    expect(() => atlas.getStudy('no-such-id')).toThrow("no study 'no-such-id'");
    expect(() => atlas.getStudy('no-such-id')).toThrow(expect.objectContaining({ code: 'EXO_ERR_NOT_FOUND_STUDY' }));
  });

  it('gives facets with counts that add up', () => {
    const facets = atlas.facets();
    expect(facets.diseaseArea!.reduce((n, f) => n + f.count, 0)).toBe(atlas.kb.studies.length);
  });
});
