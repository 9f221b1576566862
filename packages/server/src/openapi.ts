import { z } from 'zod';
import { MetaRequest } from './routes/meta-routes.js';
import { REVIEW_OPENAPI_COMPONENTS, REVIEW_OPENAPI_PATHS } from './routes/review-openapi.js';
import { EXTRACTION_OPENAPI_PATHS } from './routes/extraction-routes.js';
import { BiologyStatement, CellSource, Claim, DiseaseArea, Direction, Entity, EntityKind, Gap, IsolationMethod, KnowledgeBase, Reference, Setting, Species, Study } from '@exoatlas/schema';

const json = (schema: z.ZodType): Record<string, unknown> => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const ok = (schema: unknown, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const errors = {
  400: ok(ref('Error'), 'Malformed or unknown parameter (code EXO_ERR_QUERY_*)'),
  404: ok(ref('Error'), 'Not found (code EXO_ERR_NOT_FOUND_*)'),
};
const q = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }) => ({ name, in: 'query', required: false, description, schema });
const page = [q('limit', 'Page size (1–500, default 100)', { type: 'integer', minimum: 1, maximum: 500 }), q('offset', 'Items to skip', { type: 'integer', minimum: 0 })];

/** The OpenAPI 3.1 description of /api; record schemas come from packages/schema. */
export function buildOpenApi(): Record<string, unknown> {
  const LinkedStudy = { allOf: [ref('Study'), { type: 'object', properties: { linkedEntities: { type: 'array', items: { type: 'string' } } } }] };
  return {
    openapi: '3.1.0',
    info: {
      title: 'ExoAtlas API',
      version: '0.1.0',
      description: 'The evidence atlas for exosome therapies from iPSC-derived mesenchymal stem cells: the curated knowledge base of Zhou et al. (2023, CC BY 4.0) and the meta-analysis engine.',
      license: { name: 'Data: CC BY 4.0 (review text); code: MIT' },
    },
    servers: [{ url: '/' }],
    paths: {
      '/api/health': { get: { summary: 'Liveness and counts (of the one atlas: studies published from living-review projects included, also counted as studiesFromProjects)', operationId: 'health', responses: { 200: ok({ type: 'object' }) } } },
      '/api/studies': {
        get: {
          summary: 'List studies with filters',
          operationId: 'listStudies',
          parameters: [
            q('diseaseArea', 'Disease area', { type: 'string', enum: DiseaseArea.options }),
            q('condition', 'Condition (exact, case-insensitive)'),
            q('species', 'Species ("unspecified": studies whose species the review does not state)', { type: 'string', enum: [...Species.options, 'unspecified'] }),
            q('cellSource', 'Cell source of the vesicles (or cells) tested; never matches a comparator', { type: 'string', enum: CellSource.options }),
            q('comparator', 'Cell source of what the vesicles were compared with ("none": a saline/vehicle or untreated control)', { type: 'string', enum: CellSource.options }),
            q('setting', 'Setting', { type: 'string', enum: Setting.options }),
            q('vesicle', 'exosome: vesicle studies (exosomes and EVs, as the evidence map counts them); cell: cell therapies; all (default)', { type: 'string', enum: ['exosome', 'cell', 'all'] }),
            q('entity', 'Entity id, name or synonym the study is linked to (e.g. miR-135b)'),
            q('inTable1', 'Only Table 1 rows (true) or only text studies (false)', { type: 'string', enum: ['true', 'false'] }),
            q('origin', "Where the study comes from: the review, or a living-review project that published it (each study's origin says which)", { type: 'string', enum: ['review', 'project'] }),
            q('text', 'Words that must all appear in the study'),
            ...page,
          ],
          responses: { 200: ok({ type: 'object', properties: { total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, items: { type: 'array', items: LinkedStudy } } }), 400: errors[400], 404: errors[404] },
        },
      },
      '/api/studies/facets': { get: { summary: 'Values of each study filter with counts', operationId: 'studyFacets', responses: { 200: ok({ type: 'object' }) } } },
      '/api/studies/{id}': {
        get: {
          summary: 'One study with its references',
          operationId: 'getStudy',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: ok({ allOf: [LinkedStudy, { type: 'object', properties: { references: { type: 'array', items: ref('Reference') } } }] }), 404: errors[404] },
        },
      },
      '/api/search': {
        get: {
          summary: 'Full-text search over every record kind',
          operationId: 'search',
          parameters: [
            { name: 'q', in: 'query', required: true, schema: { type: 'string' }, description: 'Words; the last one also matches as a prefix' },
            q('kind', 'Only this record kind', { type: 'string', enum: ['study', 'reference', 'entity', 'claim', 'isolationMethod', 'fact', 'advantage', 'limitation', 'direction', 'gap', 'biology'] }),
            q('limit', 'Page size (1–100, default 20)', { type: 'integer' }),
            q('offset', 'Hits to skip', { type: 'integer' }),
          ],
          responses: { 200: ok(ref('SearchResult')), 400: errors[400] },
        },
      },
      '/api/export': { get: { summary: 'The whole knowledge base (the export contract)', operationId: 'exportKnowledgeBase', responses: { 200: ok(ref('KnowledgeBase')) } } },
      ...knowledgePaths(),
      '/api/meta': {
        post: {
          summary: 'Meta-analysis (metafor conventions): effect sizes, model, heterogeneity, moderators, bias, sensitivity, forest and funnel plots',
          operationId: 'metaAnalysis',
          requestBody: { required: true, content: { 'application/json': { schema: json(MetaRequest) } } },
          responses: { 200: ok({ type: 'object', properties: { result: { type: 'object', description: 'Keys as in docs/meta.md (k, estimate, se, …)' }, svg: { type: 'object', properties: { forest: { type: 'string' }, funnel: { type: 'string' } } } } }), 400: ok(ref('Error'), 'Bad data or options (EXO_ERR_META_*)') },
        },
      },
      '/api/imports': {
        get: { summary: 'Literature imports with their search provenance', operationId: 'listImports', responses: { 200: ok({ type: 'object' }) } },
        post: {
          summary: 'Import a search export (PubMed XML, MEDLINE/nbib, RIS, BibTeX, CSV/TSV, CSL-JSON) sent as the request body; one transaction',
          operationId: 'importLiterature',
          parameters: [
            { name: 'fileName', in: 'query', required: true, schema: { type: 'string' } },
            q('database', 'Database searched (PubMed, Embase, …)'),
            q('date', 'Date of the search (YYYY-MM-DD)'),
            q('query', 'The query string as run'),
            q('format', 'Skip format detection', { type: 'string', enum: ['pubmed-xml', 'medline', 'ris', 'bibtex', 'csv', 'tsv', 'csl-json'] }),
            q('async', 'Queue the import and answer 202 at once with a job to poll at GET /api/imports/jobs/{jobId} (Location header). On PostgreSQL the cluster\'s queue (pg-boss) runs it once, in whichever server process is free, and any process reports its state; on SQLite this process runs it. Without it the answer waits for the import (201).', { type: 'boolean' }),
          ],
          requestBody: { required: true, content: { 'text/plain': { schema: { type: 'string' } }, 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
          responses: { 201: ok({ type: 'object' }, 'Imported'), 202: ok({ type: 'object', properties: { id: { type: 'string' }, state: { type: 'string', enum: ['created'] } } }, 'Queued (async=true): the job id, also in the Location header'), 400: ok(ref('Error'), 'Malformed, truncated or empty file (EXO_ERR_LIT_*), with file and line') },
        },
      },
      '/api/records': {
        get: {
          summary: 'Imported literature records: full-text search and filters',
          operationId: 'listRecords',
          parameters: [q('q', 'Words'), q('importId', 'Import id', { type: 'integer' }), q('database', 'Database searched'), q('yearFrom', 'From year', { type: 'integer' }), q('yearTo', 'To year', { type: 'integer' }), q('hasDoi', 'Has a DOI', { type: 'string', enum: ['true', 'false'] }), q('flag', 'Records flagged, e.g. missing-title'), ...page],
          responses: { 200: ok({ type: 'object' }), 400: errors[400] },
        },
      },
      '/api/imports/{id}': { get: { summary: 'One literature import: its provenance, counts and warnings', operationId: 'getImport', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }], responses: { 200: ok({ type: 'object' }), 404: errors[404] } } },
      '/api/imports/jobs/{jobId}': {
        get: {
          summary: 'A queued import (POST /api/imports?async=true): state created, active, completed (with `import`, the import as GET /api/imports/{id} shows it) or failed (with `error`, code and message)',
          operationId: 'getImportJob',
          parameters: [{ name: 'jobId', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: ok({ type: 'object', properties: { id: { type: 'string' }, state: { type: 'string', enum: ['created', 'active', 'completed', 'failed'] }, import: { type: 'object' }, error: ref('Error') } }), 404: errors[404] },
        },
      },
      '/api/records/{id}': { get: { summary: 'One imported record, whole (CitationRecord)', operationId: 'getRecord', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }], responses: { 200: ok({ type: 'object' }), 404: errors[404] } } },
      '/api/openapi.json': { get: { summary: 'This document', operationId: 'openapi', responses: { 200: ok({ type: 'object' }) } } },
      ...REVIEW_OPENAPI_PATHS,
      ...EXTRACTION_OPENAPI_PATHS,
    },
    components: {
      securitySchemes: REVIEW_OPENAPI_COMPONENTS.securitySchemes,
      schemas: {
        ...REVIEW_OPENAPI_COMPONENTS.schemas,
        Study: json(Study),
        Reference: json(Reference),
        KnowledgeBase: json(KnowledgeBase),
        Entity: json(Entity),
        Claim: json(Claim),
        IsolationMethod: json(IsolationMethod),
        BiologyStatement: json(BiologyStatement),
        Gap: json(Gap),
        Direction: json(Direction),
        ...knowledgeSchemas(),
        SearchResult: {
          type: 'object',
          required: ['query', 'total', 'hits'],
          properties: {
            query: { type: 'string' },
            total: { type: 'integer' },
            hits: { type: 'array', items: { type: 'object', required: ['kind', 'id', 'title', 'snippet', 'score'], properties: { kind: { type: 'string' }, id: { type: 'string' }, title: { type: 'string' }, snippet: { type: 'string', description: 'HTML-escaped excerpt with <mark> around matches' }, score: { type: 'number' } } } },
          },
        },
        Error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string', pattern: '^EXO_ERR_' }, message: { type: 'string' }, context: { type: 'object' } } } },
        },
      },
    },
  };
}

const arr = (items: unknown) => ({ type: 'array', items });
const obj = (properties: Record<string, unknown>, required: string[] = Object.keys(properties)) => ({ type: 'object', required, properties });
const str = { type: 'string' };
const int = { type: 'integer' };
const path = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string' } });
const CITATION_FORMATS = ['bibtex', 'ris', 'csl-json', 'vancouver'];
const citationResponses = (json: unknown) => ({
  200: {
    description: 'JSON without `format`; otherwise the references in that citation format (formatted by citation-js)',
    content: {
      'application/json': { schema: json },
      'application/x-bibtex; charset=utf-8': { schema: str },
      'application/x-research-info-systems; charset=utf-8': { schema: str },
      'application/vnd.citationstyles.csl+json; charset=utf-8': { schema: arr({ type: 'object' }) },
      'text/plain; charset=utf-8': { schema: str, description: 'Vancouver, numbered as in the review' },
    },
  },
  400: errors[400],
});
const claimFilters = [
  q('entity', 'Entity id, name or synonym the claim names (subject, object or context)'),
  q('figure', 'Figure of the review (1–5) whose legend states the claim', { type: 'integer', minimum: 1, maximum: 5 }),
  q('area', 'Disease area (from the claim\'s diseases, section and figure)', { type: 'string', enum: DiseaseArea.options }),
  q('cellSource', "Cell source of the vesicles the claim is about (the curators' corrected one where the review's is wrong)", { type: 'string', enum: CellSource.options }),
];
const needs = [
  q('volume', 'Sample volume', { type: 'string', enum: ['small', 'large'] }),
  q('purity', 'Purity required (low: not scored)', { type: 'string', enum: ['high', 'low'] }),
  q('yield', 'Yield required (low: not scored)', { type: 'string', enum: ['high', 'low'] }),
  q('cost', 'Running cost', { type: 'string', enum: ['low'] }),
  q('scalability', 'Scalability', { type: 'string', enum: ['high'] }),
  q('speed', 'Speed', { type: 'string', enum: ['high'] }),
  q('function', 'Vesicle function', { type: 'string', enum: ['preserved'] }),
  q('reproducibility', 'Reproducibility', { type: 'string', enum: ['high'] }),
  q('equipment', 'Equipment at hand, comma-separated: ultracentrifuge, chromatography, membrane-filters, polymers, antibodies, microfluidics, or none'),
  q('weight.{need}', 'Importance of a need, e.g. weight.purity=2 (above 0, at most 10; default 1)', { type: 'number' }),
];

/** The paths of knowledge-routes.ts: overview, entities, claims, graph, map, methods and references. */
function knowledgePaths(): Record<string, unknown> {
  const advisorError = ok(ref('Error'), 'An impossible or unknown need (code EXO_ERR_ADVISOR_INPUT, context.field names it)');
  return {
    '/api/overview': { get: { summary: 'Counts, the review\'s key messages and the source', operationId: 'overview', responses: { 200: ok(ref('Overview')) } } },
    '/api/entities': {
      get: {
        summary: 'Entities (miRNAs, genes, pathways, cell types, processes, diseases, …) with claim and study counts',
        operationId: 'listEntities',
        parameters: [q('kind', 'Entity kind', { type: 'string', enum: EntityKind.options }), q('q', 'Words in the id, name or a synonym'), ...page],
        responses: { 200: ok(obj({ total: int, limit: int, offset: int, items: arr({ allOf: [ref('Entity'), obj({ claimCount: int, studyCount: int })] }) })), 400: errors[400] },
      },
    },
    '/api/entities/{idOrName}': {
      get: {
        summary: 'One entity by id, name or synonym: its claims, studies, diseases and references',
        operationId: 'getEntity',
        parameters: [path('idOrName', 'Entity id, name or synonym (case and punctuation ignored when unambiguous)')],
        responses: { 200: ok(ref('EntityPage')), 404: ok(ref('Error'), 'No such entity (EXO_ERR_NOT_FOUND_ENTITY); the message suggests close names') },
      },
    },
    '/api/claims': {
      get: { summary: 'Mechanism claims with filters', operationId: 'listClaims', parameters: claimFilters, responses: { 200: ok(obj({ total: int, items: arr(ref('Claim')) })), 400: errors[400], 404: errors[404] } },
    },
    '/api/graph': {
      get: {
        summary: 'The mechanism graph (entities and subject–predicate–object edges), filtered, or the neighbourhood of an entity',
        operationId: 'graph',
        parameters: [
          ...claimFilters,
          q('focus', 'Entity whose neighbourhood to return'),
          q('depth', 'Steps from the focus (1–6, default 1; needs focus)', { type: 'integer', minimum: 1, maximum: 6 }),
          q('format', 'json (default), dot (Graphviz) or cytoscape (Cytoscape.js elements)', { type: 'string', enum: ['json', 'dot', 'cytoscape'] }),
        ],
        responses: {
          200: { description: 'The graph', content: { 'application/json': { schema: ref('MechanismGraph') }, 'text/vnd.graphviz; charset=utf-8': { schema: str } } },
          400: errors[400],
          404: errors[404],
        },
      },
    },
    '/api/graph/paths': {
      get: {
        summary: 'Paths from one entity to another along the claims (subject → object), shortest first',
        operationId: 'graphPaths',
        parameters: [
          { name: 'from', in: 'query', required: true, schema: str, description: 'Entity id, name or synonym' },
          { name: 'to', in: 'query', required: true, schema: str, description: 'Entity id, name or synonym' },
          q('maxLength', 'Most edges in a path (1–8, default 4)', { type: 'integer', minimum: 1, maximum: 8 }),
          q('none', 'When no path joins them: 404 (default, EXO_ERR_GRAPH_NO_PATH) or empty (200, no paths and the reason)', { type: 'string', enum: ['404', 'empty'] }),
        ],
        responses: {
          200: ok(obj({ from: str, to: str, paths: arr(obj({ nodes: arr(str), edges: arr(ref('GraphEdge')) })), reason: { type: 'string', description: 'Why no path joins them (none=empty only)' } })),
          400: errors[400],
          404: ok(ref('Error'), 'Unknown entity (EXO_ERR_NOT_FOUND_ENTITY) or no path (EXO_ERR_GRAPH_NO_PATH)'),
        },
      },
    },
    '/api/map': {
      get: {
        summary: 'Evidence map: study counts by two dimensions, iMSC-versus-adult-MSC comparisons and the gaps the review names',
        operationId: 'evidenceMap',
        parameters: [
          q('rows', 'Row dimension (default diseaseArea)', { type: 'string', enum: ['diseaseArea', 'cellSource', 'species', 'setting'] }),
          q('cols', 'Column dimension (default cellSource)', { type: 'string', enum: ['diseaseArea', 'cellSource', 'species', 'setting'] }),
          q('vesicle', 'Studies counted: exosome (default: exosomes and EVs), cell (cell therapy) or all', { type: 'string', enum: ['exosome', 'cell', 'all'] }),
        ],
        responses: { 200: ok(ref('EvidenceMap')), 400: errors[400] },
      },
    },
    '/api/biology': {
      get: { summary: 'Exosome biology as the review states it (definitions, size, markers, cargo, biogenesis): what the overview shows', operationId: 'listBiology', responses: { 200: ok(obj({ items: arr(ref('BiologyStatement')) })) } },
    },
    '/api/methods': { get: { summary: 'The six isolation methods with their advantages and disadvantages', operationId: 'listMethods', responses: { 200: ok(obj({ items: arr(ref('IsolationMethod')) })) } } },
    '/api/methods/advise': {
      get: {
        summary: 'Isolation methods ranked for your needs, every reason quoted from the review (scoring: docs/advisor.md)',
        operationId: 'adviseMethods',
        parameters: needs,
        responses: { 200: ok(ref('Advice')), 400: advisorError },
      },
    },
    '/api/references': {
      get: {
        summary: "The review's reference list, as JSON or in a citation format",
        operationId: 'listReferences',
        parameters: [q('format', 'Citation format', { type: 'string', enum: CITATION_FORMATS })],
        responses: citationResponses(obj({ total: int, items: arr(ref('Reference')) })),
      },
    },
    '/api/references/{n}': {
      get: {
        summary: 'One reference by its number in the review (or ref-N), as JSON or in a citation format',
        operationId: 'getReference',
        parameters: [path('n', 'Reference number'), q('format', 'Citation format', { type: 'string', enum: CITATION_FORMATS })],
        responses: { ...citationResponses(ref('Reference')), 404: errors[404] },
      },
    },
  };
}

/** Response schemas of the knowledge routes. */
function knowledgeSchemas(): Record<string, unknown> {
  const areaLists = { type: 'object', additionalProperties: obj({ claims: arr(str), studies: arr(str) }) };
  const reason = obj({ need: str, effect: { type: 'string', enum: ['favours', 'counts against'] }, points: { type: 'number' }, statement: str, quote: str, section: str, referenceNumbers: arr(int) });
  const testedStudy = obj({ id: str, title: str, diseaseArea: str, condition: str, cellSource: str, vesicle: str, cellSourceAsPrinted: str }, ['id', 'title', 'diseaseArea', 'condition', 'cellSource', 'vesicle']);
  return {
    Overview: obj({
      counts: obj(Object.fromEntries(['studies', 'table1Studies', 'textStudies', 'projectStudies', 'diseases', 'diseaseAreas', 'entities', 'claims', 'mechanisms', 'references', 'isolationMethods', 'facts'].map((k) => [k, int]))),
      keyMessages: arr(ref('Direction')),
      source: { type: 'object', description: 'The review (data/source.yaml) without its abstract' },
      whereTested: obj({ imscVesicles: arr(testedStudy), imscCells: arr(testedStudy), printedAsImsc: arr(testedStudy) }),
    }),
    EntityPage: obj({
      entity: ref('Entity'),
      claims: arr(ref('Claim')),
      studies: arr(obj({ id: str, title: str, diseaseArea: str, condition: str, cellSource: str, species: arr(str), inTable1: { type: 'boolean' }, table1Row: int }, ['id', 'title', 'diseaseArea', 'condition', 'cellSource', 'species', 'inTable1'])),
      diseases: arr(ref('Entity')),
      references: arr(ref('Reference')),
      byDiseaseArea: areaLists,
    }),
    GraphNode: obj({ id: str, label: str, kind: str, diseaseAreas: arr(str), distance: int }, ['id', 'label', 'kind', 'diseaseAreas']),
    GraphEdge: obj({ id: str, source: str, target: str, predicate: str, claimIds: arr(str), figures: arr(int), referenceNumbers: arr(int), isHedged: { type: 'boolean' } }),
    MechanismGraph: obj({ nodes: arr(ref('GraphNode')), edges: arr(ref('GraphEdge')) }),
    EvidenceMap: obj({
      rowDimension: str,
      colDimension: str,
      vesicle: str,
      rows: arr(str),
      cols: arr(str),
      cells: arr(obj({ row: str, col: str, count: int, studyIds: arr(str), fromProjects: int, gapIds: arr(str) })),
      comparisons: arr(obj({ studyId: str, title: str, source: str, comparator: str, result: { type: 'string', enum: ['superior', 'inferior', 'similar', 'mixed'] }, summary: str, diseaseArea: str, condition: str, vesicle: str, referenceNumbers: arr(int), sourceCorrection: { type: 'object' } }, ['studyId', 'title', 'source', 'comparator', 'result', 'summary', 'diseaseArea'])),
      gaps: arr({ allOf: [ref('Gap'), { type: 'object', properties: { row: str, col: str } }] }),
    }),
    Advice: obj({
      needs: { type: 'object', additionalProperties: obj({ value: {}, weight: { type: 'number' } }) },
      ranking: arr(obj({ method: str, id: str, name: str, rank: int, score: { type: 'number' }, reasons: arr(reason), unknown: arr(str) })),
      combinations: arr(obj({ methods: arr(str), text: str, quote: str, section: str, referenceNumbers: arr(int), favours: arr(str) })),
      notes: arr(str),
    }),
  };
}
