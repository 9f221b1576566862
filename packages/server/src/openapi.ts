import { z } from 'zod';
import { MetaRequest } from './routes/meta-routes.js';
import { CellSource, DiseaseArea, KnowledgeBase, Reference, Setting, Species, Study } from '@exoatlas/schema';

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
      '/api/health': { get: { summary: 'Liveness and counts', operationId: 'health', responses: { 200: ok({ type: 'object' }) } } },
      '/api/studies': {
        get: {
          summary: 'List studies with filters',
          operationId: 'listStudies',
          parameters: [
            q('diseaseArea', 'Disease area', { type: 'string', enum: DiseaseArea.options }),
            q('condition', 'Condition (exact, case-insensitive)'),
            q('species', 'Species', { type: 'string', enum: Species.options }),
            q('cellSource', 'Cell source of the vesicles, or of a comparator', { type: 'string', enum: CellSource.options }),
            q('setting', 'Setting', { type: 'string', enum: Setting.options }),
            q('entity', 'Entity id, name or synonym the study is linked to (e.g. miR-135b)'),
            q('inTable1', 'Only Table 1 rows (true) or only text studies (false)', { type: 'string', enum: ['true', 'false'] }),
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
      '/api/references': { get: { summary: "The review's reference list", operationId: 'listReferences', responses: { 200: ok({ type: 'object', properties: { total: { type: 'integer' }, items: { type: 'array', items: ref('Reference') } } }) } } },
      '/api/references/{n}': {
        get: { summary: 'One reference by its number in the review', operationId: 'getReference', parameters: [{ name: 'n', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: ok(ref('Reference')), 404: errors[404] } },
      },
      '/api/export': { get: { summary: 'The whole knowledge base (the export contract)', operationId: 'exportKnowledgeBase', responses: { 200: ok(ref('KnowledgeBase')) } } },
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
          ],
          requestBody: { required: true, content: { 'text/plain': { schema: { type: 'string' } }, 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
          responses: { 201: ok({ type: 'object' }, 'Imported'), 400: ok(ref('Error'), 'Malformed, truncated or empty file (EXO_ERR_LIT_*), with file and line') },
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
      '/api/records/{id}': { get: { summary: 'One imported record, whole (CitationRecord)', operationId: 'getRecord', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }], responses: { 200: ok({ type: 'object' }), 404: errors[404] } } },
      '/api/openapi.json': { get: { summary: 'This document', operationId: 'openapi', responses: { 200: ok({ type: 'object' }) } } },
    },
    components: {
      schemas: {
        Study: json(Study),
        Reference: json(Reference),
        KnowledgeBase: json(KnowledgeBase),
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
