import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ExoError } from '@exoatlas/schema';
import { SCHEDULES, SEARCH_DATABASES, type ReviewService, type SavedSearchService, type User } from '@exoatlas/review';
import { parseQuery } from '../query.js';
import { sessionToken } from '../security/session-token.js';
import { err, int, json, obj, requestBody, secured, str } from './openapi-builders.js';

const NoQuery = z.object({}).strict();

function body(request: FastifyRequest): Record<string, unknown> {
  const b = request.body;
  if (b === undefined || b === null || typeof b !== 'object' || Array.isArray(b)) throw new ExoError('EXO_ERR_HTTP_BAD_REQUEST', 'the request body must be a JSON object');
  return b as Record<string, unknown>;
}

/**
 * Saved searches of a review project (issue 21) under /api/reviews/:project/searches/saved: owners add, schedule and
 * run them; members list them and their runs. A run answers when it has finished (its records imported or not).
 */
export function savedSearchRoutes(app: FastifyInstance, deps: { reviews: ReviewService; savedSearches: SavedSearchService }): void {
  const { savedSearches } = deps;
  const actor = (request: FastifyRequest): Promise<User | undefined> => deps.reviews.authenticate(sessionToken(request));
  type P = { Params: { project: string } };
  type PS = { Params: { project: string; search: string } };

  app.get<P>('/api/reviews/:project/searches/saved', async (request) => {
    parseQuery(NoQuery, request.query);
    return { items: await savedSearches.list(await actor(request), request.params.project) };
  });
  app.post<P>('/api/reviews/:project/searches/saved', async (request, reply) => {
    const saved = await savedSearches.add(await actor(request), request.params.project, body(request));
    return reply.status(201).send(saved);
  });
  app.get<PS>('/api/reviews/:project/searches/saved/:search/runs', async (request) => {
    parseQuery(NoQuery, request.query);
    return { items: await savedSearches.runs(await actor(request), request.params.project, request.params.search) };
  });
  app.post<PS>('/api/reviews/:project/searches/saved/:search/run', async (request, reply) => {
    const run = await savedSearches.run(await actor(request), request.params.project, request.params.search);
    return reply.status(201).send(run);
  });
  app.put<PS>('/api/reviews/:project/searches/saved/:search/schedule', async (request) => savedSearches.setSchedule(await actor(request), request.params.project, request.params.search, body(request).schedule));
}

const projectParam = { name: 'project', in: 'path', required: true, schema: str, description: 'Project id (kebab-case)' };
const searchParam = { name: 'search', in: 'path', required: true, schema: int, description: 'Saved search id within the project' };
const common = { 401: err('Not signed in (EXO_ERR_AUTH_REQUIRED)'), 404: err('No such project for you (EXO_ERR_REVIEW_NOT_FOUND_PROJECT) or no such saved search (EXO_ERR_SEARCH_NOT_FOUND)') };
const writes = { ...common, 400: err('Malformed input (EXO_ERR_REVIEW_INVALID_INPUT, EXO_ERR_HTTP_BAD_REQUEST)'), 403: err('Only owners add, run and schedule searches (EXO_ERR_AUTH_FORBIDDEN)') };
const nullable = (schema: Record<string, unknown>) => ({ ...schema, type: [schema.type as string, 'null'] });
const SavedSearch = obj({
  id: int,
  projectId: str,
  database: { type: 'string', enum: [...SEARCH_DATABASES] },
  query: str,
  filters: { type: 'object', additionalProperties: str, description: 'Service parameters: PubMed mindate/maxdate/datetype, OpenAlex and Crossref filter, …' },
  schedule: { type: 'string', enum: [...SCHEDULES] },
  nextRunAt: nullable({ type: 'string', format: 'date-time' }),
  runningSince: nullable({ type: 'string', format: 'date-time' }),
  createdBy: int,
  createdAt: { type: 'string', format: 'date-time' },
});
const SearchRun = obj({
  id: int,
  savedSearchId: int,
  trigger: { type: 'string', enum: ['manual', 'schedule'] },
  startedAt: { type: 'string', format: 'date-time' },
  finishedAt: nullable({ type: 'string', format: 'date-time' }),
  query: { type: 'string', description: 'The query as it ran' },
  status: { type: 'string', enum: ['running', 'succeeded', 'failed'] },
  total: nullable({ type: 'integer', description: 'Records the service said match' }),
  found: nullable({ type: 'integer', description: 'Records the run read' }),
  newRecords: nullable({ type: 'integer', description: 'Records new to the project after de-duplication against everything it holds' }),
  duplicates: nullable(int),
  stoppedEarly: nullable({ type: 'string', description: 'Why the run read fewer than total (its budget)' }),
  error: nullable(str),
  searchId: nullable({ type: 'integer', description: 'The project search (import) its records entered through' }),
});

/** The OpenAPI description of the saved-search routes. */
export const SAVED_SEARCH_OPENAPI_PATHS: Record<string, unknown> = {
  '/api/reviews/{project}/searches/saved': {
    get: { summary: 'Saved searches with their last run (members)', operationId: 'listSavedSearches', tags: ['reviews'], ...secured, parameters: [projectParam], responses: { 200: json(obj({ items: { type: 'array', items: { allOf: [SavedSearch, obj({ lastRun: { oneOf: [SearchRun, { type: 'null' }] } })] } } })), ...common } },
    post: {
      summary: 'Save a search of PubMed, Europe PMC, OpenAlex or Crossref, optionally scheduled daily or weekly (owners); a scheduled search is due at once',
      operationId: 'addSavedSearch',
      tags: ['reviews'],
      ...secured,
      parameters: [projectParam],
      requestBody: requestBody(obj({ database: { type: 'string', enum: [...SEARCH_DATABASES] }, query: str, filters: { type: 'object', additionalProperties: str }, schedule: { type: 'string', enum: [...SCHEDULES] } }, ['database', 'query'])),
      responses: { 201: json(SavedSearch), ...writes },
    },
  },
  '/api/reviews/{project}/searches/saved/{search}/runs': {
    get: { summary: "A saved search's runs, oldest first: date, query, found, new (members)", operationId: 'listSavedSearchRuns', tags: ['reviews'], ...secured, parameters: [projectParam, searchParam], responses: { 200: json(obj({ items: { type: 'array', items: SearchRun } })), ...common } },
  },
  '/api/reviews/{project}/searches/saved/{search}/run': {
    post: {
      summary: 'Run a saved search now (owners): to the end of its results or its budget; its records are imported in one transaction, de-duplicated against the project',
      operationId: 'runSavedSearch',
      tags: ['reviews'],
      ...secured,
      parameters: [projectParam, searchParam],
      responses: { 201: json(SearchRun), ...writes, 409: err('The search is already running (EXO_ERR_SEARCH_RUN_IN_PROGRESS)'), 502: err('The run failed: the service could not be reached, refused the query or answered badly (EXO_ERR_SEARCH_UNAVAILABLE, _REJECTED, _BAD_RESPONSE); the run is recorded as failed and nothing was imported') },
    },
  },
  '/api/reviews/{project}/searches/saved/{search}/schedule': {
    put: { summary: "Set a saved search's schedule (none, daily, weekly; owners); the next run is one interval from now", operationId: 'scheduleSavedSearch', tags: ['reviews'], ...secured, parameters: [projectParam, searchParam], requestBody: requestBody(obj({ schedule: { type: 'string', enum: [...SCHEDULES] } }, ['schedule'])), responses: { 200: json(SavedSearch), ...writes } },
  },
};
