import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { METHODS, UNIVARIATE_TESTS } from '@exoatlas/meta';
import { ExoError } from '@exoatlas/schema';
import {
  ExtractionForm,
  ExtractionService,
  FORM_KINDS,
  ISOLATION_METHODS,
  MISEV_ITEMS,
  MISEV_SCORE_LABEL,
  MisevAppraisal,
  RobAssessment,
  SUBGROUP_COLUMNS,
  SYNTHESIS_MEASURES,
  SYRCLE_ITEMS,
  resultsToCsv,
  synthesisFromJson,
  synthesisToJson,
  tableToCsv,
  type SynthesisOptions,
  type SynthesisResult,
  type User,
} from '@exoatlas/review';
import { parseQuery } from '../query.js';
import { sessionToken } from '../security/session-token.js';
import { err, int, json, obj, secured, str } from './openapi-builders.js';

const NoQuery = z.object({}).strict();
const ExportQuery = z.object({ what: z.enum(['table', 'results']).optional() }).strict();
const SvgQuery = z.object({ plot: z.enum(['forest', 'funnel', 'rob-forest']).optional() }).strict();

function body(request: FastifyRequest): Record<string, unknown> {
  const b = request.body;
  if (b === undefined || b === null || typeof b !== 'object' || Array.isArray(b)) throw new ExoError('EXO_ERR_HTTP_BAD_REQUEST', 'the request body must be a JSON object');
  return b as Record<string, unknown>;
}

function positiveId(raw: string, code: 'EXO_ERR_REVIEW_NOT_FOUND_RECORD' | 'EXO_ERR_EXTRACT_NOT_FOUND', what: string): number {
  if (!/^\d+$/.test(raw)) throw new ExoError(code, `no ${what} '${raw}'`, { id: raw });
  return Number(raw);
}

const SynthesisBody = z
  .object({
    outcome: z.string().min(1),
    timePoint: z.string().min(1).optional(),
    measure: z.enum(SYNTHESIS_MEASURES).optional(),
    // read case-insensitively, as the engine does
    method: z.preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), z.enum(METHODS)).optional(),
    test: z.enum(UNIVARIATE_TESTS).optional(),
    subgroup: z.string().optional(),
    bias: z.boolean().optional(),
    sensitivity: z.boolean().optional(),
    level: z.number().gt(0).lt(100).optional(),
    excludeRob: z.array(z.enum(['high', 'unclear'])).optional(),
    save: z.boolean().optional(),
  })
  .strict();

function synthesisOptions(b: unknown): { options: SynthesisOptions; save: boolean } {
  const r = SynthesisBody.safeParse(b);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const field = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.');
    throw new ExoError('EXO_ERR_EXTRACT_BAD_OPTION', issue.code === 'unrecognized_keys' ? `unknown option '${field}'` : `${field}: ${issue.message}`, { field });
  }
  const { save, ...options } = r.data;
  return { options, save: save ?? false };
}

/** The JSON of a synthesis for the API: everything synthesisToJson writes, plus the SVGs. */
function synthesisJson(id: number | null, s: SynthesisResult): Record<string, unknown> {
  return { id, ...(JSON.parse(synthesisToJson(s)) as Record<string, unknown>), svg: s.svg };
}

const toJsonSchema = (schema: z.ZodType): unknown => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

/**
 * Data extraction, appraisal (SYRCLE, MISEV) and synthesis of a review project, under /api/reviews/:project, with
 * part 1's sessions and roles (reviewers and owners write their own forms and the consensus, viewers read); and the
 * published project studies for the atlas at /api/project-studies (public).
 */
export function extractionRoutes(app: FastifyInstance, deps: { extraction: ExtractionService }): void {
  const service = deps.extraction;
  const actor = (request: FastifyRequest): Promise<User | undefined> => service.review.authenticate(sessionToken(request));
  const svg = (reply: FastifyReply, text: string): string => {
    void reply.type('image/svg+xml; charset=utf-8');
    return text;
  };
  type P = { Params: { project: string } };
  type PR = { Params: { project: string; record: string; kind: string } };
  type PS = { Params: { project: string; id: string } };

  app.get('/api/reviews/extraction/schema', async (request) => {
    parseQuery(NoQuery, request.query);
    return {
      kinds: FORM_KINDS,
      isolationMethods: ISOLATION_METHODS,
      syrcle: SYRCLE_ITEMS,
      misev: { label: MISEV_SCORE_LABEL, items: MISEV_ITEMS.map(({ applies: _fn, ...item }) => item) },
      measures: SYNTHESIS_MEASURES,
      subgroups: SUBGROUP_COLUMNS,
      jsonSchema: { extraction: toJsonSchema(ExtractionForm), rob: toJsonSchema(RobAssessment), misev: toJsonSchema(MisevAppraisal) },
    };
  });

  app.get<P>('/api/reviews/:project/extraction', async (request) => {
    parseQuery(NoQuery, request.query);
    return { items: await service.studies(await actor(request), request.params.project) };
  });

  app.post<P>('/api/reviews/:project/extraction/validate', async (request) => {
    const b = body(request);
    await service.requireAccess(await actor(request), request.params.project, 'read');
    return service.validate(ExtractionService.checkKind(b.kind), b.data, b.characteristics);
  });

  app.get<PR>('/api/reviews/:project/records/:record/forms/:kind', async (request) => {
    parseQuery(NoQuery, request.query);
    return service.forms(await actor(request), request.params.project, positiveId(request.params.record, 'EXO_ERR_REVIEW_NOT_FOUND_RECORD', 'record'), request.params.kind);
  });

  app.put<PR>('/api/reviews/:project/records/:record/forms/:kind', async (request) =>
    service.saveForm(await actor(request), request.params.project, positiveId(request.params.record, 'EXO_ERR_REVIEW_NOT_FOUND_RECORD', 'record'), request.params.kind, body(request)),
  );

  app.get<PR>('/api/reviews/:project/records/:record/forms/:kind/history', async (request) => {
    parseQuery(NoQuery, request.query);
    return { items: await service.history(await actor(request), request.params.project, positiveId(request.params.record, 'EXO_ERR_REVIEW_NOT_FOUND_RECORD', 'record'), request.params.kind) };
  });

  app.get<P>('/api/reviews/:project/appraisal', async (request) => {
    parseQuery(NoQuery, request.query);
    return service.appraisalSummary(await actor(request), request.params.project);
  });

  for (const [name, key] of [['rob-summary', 'robSummary'], ['rob-traffic-light', 'robTrafficLight'], ['misev-summary', 'misevSummary']] as const) {
    app.get<P>(`/api/reviews/:project/appraisal/${name}.svg`, async (request, reply) => {
      parseQuery(NoQuery, request.query);
      return svg(reply, (await service.appraisalSummary(await actor(request), request.params.project)).svg[key]);
    });
  }

  app.post<P>('/api/reviews/:project/synthesis', async (request, reply) => {
    const { options, save } = synthesisOptions(body(request));
    const { id, synthesis } = await service.synthesise(await actor(request), request.params.project, options, save);
    if (save) void reply.status(201);
    return synthesisJson(id, synthesis);
  });

  app.get<P>('/api/reviews/:project/syntheses', async (request) => {
    parseQuery(NoQuery, request.query);
    return { items: (await service.syntheses(await actor(request), request.params.project)).map(({ result: _r, atlas: _a, ...s }) => s) };
  });

  const stored = async (request: FastifyRequest<PS>): Promise<{ id: number; synthesis: SynthesisResult; publishedAt: string | null }> => {
    const id = positiveId(request.params.id, 'EXO_ERR_EXTRACT_NOT_FOUND', 'synthesis');
    const s = await service.getSynthesis(await actor(request), request.params.project, id);
    return { id, synthesis: synthesisFromJson(s.result), publishedAt: s.publishedAt };
  };

  app.get<PS>('/api/reviews/:project/syntheses/:id', async (request) => {
    parseQuery(NoQuery, request.query);
    const { id, synthesis, publishedAt } = await stored(request);
    return { ...synthesisJson(id, synthesis), publishedAt };
  });

  app.get<PS>('/api/reviews/:project/syntheses/:id/export.csv', async (request, reply) => {
    const { what } = parseQuery(ExportQuery, request.query);
    const { synthesis } = await stored(request);
    void reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="synthesis-${request.params.id}-${what ?? 'table'}.csv"`);
    return what === 'results' ? resultsToCsv(synthesis) : tableToCsv(synthesis.analysisTable.table);
  });

  app.get<PS>('/api/reviews/:project/syntheses/:id/export.json', async (request, reply) => {
    parseQuery(NoQuery, request.query);
    const { synthesis } = await stored(request);
    void reply.type('application/json; charset=utf-8').header('content-disposition', `attachment; filename="synthesis-${request.params.id}.json"`);
    return synthesisToJson(synthesis, { projectId: request.params.project });
  });

  app.get<PS>('/api/reviews/:project/syntheses/:id/plot.svg', async (request, reply) => {
    const { plot } = parseQuery(SvgQuery, request.query);
    const { synthesis } = await stored(request);
    return svg(reply, plot === 'funnel' ? synthesis.svg.funnel : plot === 'rob-forest' ? synthesis.svg.robForest : synthesis.svg.forest);
  });

  app.post<PS>('/api/reviews/:project/syntheses/:id/publish', async (request) => {
    const b = body(request);
    return service.publish(await actor(request), request.params.project, positiveId(request.params.id, 'EXO_ERR_EXTRACT_NOT_FOUND', 'synthesis'), b.diseaseArea);
  });

  app.post<{ Params: { project: string } }>('/api/reviews/:project/unpublish', async (request) => {
    body(request);
    return service.unpublish(await actor(request), request.params.project);
  });

  app.get<{ Params: { project: string } }>('/api/reviews/:project/publications', async (request) => {
    parseQuery(NoQuery, request.query);
    return { items: await service.publications(await actor(request), request.params.project) };
  });

  app.get('/api/project-studies', async (request) => {
    parseQuery(NoQuery, request.query);
    return { items: await service.atlasStudies() };
  });
}

// ---------------------------------------------------------------- OpenAPI

const anyObj = { type: 'object' };
const svgBody = { description: 'SVG', content: { 'image/svg+xml': { schema: str } } };
const projectParam = { name: 'project', in: 'path', required: true, schema: str, description: 'Project id' };
const recordParam = { name: 'record', in: 'path', required: true, schema: int, description: 'Record id (an included study)' };
const kindParam = { name: 'kind', in: 'path', required: true, schema: { type: 'string', enum: [...FORM_KINDS] }, description: 'extraction, rob (SYRCLE) or misev' };
const idParam = { name: 'id', in: 'path', required: true, schema: int, description: 'Saved synthesis id' };
const blinded = { 403: err('Blinded (EXO_ERR_REVIEW_BLINDED): another reviewer\'s forms, which it may use, are still hidden from you') };
const common = { 401: err('Not signed in (EXO_ERR_AUTH_REQUIRED)'), 404: err('No such project for you, record or synthesis (EXO_ERR_REVIEW_NOT_FOUND_*, EXO_ERR_EXTRACT_NOT_FOUND)') };
const tag = { tags: ['extraction'] };
const SynthesisRequest = obj(
  {
    outcome: str,
    timePoint: str,
    measure: { type: 'string', enum: [...SYNTHESIS_MEASURES] },
    method: str,
    test: { type: 'string', enum: ['z', 'knha'] },
    subgroup: { type: 'string', enum: [...SUBGROUP_COLUMNS] },
    bias: { type: 'boolean' },
    sensitivity: { type: 'boolean' },
    level: { type: 'number' },
    excludeRob: { type: 'array', items: { type: 'string', enum: ['high', 'unclear'] }, description: 'Sensitivity analysis: leave out studies whose SYRCLE summary is high (or unclear / not assessed)' },
    save: { type: 'boolean' },
  },
  ['outcome'],
);

/** The extraction, appraisal and synthesis paths for the OpenAPI document. */
export const EXTRACTION_OPENAPI_PATHS: Record<string, unknown> = {
  '/api/reviews/extraction/schema': { get: { ...tag, summary: 'The form definitions: SYRCLE items with signalling questions, MISEV items, isolation methods, measures, subgroup columns, JSON Schemas of the forms', operationId: 'extractionSchema', responses: { 200: json(anyObj) } } },
  '/api/reviews/{project}/extraction': { get: { ...tag, ...secured, summary: 'The included studies with the state of their extraction, SYRCLE and MISEV forms (consensus, agreed, single, conflict, none)', operationId: 'extractionStudies', parameters: [projectParam], responses: { 200: json(obj({ items: { type: 'array', items: anyObj } })), ...common } } },
  '/api/reviews/{project}/extraction/validate': {
    post: { ...tag, ...secured, summary: 'Validates a form as typed, without saving: {ok, issues: [{path, message}]}', operationId: 'validateForm', parameters: [projectParam], requestBody: { required: true, content: { 'application/json': { schema: obj({ kind: { type: 'string', enum: [...FORM_KINDS] }, data: anyObj, characteristics: anyObj }, ['kind', 'data']) } } }, responses: { 200: json(obj({ ok: { type: 'boolean' }, issues: { type: 'array', items: obj({ path: str, message: str }) } })), ...common } },
  },
  '/api/reviews/{project}/records/{record}/forms/{kind}': {
    get: { ...tag, ...secured, summary: "The reviewers' forms you may see (dual mode: another reviewer's stay hidden until two reviewers saved one or a consensus exists), the consensus, discrepancies, agreement and the value synthesis uses", operationId: 'getForms', parameters: [projectParam, recordParam, kindParam], responses: { 200: json(anyObj), ...common, 409: err('Not an included study (EXO_ERR_EXTRACT_NOT_INCLUDED)') } },
    put: {
      ...tag,
      ...secured,
      summary: 'Saves your form (or with consensus: true the consensus form) whole, in one transaction; a bad value is refused with every field\'s message in error.context.fields and nothing is saved',
      operationId: 'saveForm',
      parameters: [projectParam, recordParam, kindParam],
      requestBody: { required: true, content: { 'application/json': { schema: obj({ data: anyObj, expectedVersion: int, consensus: { type: 'boolean' } }, ['data']) } } },
      responses: { 200: json(anyObj), 400: err('Bad values (EXO_ERR_EXTRACT_INVALID, EXO_ERR_APPRAISAL_INVALID) with context.fields [{path, message}]'), 403: err('Viewers cannot write (EXO_ERR_AUTH_FORBIDDEN)'), 409: err('Stale form or not included (EXO_ERR_EXTRACT_STALE, EXO_ERR_EXTRACT_NOT_INCLUDED)'), ...common },
    },
  },
  '/api/reviews/{project}/records/{record}/forms/{kind}/history': { get: { ...tag, ...secured, summary: 'Every saved version of the forms of a study and kind that you may see (blinded as the forms are)', operationId: 'formHistory', parameters: [projectParam, recordParam, kindParam], responses: { 200: json(obj({ items: { type: 'array', items: anyObj } })), ...common } } },
  '/api/reviews/{project}/appraisal': { get: { ...tag, ...secured, summary: 'SYRCLE judgements and MISEV scores of the included studies, with the summary, traffic-light and MISEV SVGs', operationId: 'appraisalSummary', parameters: [projectParam], responses: { 200: json(anyObj), ...common } } },
  '/api/reviews/{project}/appraisal/rob-summary.svg': { get: { ...tag, ...secured, summary: 'SYRCLE summary plot', operationId: 'robSummarySvg', parameters: [projectParam], responses: { 200: svgBody, ...common } } },
  '/api/reviews/{project}/appraisal/rob-traffic-light.svg': { get: { ...tag, ...secured, summary: 'SYRCLE traffic-light plot', operationId: 'robTrafficLightSvg', parameters: [projectParam], responses: { 200: svgBody, ...common } } },
  '/api/reviews/{project}/appraisal/misev-summary.svg': { get: { ...tag, ...secured, summary: "MISEV reporting summary (ExoAtlas's own checklist score, not EV-METRIC)", operationId: 'misevSummarySvg', parameters: [projectParam], responses: { 200: svgBody, ...common } } },
  '/api/reviews/{project}/synthesis': {
    post: { ...tag, ...secured, summary: 'Pools an outcome of the extracted data in one step (packages/meta): derived table, random-effects result, subgroups, bias and sensitivity analyses, forest, funnel and risk-of-bias forest SVGs; save: true stores it (201)', operationId: 'synthesise', parameters: [projectParam], requestBody: { required: true, content: { 'application/json': { schema: SynthesisRequest } } }, responses: { 200: json(anyObj), 201: json(anyObj), 400: err('Bad option (EXO_ERR_EXTRACT_BAD_OPTION, EXO_ERR_META_*)'), 422: err('No usable data (EXO_ERR_EXTRACT_NO_DATA)'), ...common } },
  },
  '/api/reviews/{project}/syntheses': { get: { ...tag, ...secured, summary: 'Saved syntheses (options, when, published)', operationId: 'listSyntheses', parameters: [projectParam], responses: { 200: json(obj({ items: { type: 'array', items: anyObj } })), ...common } } },
  '/api/reviews/{project}/syntheses/{id}': { get: { ...tag, ...secured, summary: 'A saved synthesis, re-analysed from its stored derived table', operationId: 'getSynthesis', parameters: [projectParam, idParam], responses: { 200: json(anyObj), ...common, ...blinded } } },
  '/api/reviews/{project}/syntheses/{id}/export.csv': { get: { ...tag, ...secured, summary: 'The derived table (metafor column names; what=table) or per-study results (what=results) as CSV', operationId: 'exportSynthesisCsv', parameters: [projectParam, idParam, { name: 'what', in: 'query', required: false, schema: { type: 'string', enum: ['table', 'results'] } }], responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: str } } }, ...common, ...blinded } } },
  '/api/reviews/{project}/syntheses/{id}/export.json': { get: { ...tag, ...secured, summary: 'The synthesis as one JSON document (options, table, result, warnings)', operationId: 'exportSynthesisJson', parameters: [projectParam, idParam], responses: { 200: json(anyObj), ...common, ...blinded } } },
  '/api/reviews/{project}/syntheses/{id}/plot.svg': { get: { ...tag, ...secured, summary: 'Forest (default), funnel or risk-of-bias forest plot', operationId: 'synthesisPlot', parameters: [projectParam, idParam, { name: 'plot', in: 'query', required: false, schema: { type: 'string', enum: ['forest', 'funnel', 'rob-forest'] } }], responses: { 200: svgBody, ...common, ...blinded } } },
  '/api/reviews/{project}/syntheses/{id}/publish': { post: { ...tag, ...secured, summary: "Publishes a saved synthesis to the atlas (owners): the included studies become atlas studies with origin 'project', in the store's atlas and search index; publishing again makes a new version (the atlas shows the latest)", operationId: 'publishSynthesis', parameters: [projectParam, idParam], requestBody: { required: false, content: { 'application/json': { schema: obj({ diseaseArea: str }) } } }, responses: { 200: json(anyObj), 403: err('Owners only (EXO_ERR_AUTH_FORBIDDEN)'), 409: err('A dual project with an included study lacking a consensus extraction or risk-of-bias form (EXO_ERR_EXTRACT_NO_CONSENSUS; context.records names each)'), ...common } } },
  '/api/reviews/{project}/unpublish': { post: { ...tag, ...secured, summary: "Takes the project's studies out of the atlas (owners; audited); publishing again brings them back as a new version", operationId: 'unpublishProject', parameters: [projectParam], requestBody: { required: false, content: { 'application/json': { schema: obj({}) } } }, responses: { 200: json(obj({ projectId: str, version: int, withdrawnAt: str, studies: int })), 403: err('Owners only (EXO_ERR_AUTH_FORBIDDEN)'), 409: err('Nothing in the atlas to unpublish (EXO_ERR_EXTRACT_NOT_PUBLISHED)'), ...common } } },
  '/api/reviews/{project}/publications': { get: { ...tag, ...secured, summary: "Every version of the project's publication in the atlas, oldest first (synthesis, when, by whom, how many studies, withdrawn when)", operationId: 'listPublications', parameters: [projectParam], responses: { 200: json(obj({ items: { type: 'array', items: obj({ projectId: str, version: int, synthesisId: int, publishedAt: str, publishedBy: int, withdrawnAt: str, withdrawnBy: int, studies: int }) } })), ...common } } },
  '/api/project-studies': { get: { ...tag, summary: "The studies the atlas shows from review projects (each project's latest publication, unless unpublished) as Study records (origin: project) with their pooled results", operationId: 'projectStudies', responses: { 200: json(obj({ items: { type: 'array', items: obj({ study: { $ref: '#/components/schemas/Study' }, doi: str, pmid: str, pooled: { type: 'array', items: anyObj }, synthesisId: int, publishedAt: str, version: int }) } })) } } },
};
