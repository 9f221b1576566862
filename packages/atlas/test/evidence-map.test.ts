import { describe, expect, it } from 'vitest';
import { realAtlas, thrown } from './real-atlas.js';

const cellOf = (map: ReturnType<ReturnType<typeof realAtlas>['evidenceMap']>, row: string, col: string) => map.cells.find((c) => c.row === row && c.col === col)!;

describe('evidence map: disease area × cell source', () => {
  const map = realAtlas().evidenceMap();

  it('counts the exosome studies of each cell, worked out by hand from data/studies', () => {
    expect(map.rowDimension).toBe('diseaseArea');
    expect(map.colDimension).toBe('cellSource');
    expect(map.vesicle).toBe('exosome');
    // Table 1 rows 1–4 are iMSC exosomes in the musculoskeletal system: Zhu [16] osteoarthritis, Zhang [43] bone
    // defect, Qi [41] osteoporosis, Liu [44] osteonecrosis (row 5, Zhang [42], is recorded as MSC exosomes).
    const msk = cellOf(map, 'musculoskeletal', 'iMSC');
    expect(msk.count).toBe(4);
    expect(msk.studyIds.sort()).toEqual(['liu-2017-osteonecrosis-angiogenesis', 'qi-2016-osteoporotic-bone-defect', 'zhang-2016-bone-regeneration-tcp-scaffold', 'zhu-2017-osteoarthritis']);
    // Rows 16 (Liu, UUO) and 17 (Lim, ischaemia/reperfusion): renal; rows 18 (Du) and 19 (Nong): hepatic.
    expect(cellOf(map, 'renal', 'iMSC').count).toBe(2);
    expect(cellOf(map, 'hepatic', 'iMSC').count).toBe(2);
    expect(cellOf(map, 'reproductive', 'iMSC').studyIds).toEqual(['zhang-2023-premature-ovarian-insufficiency']);
    // Every row × column is present, and the counts add up to the exosome studies (one area and one source each).
    expect(map.cells).toHaveLength(map.rows.length * map.cols.length);
    const exosomeStudies = realAtlas().kb.studies.filter((s) => s.vesicle !== 'cell');
    expect(map.cells.reduce((n, c) => n + c.count, 0)).toBe(exosomeStudies.length);
    expect(map.rows).toEqual(['musculoskeletal', 'cardiovascular', 'wound-healing', 'neurological', 'ophthalmic', 'renal', 'hepatic', 'immune', 'reproductive']);
  });

  it('shows the gap the review names in section 8: no study of iMSC exosomes in GvHD', () => {
    const gvhd = cellOf(map, 'immune', 'iMSC');
    expect(gvhd.count).toBe(0);
    expect(gvhd.gapIds).toEqual(['imsc-exosomes-gvhd-no-study']);
    const gap = map.gaps.find((g) => g.id === 'imsc-exosomes-gvhd-no-study')!;
    expect(gap).toMatchObject({ row: 'immune', col: 'iMSC' });
    expect(gap.provenance[0]!.quote).toBe('Unfortunately, there is yet to be a study published discussing the use of iMSC-derived exosomes in GvHD.');
    // Adult MSC exosomes in GvHD: Kordelas [100], Lai [101], Zhang [102], Liu (miR-223) — and the review's gap on their efficiency.
    expect(cellOf(map, 'immune', 'MSC').count).toBe(4);
    // A gap with a cell source but no disease area is listed without a row.
    expect(map.gaps.find((g) => g.id === 'no-imsc-exosome-clinical-trials')).toMatchObject({ col: 'iMSC' });
    expect(map.gaps.find((g) => g.id === 'no-imsc-exosome-clinical-trials')!.row).toBeUndefined();
  });

  it('counts cell-therapy studies only when asked: then iMSCs in immune disease are the cell studies of Bloor [17] and Giuliani [21]', () => {
    const all = realAtlas().evidenceMap({ vesicle: 'all' });
    expect(cellOf(all, 'immune', 'iMSC').studyIds.sort()).toEqual(['bloor-2020-imsc-gvhd-phase-1', 'giuliani-2011-imsc-nk-cells']);
    expect(all.cells.reduce((n, c) => n + c.count, 0)).toBe(realAtlas().kb.studies.length);
    const cells = realAtlas().evidenceMap({ vesicle: 'cell' });
    expect(cells.cells.reduce((n, c) => n + c.count, 0)).toBe(realAtlas().kb.studies.filter((s) => s.vesicle === 'cell').length);
  });

  it('lists the head-to-head comparisons against adult MSC exosomes with their direction', () => {
    expect(map.comparisons.map((c) => [c.studyId, c.source, c.comparator, c.result, c.diseaseArea])).toEqual([
      ['zhu-2017-osteoarthritis', 'iMSC', 'SM-MSC', 'superior', 'musculoskeletal'], // Zhu [16]: iMSC superior to SM-MSC exosomes in OA
      ['kobayashi-2018-diabetic-wound', 'iPSC', 'MSC', 'superior', 'wound-healing'], // Kobayashi [57]: fibroblast migration
      ['wang-2020-corneal-defect', 'iPSC', 'MSC', 'superior', 'ophthalmic'], // Wang [84]: corneal epithelial defects
      ['kim-2018-imsc-keratinocyte-proliferation', 'iMSC', 'MSC', 'superior', 'wound-healing'], // Kim [58]: keratinocytes
    ]);
    // The review calls the Kobayashi and Wang vesicles iMSC exosomes; the cited titles say iPSC: the correction comes along.
    expect(map.comparisons[1]!.sourceCorrection?.reading).toBe('iPSC');
    expect(map.comparisons[0]!.sourceCorrection).toBeUndefined();
    // Giuliani [21] compares iMSCs with BM-MSCs as cells, not exosomes: only with vesicle=all.
    const all = realAtlas().evidenceMap({ vesicle: 'all' }).comparisons.filter((c) => c.studyId === 'giuliani-2011-imsc-nk-cells');
    expect(all.map((c) => `${c.comparator} ${c.result}`)).toEqual(['BM-MSC similar', 'BM-MSC superior']);
  });
});

describe('evidence map: other dimensions', () => {
  it('crosses species × setting, a study counting once per species and setting', () => {
    const map = realAtlas().evidenceMap({ rows: 'species', cols: 'setting' });
    expect(map.cols).toEqual(['in-vivo', 'in-vitro', 'human']);
    expect(map.rows.at(-1)).toBe('unspecified');
    // Lu [23, 65]: autologous and allogeneic iPSC exosomes in rhesus macaque wounds, in vivo.
    expect(cellOf(map, 'rhesus-macaque', 'in-vivo').studyIds).toEqual(['lu-2019-macaque-wound-healing']);
    expect(map.gaps.every((g) => g.row === undefined && g.col === undefined)).toBe(true);
  });

  it('rejects unknown or identical dimensions and unknown vesicle scopes', () => {
    expect(thrown(() => realAtlas().evidenceMap({ rows: 'organ' })).code).toBe('EXO_ERR_QUERY_UNKNOWN_FILTER');
    expect(thrown(() => realAtlas().evidenceMap({ rows: 'species', cols: 'species' })).code).toBe('EXO_ERR_QUERY_INVALID');
    expect(thrown(() => realAtlas().evidenceMap({ vesicle: 'virus' })).code).toBe('EXO_ERR_QUERY_UNKNOWN_FILTER');
  });
});
