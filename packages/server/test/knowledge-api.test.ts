import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/helpers/app.js';
import { skipped, testBackends } from '../../../test/helpers/backends.js';

describe.each(await testBackends())('on $name', (backend) => {
  if (skipped(backend)) return;

  let ctx: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    ctx = await testApp({ backend: backend.name });
  });
  afterAll(() => ctx.close());

  const get = async (url: string) => {
    const res = await ctx.app.inject({ method: 'GET', url });
    const type = res.headers['content-type']?.toString() ?? '';
    return { status: res.statusCode, type, body: type.startsWith('application/json') ? res.json() : res.body };
  };

  describe('GET /api/overview', () => {
    it('counts the knowledge base and gives the key messages and the source without its abstract', async () => {
      const { status, body } = await get('/api/overview');
      expect(status).toBe(200);
      const { kb } = ctx.atlas;
      // Table 1 has 20 rows; every other study is discussed in the text. Studies span all nine disease areas.
      expect(body.counts).toMatchObject({ studies: kb.studies.length, table1Studies: 20, textStudies: kb.studies.length - 20, references: 116, isolationMethods: 6, diseaseAreas: 9 });
      expect(body.counts).toMatchObject({ entities: kb.entities.length, claims: kb.claims.length, facts: kb.facts.length });
      expect(body.counts.mechanisms).toBe(body.counts.claims);
      expect(body.keyMessages.length).toBeGreaterThan(0);
      expect(body.keyMessages.every((d: { kind: string }) => d.kind === 'key-message')).toBe(true);
      expect(body.source.abstract).toBeUndefined();
      expect(body.source.license).toBeDefined();
    });
  });

  describe('GET /api/entities', () => {
    it('lists entities with counts, filtered by kind and words', async () => {
      const { status, body } = await get('/api/entities?kind=mirna&q=mir-21');
      expect(status).toBe(200);
      expect(body.items[0]).toMatchObject({ id: 'mir-21', kind: 'mirna', claimCount: 10, studyCount: 2 });
      expect((await get('/api/entities?limit=3')).body.items).toHaveLength(3);
    });

    it('gives an entity page by id, name or synonym (encoded slashes too)', async () => {
      const page = await get('/api/entities/MicroRNA-21');
      expect(page.status).toBe(200);
      expect(page.body.entity.id).toBe('mir-21');
      expect(page.body.references.map((r: { reviewNumber: number }) => r.reviewNumber)).toEqual([50, 54]);
      expect(Object.keys(page.body.studies[0])).toEqual(['id', 'title', 'diseaseArea', 'condition', 'cellSource', 'species', 'inTable1']);
      expect(page.body.byDiseaseArea.cardiovascular.claims).toContain('sec4-mir-21-suppresses-pten');
      expect((await get(`/api/entities/${encodeURIComponent('PI3K/Akt')}`)).body.entity.id).toBe('pi3k-akt');
    });

    it('answers an unknown entity with 404 EXO_ERR_NOT_FOUND_ENTITY and a did-you-mean', async () => {
      const { status, body } = await get('/api/entities/PTNE');
      expect(status).toBe(404);
      expect(body.error).toMatchObject({ code: 'EXO_ERR_NOT_FOUND_ENTITY', message: "no entity 'PTNE'; did you mean PTEN (pten)?", context: { suggestions: ['pten'] } });
    });

    it('rejects an unknown kind or parameter', async () => {
      expect((await get('/api/entities?kind=organ')).body.error.code).toBe('EXO_ERR_QUERY_UNKNOWN_FILTER');
      expect((await get('/api/entities?colour=red')).body.error.code).toBe('EXO_ERR_QUERY_INVALID');
    });
  });

  describe('GET /api/claims and /api/graph', () => {
    it('filters claims by entity, figure, area and cell source', async () => {
      const { body } = await get('/api/claims?entity=miR-21&figure=2');
      expect(body.items.map((c: { id: string }) => c.id)).toEqual(['fig2-exosome-contains-mir-21', 'fig2-mir-21-inhibits-hydrogen-peroxide', 'fig2-mir-21-suppresses-oxidative-stress', 'fig2-mir-21-inhibits-pten', 'fig2-mir-21-increases-akt']);
      expect(body.total).toBe(5);
      const corneal = await get('/api/claims?area=ophthalmic&cellSource=iMSC');
      expect(corneal.body.items.length).toBeGreaterThan(0);
      expect((await get('/api/claims?area=cardiac')).status).toBe(400);
      expect((await get('/api/claims?figure=7')).body.error).toMatchObject({ code: 'EXO_ERR_QUERY_INVALID', context: { field: 'figure' } });
      expect((await get('/api/claims?entity=unobtainium')).status).toBe(404);
    });

    it('gives the neighbourhood of PI3K/Akt as nodes and edges with the contract fields', async () => {
      const { status, body } = await get('/api/graph?focus=pi3k-akt&depth=1');
      expect(status).toBe(200);
      expect(body.nodes.map((n: { id: string }) => n.id)).toEqual(['angiogenesis', 'exosome', 'ly294002', 'osteoblast-gene-expression', 'osteogenesis', 'pi3k-akt']);
      expect(body.nodes.find((n: { id: string }) => n.id === 'pi3k-akt')).toMatchObject({ label: 'PI3K/Akt signalling pathway', kind: 'pathway', diseaseAreas: ['musculoskeletal'] });
      expect(Object.keys(body.edges[0]).sort()).toEqual(['claimIds', 'figures', 'id', 'isHedged', 'predicate', 'referenceNumbers', 'source', 'target']);
    });

    it('exports Graphviz DOT and Cytoscape.js elements', async () => {
      const dot = await get('/api/graph?figure=2&format=dot');
      expect(dot.status).toBe(200);
      expect(dot.type).toMatch(/^text\/vnd\.graphviz/);
      expect(dot.body).toMatch(/^digraph "mechanisms" \{/);
      expect(dot.body).toContain('"mir-21" -> "pten"');
      const cy = await get('/api/graph?focus=pten&format=cytoscape');
      expect(cy.body.elements.edges.map((e: { data: { id: string } }) => e.data.id)).toEqual(['mir-21--inhibits--pten', 'mir-21--suppresses--pten']);
      expect((await get('/api/graph?format=png')).status).toBe(400);
      expect((await get('/api/graph?depth=2')).body.error.code).toBe('EXO_ERR_QUERY_INVALID');
    });

    it('finds the paths from miR-21 to cell survival, and 404s when there is none', async () => {
      const { status, body } = await get('/api/graph/paths?from=miR-21&to=cell%20survival');
      expect(status).toBe(200);
      expect(body.from).toBe('mir-21');
      expect(body.paths.map((p: { nodes: string[] }) => p.nodes.join(' > '))).toEqual(['mir-21 > akt > cell-survival', 'mir-21 > akt > cell-survival']);
      expect(body.paths[0].edges.map((e: { predicate: string }) => e.predicate)).toEqual(['activates', 'promotes']);
      const none = await get('/api/graph/paths?from=cell-survival&to=mir-21');
      expect(none.status).toBe(404);
      expect(none.body.error.code).toBe('EXO_ERR_GRAPH_NO_PATH');
      // issue 20: the web app asks with none=empty, so that "no chain" is an answer (200), not a logged 404
      const empty = await get('/api/graph/paths?from=cell-survival&to=mir-21&none=empty');
      expect(empty.status).toBe(200);
      expect(empty.body).toMatchObject({ from: 'cell-survival', to: 'mir-21', paths: [] });
      expect(empty.body.reason).toMatch(/the claims lead the other way/);
      expect((await get('/api/graph/paths?from=cell-survival&to=nothing-here&none=empty')).body.error.code).toBe('EXO_ERR_NOT_FOUND_ENTITY');
      expect((await get('/api/graph/paths?from=mir-21')).status).toBe(400);
      expect((await get('/api/graph/paths?from=mir-21&to=nothing-here')).body.error.code).toBe('EXO_ERR_NOT_FOUND_ENTITY');
    });
  });

  describe('GET /api/map', () => {
    it('gives counts by disease area × cell source, the iMSC-versus-adult comparisons and the GvHD gap', async () => {
      const { status, body } = await get('/api/map?rows=diseaseArea&cols=cellSource');
      expect(status).toBe(200);
      const cell = (row: string, col: string) => body.cells.find((c: { row: string; col: string }) => c.row === row && c.col === col);
      expect(cell('musculoskeletal', 'iMSC').count).toBe(4);
      expect(cell('immune', 'iMSC')).toMatchObject({ count: 0, studyIds: [], gapIds: ['imsc-exosomes-gvhd-no-study'] });
      expect(body.comparisons[0]).toMatchObject({ studyId: 'zhu-2017-osteoarthritis', source: 'iMSC', comparator: 'SM-MSC', result: 'superior', diseaseArea: 'musculoskeletal' });
      expect(body.gaps.find((g: { id: string }) => g.id === 'imsc-exosomes-gvhd-no-study')).toMatchObject({ row: 'immune', col: 'iMSC', condition: 'Graft vs host disease (GvHD)' });
    });

    it('crosses other dimensions and rejects unknown ones', async () => {
      const { body } = await get('/api/map?rows=species&cols=setting&vesicle=all');
      expect(body.cols).toEqual(['in-vivo', 'in-vitro', 'human']);
      expect((await get('/api/map?rows=organ')).body.error).toMatchObject({ code: 'EXO_ERR_QUERY_UNKNOWN_FILTER', context: { field: 'rows' } });
    });
  });

  describe('GET /api/methods', () => {
    it('lists the six methods', async () => {
      const { body } = await get('/api/methods');
      expect(body.items.map((m: { abbr: string }) => m.abbr)).toEqual(['dUC', 'SEC', 'UF', 'PEG', 'IA', 'MF']);
    });

    it('ranks the methods for a large, scalable preparation with quoted reasons', async () => {
      const { status, body } = await get('/api/methods/advise?volume=large&scalability=high');
      expect(status).toBe(200);
      expect(body.ranking.map((m: { method: string; rank: number; score: number }) => `${m.rank} ${m.method} ${m.score}`)).toEqual(['1 dUC 1', '1 PEG 1', '3 SEC 0', '3 UF 0', '3 MF 0', '6 IA -1']);
      expect(body.ranking[1].reasons[0]).toMatchObject({ need: 'scalability', effect: 'favours', quote: 'This results in a method which is easily reproducible and scalable', section: '2', referenceNumbers: [27, 28] });
      expect(body.ranking[0].unknown).toEqual(['scalability']);
      expect(body.needs).toEqual({ volume: { value: 'large', weight: 1 }, scalability: { value: 'high', weight: 1 } });
    });

    it('takes weights and equipment', async () => {
      const { body } = await get('/api/methods/advise?purity=high&weight.purity=2&equipment=ultracentrifuge,membrane-filters');
      expect(body.ranking[0]).toMatchObject({ method: 'UF', score: 3 });
      expect(body.combinations[0]).toMatchObject({ methods: ['UF', 'dUC'], favours: ['purity', 'equipment'] });
    });

    it('answers impossible or unknown needs with 400 EXO_ERR_ADVISOR_INPUT naming the field', async () => {
      for (const [url, field] of [
        ['/api/methods/advise?volume=huge', 'volume'],
        ['/api/methods/advise?purity=high&purity=low', 'purity'],
        ['/api/methods/advise?colour=red', 'colour'],
        ['/api/methods/advise?weight.speed=2', 'weight.speed'],
        ['/api/methods/advise?equipment=spoon', 'equipment'],
      ] as const) {
        const { status, body } = await get(url);
        expect(status, url).toBe(400);
        expect(body.error, url).toMatchObject({ code: 'EXO_ERR_ADVISOR_INPUT', context: { field } });
      }
    });
  });

  describe('GET /api/references in citation formats', () => {
    it('keeps the JSON list and the JSON reference without a format', async () => {
      expect((await get('/api/references')).body.total).toBe(116);
      expect((await get('/api/references/16')).body.authors[0].family).toBe('Zhu');
    });

    it('formats [16] in each format with its content type', async () => {
      const vancouver = await get('/api/references/16?format=vancouver');
      expect(vancouver.type).toMatch(/^text\/plain/);
      expect(vancouver.body).toBe(
        '16. Zhu Y, Wang Y, Zhao B, Niu X, Hu B, Li Q, et al. Comparison of exosomes secreted by induced pluripotent stem cell-derived mesenchymal stem cells and synovial membrane-derived mesenchymal stem cells for the treatment of osteoarthritis. Stem Cell Res Ther. 2017;8:64.\n',
      );
      const bibtex = await get('/api/references/16?format=bibtex');
      expect(bibtex.type).toMatch(/^application\/x-bibtex/);
      expect(bibtex.body).toMatch(/^@article\{zhu2017_16,/);
      const ris = await get('/api/references/ref-16?format=ris');
      expect(ris.type).toMatch(/^application\/x-research-info-systems/);
      expect(ris.body).toMatch(/^TY {2}- JOUR\n/);
      const csl = await get('/api/references/16?format=csl-json');
      expect(csl.type).toMatch(/^application\/vnd\.citationstyles\.csl\+json/);
      expect(JSON.parse(csl.body)[0]).toMatchObject({ id: 'ref-16', type: 'article-journal', volume: '8', page: '64' });
    });

    it('formats the whole list, and rejects an unknown format or reference', async () => {
      const all = await get('/api/references?format=ris');
      expect(all.body.match(/^TY {2}- /gm)).toHaveLength(116);
      expect((await get('/api/references?format=endnote')).body.error.code).toBe('EXO_ERR_QUERY_INVALID');
      expect((await get('/api/references/117?format=ris')).body.error.code).toBe('EXO_ERR_NOT_FOUND_REFERENCE');
    });
  });

  describe('OpenAPI', () => {
    it('describes every knowledge route', async () => {
      const { body } = await get('/api/openapi.json');
      for (const path of ['/api/overview', '/api/entities', '/api/entities/{idOrName}', '/api/claims', '/api/graph', '/api/graph/paths', '/api/map', '/api/methods', '/api/methods/advise', '/api/references', '/api/references/{n}']) {
        expect(body.paths[path], path).toBeDefined();
      }
      expect(body.components.schemas.Advice).toBeDefined();
      expect(body.components.schemas.Entity.properties.kind).toBeDefined();
    });
  });
});
