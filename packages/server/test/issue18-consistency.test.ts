import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/helpers/app.js';

type Facets = Record<string, { value: string; count: number }[]>;
interface MapCell {
  row: string;
  col: string;
  count: number;
  studyIds: string[];
}
interface EvidenceMap {
  rowDimension: string;
  colDimension: string;
  vesicle: string;
  cells: MapCell[];
}

/** The counts the API shows agree with the lists they open (issue 18: facets, heat-map cells, overview, health). */
describe('issue 18 consistency of counts on the API', () => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    ctx = await testApp();
  });
  afterAll(() => ctx.close());

  const get = async <T = Record<string, unknown>>(url: string): Promise<T> => {
    const res = await ctx.app.inject({ method: 'GET', url });
    expect(res.statusCode, url).toBe(200);
    return res.json() as T;
  };
  const listed = async (params: Record<string, string>): Promise<string[]> => {
    const page = await get<{ total: number; items: { id: string }[] }>(`/api/studies?${new URLSearchParams({ ...params, limit: '500' })}`);
    expect(page.items).toHaveLength(page.total);
    return page.items.map((s) => s.id);
  };

  it('issue 18 item 4: every facet value on /api/studies/facets counts the studies /api/studies lists for it', async () => {
    const facets = await get<Facets>('/api/studies/facets');
    expect(Object.keys(facets)).toEqual(expect.arrayContaining(['cellSource', 'comparator', 'vesicle']));
    for (const [field, values] of Object.entries(facets)) {
      for (const { value, count } of values) expect((await listed({ [field]: value })).length, `${field}=${value}`).toBe(count);
    }
  });

  it('issue 18 item 4: every heat-map cell opens exactly the studies it counts', async () => {
    for (const query of ['', '?rows=diseaseArea&cols=cellSource&vesicle=all', '?rows=diseaseArea&cols=cellSource&vesicle=cell', '?rows=setting&cols=cellSource', '?rows=species&cols=diseaseArea']) {
      const map = await get<EvidenceMap>(`/api/map${query}`);
      for (const cell of map.cells) {
        const ids = await listed({ [map.rowDimension]: cell.row, [map.colDimension]: cell.col, vesicle: map.vesicle });
        expect(ids.sort(), `${query || 'default'}: ${cell.row} × ${cell.col}`).toEqual([...cell.studyIds].sort());
      }
    }
    // The case the issue reports: Wound healing × MSC counted 2 and opened 4.
    const map = await get<EvidenceMap>('/api/map');
    const cell = map.cells.find((c) => c.row === 'wound-healing' && c.col === 'MSC')!;
    expect(await listed({ diseaseArea: 'wound-healing', cellSource: 'MSC', vesicle: 'exosome' })).toHaveLength(cell.count);
    expect((await listed({ cellSource: 'none' })).length).toBe((await get<Facets>('/api/studies/facets')).cellSource!.find((f) => f.value === 'none')!.count);
  });

  it('issue 18 item 4: comparator= lists the studies compared with that source, and is documented', async () => {
    expect((await listed({ comparator: 'MSC' })).sort()).toEqual(['kim-2018-imsc-keratinocyte-proliferation', 'kobayashi-2018-diabetic-wound', 'wang-2020-corneal-defect']);
    const bad = await ctx.app.inject({ method: 'GET', url: '/api/studies?comparator=liver' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('EXO_ERR_QUERY_UNKNOWN_FILTER');
    const doc = await get<{ paths: Record<string, { get: { parameters: { name: string }[] } }> }>('/api/openapi.json');
    expect(doc.paths['/api/studies']!.get.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['comparator', 'vesicle']));
  });

  it('issue 18 item 4: the overview, the map, the study list and /api/health agree on every count', async () => {
    const overview = await get<{ counts: Record<string, number> }>('/api/overview');
    const health = await get<{ counts: Record<string, number> }>('/api/health');
    const all = await get<EvidenceMap>('/api/map?vesicle=all');
    const studies = await listed({});
    expect(health.counts.studies).toBe(overview.counts.studies);
    expect(studies).toHaveLength(overview.counts.studies!);
    expect(new Set(all.cells.flatMap((c) => c.studyIds)).size).toBe(overview.counts.studies);
    expect(await listed({ inTable1: 'true' })).toHaveLength(overview.counts.table1Studies!);
    expect(await listed({ inTable1: 'false' })).toHaveLength(overview.counts.textStudies!);
    const exosome = await get<EvidenceMap>('/api/map');
    const cell = await get<EvidenceMap>('/api/map?vesicle=cell');
    const sum = (m: EvidenceMap) => new Set(m.cells.flatMap((c) => c.studyIds)).size;
    expect(sum(exosome) + sum(cell)).toBe(overview.counts.studies);
    expect(await listed({ vesicle: 'exosome' })).toHaveLength(sum(exosome));
    const claims = await get<{ total: number }>('/api/claims');
    expect(claims.total).toBe(health.counts.claims);
    expect(claims.total).toBe(overview.counts.claims);
  });

  it('issue 18 item 5: claims and the graph filtered by "vesicles from iMSC" use the corrected cell source', async () => {
    const claims = await get<{ items: { id: string; context: { cellSource?: string; cellSourceCorrected?: string } }[] }>('/api/claims?cellSource=iMSC');
    const ids = claims.items.map((c) => c.id);
    expect(ids).not.toContain('table1-mir-135b-inhibits-pdcd4');
    expect(ids).not.toContain('sec5-imsc-exosome-promotes-diabetic-wound-healing');
    expect(claims.items.every((c) => (c.context.cellSourceCorrected ?? c.context.cellSource) === 'iMSC')).toBe(true);
    const graph = await get<{ edges: { claimIds: string[] }[] }>('/api/graph?cellSource=iMSC');
    expect(graph.edges.flatMap((e) => e.claimIds).sort()).toEqual([...ids].sort());
    const msc = await get<{ items: { id: string; context: { cellSource?: string; cellSourceCorrected?: string } }[] }>('/api/claims?cellSource=MSC');
    const pdcd4 = msc.items.find((c) => c.id === 'table1-mir-135b-inhibits-pdcd4')!;
    expect(pdcd4.context).toMatchObject({ cellSource: 'iMSC', cellSourceCorrected: 'MSC' });
  });

  it('issue 18 item 6: the overview lists only iMSC vesicle studies as where iMSC exosomes were tested', async () => {
    const { whereTested } = await get<{ whereTested: Record<string, { id: string; vesicle: string }[]> }>('/api/overview');
    const tested = whereTested.imscVesicles!.map((s) => s.id);
    expect(tested).not.toContain('bloor-2020-imsc-gvhd-phase-1');
    expect(tested).not.toContain('giuliani-2011-imsc-nk-cells');
    expect(tested.sort()).toEqual((await listed({ cellSource: 'iMSC', vesicle: 'exosome' })).sort());
    expect(whereTested.imscCells!.map((s) => s.id).sort()).toEqual(['bloor-2020-imsc-gvhd-phase-1', 'giuliani-2011-imsc-nk-cells']);
  });
});
