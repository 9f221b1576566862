import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ExoError } from '@exoatlas/schema';
import { evidenceOverTime, livingPrisma, prismaUpdateSvg, type ReviewService, type User } from '@exoatlas/review';
import { parseQuery } from '../query.js';
import { sessionToken } from '../security/session-token.js';
import { err, json, obj, ref, secured, str, int } from './openapi-builders.js';

const NoQuery = z.object({}).strict();

/**
 * Living PRISMA (issue 21): the flow diagram per update (PRISMA 2020 for updated reviews) and for the whole project;
 * and the evidence over time (records and included studies per publication year).
 */
export function livingPrismaRoutes(app: FastifyInstance, deps: { reviews: ReviewService }): void {
  const actor = (request: FastifyRequest): Promise<User | undefined> => deps.reviews.authenticate(sessionToken(request));
  app.get<{ Params: { project: string } }>('/api/reviews/:project/prisma/updates', async (request) => {
    parseQuery(NoQuery, request.query);
    return livingPrisma(deps.reviews, await actor(request), request.params.project);
  });
  app.get<{ Params: { project: string; update: string } }>('/api/reviews/:project/prisma/updates/:update/diagram.svg', async (request, reply) => {
    parseQuery(NoQuery, request.query);
    const { updates } = await livingPrisma(deps.reviews, await actor(request), request.params.project);
    const update = /^\d+$/.test(request.params.update) ? updates[Number(request.params.update) - 1] : undefined;
    if (!update) throw new ExoError('EXO_ERR_SEARCH_NOT_FOUND', `no update ${request.params.update} in '${request.params.project}' (it has ${updates.length})`, { id: request.params.update });
    return reply.type('image/svg+xml; charset=utf-8').send(prismaUpdateSvg(update));
  });
  app.get<{ Params: { project: string } }>('/api/reviews/:project/evidence/years', async (request) => {
    parseQuery(NoQuery, request.query);
    return evidenceOverTime(deps.reviews, await actor(request), request.params.project);
  });
}

const projectParam = { name: 'project', in: 'path', required: true, schema: str, description: 'Project id (kebab-case)' };
const common = { 401: err('Not signed in (EXO_ERR_AUTH_REQUIRED)'), 404: err('No such project for you (EXO_ERR_REVIEW_NOT_FOUND_PROJECT), or no such update') };
const count = obj({ studies: int, reports: int });

export const LIVING_PRISMA_OPENAPI_PATHS: Record<string, unknown> = {
  '/api/reviews/{project}/prisma/updates': {
    get: {
      summary: "Living PRISMA: per update (the searches of one day) the previous studies, the new records' flow and the total; and the whole project's flow",
      operationId: 'reviewPrismaUpdates',
      tags: ['reviews'],
      ...secured,
      parameters: [projectParam],
      responses: { 200: json(obj({ updates: { type: 'array', items: obj({ update: int, date: { type: 'string', format: 'date' }, searches: { type: 'array' }, previous: count, new: ref('PrismaCounts'), total: count }) }, overall: ref('PrismaCounts') })), ...common },
    },
  },
  '/api/reviews/{project}/prisma/updates/{update}/diagram.svg': {
    get: {
      summary: "One update's PRISMA 2020 flow diagram in the layout for updated reviews (previous studies, new studies, total)",
      operationId: 'reviewPrismaUpdateSvg',
      tags: ['reviews'],
      ...secured,
      parameters: [projectParam, { name: 'update', in: 'path', required: true, schema: int, description: 'The update, 1 for the first version' }],
      responses: { 200: { description: 'SVG', content: { 'image/svg+xml': { schema: str } } }, ...common },
    },
  },
  '/api/reviews/{project}/evidence/years': {
    get: {
      summary: 'The evidence over time: records the project holds and studies it included, per publication year (records without a year last, year null)',
      operationId: 'reviewEvidenceYears',
      tags: ['reviews'],
      ...secured,
      parameters: [projectParam],
      responses: { 200: json(obj({ items: { type: 'array', items: obj({ year: { type: ['integer', 'null'] }, records: int, included: int }) } })), ...common },
    },
  },
};
