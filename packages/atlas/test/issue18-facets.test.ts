import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAP_DIMENSIONS, VESICLE_SCOPES, checkIntegrity, type StudyFilters } from '@exoatlas/atlas';
import { claimCellSource } from '@exoatlas/schema';
import { DATA_DIR, realAtlas } from './real-atlas.js';

const ids = (page: { items: { id: string }[] }): string[] => page.items.map((s) => s.id);

describe('issue 18 item 4: cell source is the source of the vesicles tested; comparators are their own filter', () => {
  const atlas = realAtlas();

  it('issue 18 item 4: the cell Wound healing × MSC opens the studies it counts, not the iMSC and iPSC studies that compared with MSCs', () => {
    const cell = atlas.evidenceMap().cells.find((c) => c.row === 'wound-healing' && c.col === 'MSC')!;
    const opened = atlas.listStudies({ diseaseArea: 'wound-healing', cellSource: 'MSC', vesicle: 'exosome' });
    expect(ids(opened).sort()).toEqual([...cell.studyIds].sort());
    expect(ids(opened)).not.toContain('kim-2018-imsc-keratinocyte-proliferation');
    expect(ids(opened)).not.toContain('kobayashi-2018-diabetic-wound');
    // They are found by what they were compared with.
    expect(ids(atlas.listStudies({ diseaseArea: 'wound-healing', comparator: 'MSC' })).sort()).toEqual(['kim-2018-imsc-keratinocyte-proliferation', 'kobayashi-2018-diabetic-wound']);
  });

  it('issue 18 item 4: cellSource=none lists as many studies as its facet says; comparator=none lists the controlled studies', () => {
    const facets = atlas.facets();
    const none = facets.cellSource!.find((f) => f.value === 'none')!;
    expect(atlas.listStudies({ cellSource: 'none' }).total).toBe(none.count);
    expect(ids(atlas.listStudies({ comparator: 'none' }))).toEqual(expect.arrayContaining(['lai-2010-esc-msc-reperfusion-infarct-size', 'zhang-2015-msc-exosomes-tbi-rats']));
  });

  it('issue 18 item 4: every comparator is quoted, and its cell source is one the review names', () => {
    const withComparators = atlas.studies.filter((s) => (s.comparators ?? []).length > 0);
    expect(withComparators.length).toBeGreaterThanOrEqual(12);
    for (const s of withComparators) for (const c of s.comparators!) expect(c.provenance.length, `${s.id}: ${c.description}`).toBeGreaterThan(0);
    // Giuliani et al. compared iMSCs with BM-MSCs: cells, not vesicles.
    expect(atlas.getStudy('giuliani-2011-imsc-nk-cells').comparators).toEqual([expect.objectContaining({ cellSource: 'BM-MSC', kind: 'cells' })]);
  });

  it('issue 18 item 4: a head-to-head comparison without a quoted comparator is a data error', () => {
    const { kb } = atlas;
    const review = readFileSync(join(DATA_DIR, 'source/review.txt'), 'utf8');
    expect(checkIntegrity(kb, review, new Map())).toEqual([]);
    const studies = kb.studies.map((s) => (s.id === 'zhu-2017-osteoarthritis' ? { ...s, comparators: [] } : s));
    const problems = checkIntegrity({ ...kb, studies }, review, new Map());
    expect(problems.map((p) => [p.code, p.message])).toEqual([['EXO_ERR_DATA_DANGLING_REF', expect.stringMatching(/zhu-2017-osteoarthritis.*'SM-MSC'.*comparators/)]]);
  });

  it('issue 18 item 4: every facet value counts exactly the studies its filter lists', () => {
    const facets = atlas.facets();
    expect(Object.keys(facets)).toEqual(expect.arrayContaining(['cellSource', 'comparator', 'vesicle']));
    for (const [field, values] of Object.entries(facets)) {
      for (const { value, count } of values) {
        expect(atlas.listStudies({ [field]: value } as StudyFilters).total, `${field}=${value}`).toBe(count);
      }
    }
  });

  it('issue 18 item 4: every heat-map cell, on every pair of dimensions and vesicle scope, counts the studies its filters list', () => {
    for (const rows of MAP_DIMENSIONS) {
      for (const cols of MAP_DIMENSIONS) {
        if (rows === cols) continue;
        for (const vesicle of VESICLE_SCOPES) {
          const map = atlas.evidenceMap({ rows, cols, vesicle });
          for (const cell of map.cells) {
            const filters = { [rows]: cell.row, [cols]: cell.col, vesicle } as StudyFilters;
            const listed = atlas.listStudies(filters);
            expect(ids(listed).sort(), `${rows}=${cell.row} × ${cols}=${cell.col} (${vesicle})`).toEqual([...cell.studyIds].sort());
            expect(listed.total).toBe(cell.count);
          }
        }
      }
    }
  });

  it('issue 18 item 4: the overview counts what the study list and the map count', () => {
    const o = atlas.overview();
    expect(atlas.listStudies().total).toBe(o.counts.studies);
    expect(atlas.listStudies({ inTable1: true }).total).toBe(o.counts.table1Studies);
    expect(atlas.listStudies({ inTable1: false }).total).toBe(o.counts.textStudies);
    const all = atlas.evidenceMap({ vesicle: 'all' });
    expect(new Set(all.cells.flatMap((c) => c.studyIds)).size).toBe(o.counts.studies);
    expect(all.rows.filter((r) => all.cells.some((c) => c.row === r && c.count > 0))).toHaveLength(o.counts.diseaseAreas);
  });
});

describe('issue 18 item 5: curated corrections reach the claims', () => {
  const atlas = realAtlas();

  it('issue 18 item 5: a claim keeps the cell source the review prints and carries the corrected one', () => {
    const claim = atlas.kb.claims.find((c) => c.id === 'table1-mir-135b-inhibits-pdcd4')!;
    expect(claim.context.cellSource).toBe('iMSC');
    expect(claim.context.cellSourceCorrected).toBe('MSC');
    expect(claimCellSource(claim)).toBe('MSC');
    expect(claim.corrections?.some((c) => c.field === 'context.cellSource')).toBe(true);
  });

  it("issue 18 item 5: every claim citing only a study whose cell source was corrected carries the study's corrected source", () => {
    const corrected = atlas.studies.filter((s) => s.referenceNumbers.length === 1 && s.corrections?.some((c) => c.field === 'cellSource'));
    const reached: string[] = [];
    for (const s of corrected) {
      const ref = s.referenceNumbers[0];
      for (const c of atlas.kb.claims) {
        if (c.referenceNumbers.length !== 1 || c.referenceNumbers[0] !== ref || c.context.cellSource === undefined) continue;
        // A claim about the comparator's vesicles (e.g. the MSC exosomes of Wang et al.) keeps its own source.
        if ((s.comparators ?? []).some((x) => x.cellSource === c.context.cellSource)) continue;
        expect(claimCellSource(c), `${c.id} (printed ${c.context.cellSource}; study ${s.id} is ${s.cellSource})`).toBe(s.cellSource);
        if (c.context.cellSource !== s.cellSource) reached.push(c.id);
      }
    }
    expect(reached.length).toBeGreaterThanOrEqual(23);
  });

  it('issue 18 item 5: the claim and graph filter "Vesicles from: iMSC" uses the corrected source', () => {
    const imsc = atlas.listClaims({ cellSource: 'iMSC' }).items.map((c) => c.id);
    expect(imsc).not.toContain('table1-mir-135b-inhibits-pdcd4');
    expect(imsc).not.toContain('sec6-imsc-exosome-upregulates-cdk2');
    expect(imsc).not.toContain('sec4-mir-21-inhibits-caspase-3-7');
    // Printed as BM-MSC; reference [41] is about iMSC exosomes.
    expect(imsc).toContain('sec3-bm-msc-exosome-increases-osteoblast-proliferation');
    expect(atlas.listClaims({ cellSource: 'iPSC' }).items.map((c) => c.id)).toContain('sec6-imsc-exosome-upregulates-cdk2');
    const graphClaims = atlas.graph({ cellSource: 'iMSC' }).edges.flatMap((e) => e.claimIds);
    expect(graphClaims).not.toContain('table1-mir-135b-inhibits-pdcd4');
    expect(graphClaims.sort()).toEqual([...imsc].sort());
  });
});

describe('issue 18 item 6: "where tested" lists only vesicle studies from iMSCs', () => {
  it('issue 18 item 6: cell therapies and studies printed as iMSC are listed apart, as what they are', () => {
    const { whereTested } = realAtlas().overview();
    const tested = whereTested.imscVesicles.map((s) => s.id);
    expect(tested).not.toContain('bloor-2020-imsc-gvhd-phase-1');
    expect(tested).not.toContain('giuliani-2011-imsc-nk-cells');
    expect(whereTested.imscVesicles.every((s) => s.cellSource === 'iMSC' && s.vesicle !== 'cell')).toBe(true);
    expect(tested).toHaveLength(realAtlas().listStudies({ cellSource: 'iMSC', vesicle: 'exosome' }).total);
    expect(whereTested.imscCells.map((s) => s.id).sort()).toEqual(['bloor-2020-imsc-gvhd-phase-1', 'giuliani-2011-imsc-nk-cells']);
    const printed = whereTested.printedAsImsc.map((s) => s.id);
    expect(printed).toEqual(expect.arrayContaining(['kobayashi-2018-diabetic-wound', 'wang-2020-corneal-defect', 'zhang-2020-osteonecrosis-mir-135b']));
    expect(whereTested.printedAsImsc.every((s) => s.cellSource !== 'iMSC' && s.cellSourceAsPrinted)).toBe(true);
    // No immune iMSC vesicle study: the heat map's iMSC × immune gap agrees.
    expect(whereTested.imscVesicles.some((s) => s.diseaseArea === 'immune')).toBe(false);
  });
});
