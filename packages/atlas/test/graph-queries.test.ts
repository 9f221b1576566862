import { describe, expect, it } from 'vitest';
import { toCytoscape, toDot } from '@exoatlas/atlas';
import { realAtlas, thrown } from './real-atlas.js';

// Expectations worked out from the review: section 4 — "miR-21 enriched MSCderived exosomes can suppress the
// expression of PTEN in cardiomyocytes, which resulted in the activation of the Akt signalling pathway, contributing to
// increased cell survival [50]" — and the Fig. 2 legend — "(ic) exosomes containing miR-21 inhibit PTEN and thus
// increase the activity of the pro-survival Akt pathway".

describe('paths in the mechanism graph', () => {
  it('leads from miR-21 to cell survival through the Akt pathway, shortest first, along subject → object', () => {
    const { from, to, paths } = realAtlas().graphPaths('miR-21', 'cell survival');
    expect(from).toBe('mir-21');
    expect(to).toBe('cell-survival');
    // Two ways from miR-21 to Akt (section 4 "activates", Fig. 2 "increases"), then Akt promotes survival [50].
    expect(paths.map((p) => p.edges.map((e) => `${e.source} ${e.predicate} ${e.target}`))).toEqual([
      ['mir-21 activates akt', 'akt promotes cell-survival'],
      ['mir-21 increases akt', 'akt promotes cell-survival'],
    ]);
    expect(paths[0]!.nodes).toEqual(['mir-21', 'akt', 'cell-survival']);
    expect(paths[0]!.edges[0]!.claimIds).toEqual(['sec4-mir-21-activates-akt']);
    expect(paths[0]!.edges[0]!.referenceNumbers).toEqual([50]);
    expect(paths[1]!.edges[0]!.figures).toEqual([2]);
  });

  it('records PTEN as a target of miR-21 but no claim from PTEN to Akt, so no path runs through PTEN', () => {
    const graph = realAtlas().graph({ focus: 'PTEN' });
    expect(graph.edges.map((e) => e.id).sort()).toEqual(['mir-21--inhibits--pten', 'mir-21--suppresses--pten']);
    expect(realAtlas().graphPaths('mir-21', 'cell-survival', { maxLength: 6 }).paths.every((p) => !p.nodes.includes('pten'))).toBe(true);
  });

  it('resolves synonyms at both ends and follows the claims from exosomes to cardiomyocyte survival', () => {
    const { paths } = realAtlas().graphPaths('exosome', 'cell survival', { maxLength: 3 });
    expect(paths[0]!.edges.map((e) => e.id)).toEqual(['exosome--increases--cell-survival']);
    expect(paths.some((p) => p.nodes.join(' ') === 'exosome mir-21 akt cell-survival')).toBe(true);
    expect(paths.every((p, i) => i === 0 || p.edges.length >= paths[i - 1]!.edges.length)).toBe(true);
  });

  it('answers "no path" with EXO_ERR_GRAPH_NO_PATH, saying when the claims lead the other way', () => {
    const e = thrown(() => realAtlas().graphPaths('cell survival', 'miR-21'));
    expect(e.code).toBe('EXO_ERR_GRAPH_NO_PATH');
    expect(e.message).toContain("the claims lead the other way, from 'mir-21' to 'cell-survival'");
    expect(thrown(() => realAtlas().graphPaths('mir-21', 'cell-survival', { maxLength: 1 })).message).toContain('the shortest takes 2 steps');
  });

  it('rejects an unknown entity with a did-you-mean, and a bad length or identical ends as invalid', () => {
    const e = thrown(() => realAtlas().graphPaths('mir21x', 'akt'));
    expect(e.code).toBe('EXO_ERR_NOT_FOUND_ENTITY');
    expect(e.message).toContain('did you mean miR-21 (mir-21)');
    expect(e.context?.field).toBe('from');
    expect(thrown(() => realAtlas().graphPaths('akt', 'akt')).code).toBe('EXO_ERR_QUERY_INVALID');
    expect(thrown(() => realAtlas().graphPaths('mir-21', 'akt', { maxLength: 0 })).code).toBe('EXO_ERR_QUERY_INVALID');
  });
});

describe('neighbourhoods and filters', () => {
  it('gives the depth-1 neighbourhood of PI3K/Akt as the review draws it (section 3, Fig. 1, Table 1)', () => {
    const graph = realAtlas().graph({ focus: 'PI3/ Akt', depth: 1 });
    // Exosomes activate it [43, 44]; LY294002 inhibits it; it mediates or promotes osteogenesis and angiogenesis and
    // the osteoblast gene expression programme (Fig. 1); osteogenesis requires it.
    expect(graph.nodes.map((n) => `${n.id}:${n.distance}`)).toEqual([
      'angiogenesis:1',
      'exosome:1',
      'ly294002:1',
      'osteoblast-gene-expression:1',
      'osteogenesis:1',
      'pi3k-akt:0',
    ]);
    const touching = graph.edges.filter((e) => e.source === 'pi3k-akt' || e.target === 'pi3k-akt').map((e) => e.id);
    expect(touching).toEqual([
      'exosome--activates--pi3k-akt',
      'ly294002--inhibits--pi3k-akt',
      'osteogenesis--requires--pi3k-akt',
      'pi3k-akt--mediates--angiogenesis',
      'pi3k-akt--mediates--osteogenesis',
      'pi3k-akt--promotes--angiogenesis',
      'pi3k-akt--promotes--osteoblast-gene-expression',
      'pi3k-akt--promotes--osteogenesis',
    ]);
    const activates = graph.edges.find((e) => e.id === 'exosome--activates--pi3k-akt')!;
    expect(activates.figures).toEqual([1]);
    expect(activates.referenceNumbers).toEqual(expect.arrayContaining([43, 44]));
    expect(graph.nodes.find((n) => n.id === 'pi3k-akt')!.diseaseAreas).toEqual(['musculoskeletal']);
  });

  it('grows with depth and refuses a depth without a focus or out of range', () => {
    const one = realAtlas().graph({ focus: 'pi3k-akt', depth: 1 });
    const two = realAtlas().graph({ focus: 'pi3k-akt', depth: 2 });
    expect(two.nodes.length).toBeGreaterThan(one.nodes.length);
    expect(thrown(() => realAtlas().graph({ depth: 2 })).code).toBe('EXO_ERR_QUERY_INVALID');
    expect(thrown(() => realAtlas().graph({ focus: 'akt', depth: 9 })).code).toBe('EXO_ERR_QUERY_INVALID');
  });

  it('filters by figure, disease area, cell source and entity', () => {
    const fig2 = realAtlas().graph({ figure: 2 });
    expect(fig2.edges.every((e) => e.figures.includes(2))).toBe(true);
    expect(fig2.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['mir-21', 'mir-22', 'mir-210', 'pten', 'akt']));
    const ophthalmic = realAtlas().listClaims({ diseaseArea: 'ophthalmic' }).items.map((c) => c.id);
    expect(ophthalmic).toEqual(expect.arrayContaining(['sec6-imsc-exosome-upregulates-cdk2', 'sec6-corneal-epithelial-defect-causes-vision-loss']));
    expect(ophthalmic).not.toContain('sec6-huc-msc-exosome-increases-dopamine');
    const renal = realAtlas().listClaims({ diseaseArea: 'renal' }).items.map((c) => c.id);
    expect(renal).toContain('sec7-imsc-exosome-reduces-renal-fibrosis');
    expect(renal).not.toContain('sec7-imsc-exosome-promotes-hepatocyte-proliferation');
    const imsc = realAtlas().listClaims({ cellSource: 'iMSC' }).items;
    expect(imsc.length).toBeGreaterThan(0);
    expect(imsc.every((c) => (c.context.cellSourceCorrected ?? c.context.cellSource) === 'iMSC')).toBe(true);
    const mir21 = realAtlas().listClaims({ entity: 'MicroRNA-21' }).items;
    expect(mir21.every((c) => [c.subject, c.object].includes('mir-21'))).toBe(true);
    expect(mir21).toHaveLength(10);
  });

  it('rejects unknown filter values with the catalogue codes', () => {
    expect(thrown(() => realAtlas().graph({ diseaseArea: 'cardiac' })).code).toBe('EXO_ERR_QUERY_UNKNOWN_FILTER');
    expect(thrown(() => realAtlas().graph({ cellSource: 'liver' })).code).toBe('EXO_ERR_QUERY_UNKNOWN_FILTER');
    expect(thrown(() => realAtlas().graph({ figure: 6 })).code).toBe('EXO_ERR_QUERY_INVALID');
    expect(thrown(() => realAtlas().graph({ entity: 'unobtainium' })).code).toBe('EXO_ERR_NOT_FOUND_ENTITY');
  });
});

describe('graph exports', () => {
  it('writes Graphviz DOT with labels, inhibitory heads and escaped quotes', () => {
    const dot = toDot(realAtlas().graph({ focus: 'pten' }));
    expect(dot.startsWith('digraph "mechanisms" {')).toBe(true);
    expect(dot).toContain('"pten" [label="PTEN"');
    expect(dot).toContain('"mir-21" -> "pten" [label="inhibits"');
    expect(dot).toMatch(/"mir-21" -> "pten" \[label="suppresses", [^\n]*arrowhead=tee/);
    expect(dot.trimEnd().endsWith('}')).toBe(true);
    const odd = toDot({ nodes: [{ id: 'a', label: 'say "hi" \\ there', kind: 'process', diseaseAreas: [] }], edges: [] });
    expect(odd).toContain('label="say \\"hi\\" \\\\ there"');
  });

  it('gives Cytoscape.js elements with every field under data', () => {
    const graph = realAtlas().graph({ focus: 'pten' });
    const { elements } = toCytoscape(graph);
    expect(elements.nodes).toHaveLength(graph.nodes.length);
    expect(elements.edges[0]!.data).toMatchObject({ source: 'mir-21', target: 'pten' });
  });
});
