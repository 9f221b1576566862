import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { CITATION_CONTENT_TYPES, CITATION_FORMATS, toCytoscape, toDot, type Atlas } from '@exoatlas/atlas';
import { intParam, parseQuery } from '../query.js';

const text = z.string().min(1);
const page = { limit: intParam(1, 500).optional(), offset: intParam(0, 1_000_000).optional() };
const claimFilters = { entity: text.optional(), figure: intParam(1, 5).optional(), area: text.optional(), cellSource: text.optional() };

const EntitiesQuery = z.object({ kind: text.optional(), q: z.string().max(200).optional(), ...page }).strict();
const ClaimsQuery = z.object(claimFilters).strict();
const GraphQuery = z.object({ ...claimFilters, focus: text.optional(), depth: intParam(1, 6).optional(), format: z.enum(['json', 'dot', 'cytoscape']).optional() }).strict();
const PathsQuery = z.object({ from: text, to: text, maxLength: intParam(1, 8).optional() }).strict();
const MapQuery = z.object({ rows: text.optional(), cols: text.optional(), vesicle: text.optional() }).strict();
const FormatQuery = z.object({ format: z.enum(CITATION_FORMATS).optional() }).strict();
const NoQuery = z.object({}).strict();

/**
 * The knowledge API: overview, entity pages, claims, the mechanism graph and its paths, the evidence map, the
 * isolation-method advisor and the references in citation formats. Thin: every answer comes from the Atlas.
 */
export function knowledgeRoutes(app: FastifyInstance, deps: { currentAtlas: () => Promise<Atlas> }): void {
  // The store's one atlas, published project studies included (issue 18), current at each request.
  const withProjects = deps.currentAtlas;

  app.get('/api/overview', async (request) => {
    parseQuery(NoQuery, request.query);
    return (await withProjects()).overview();
  });

  app.get('/api/entities', async (request) => {
    const { limit, offset, ...filters } = parseQuery(EntitiesQuery, request.query);
    return (await withProjects()).listEntities(filters, { limit: limit ?? 100, offset: offset ?? 0 });
  });

  app.get<{ Params: { idOrName: string } }>('/api/entities/:idOrName', async (request) => {
    parseQuery(NoQuery, request.query);
    return (await withProjects()).entityPage(request.params.idOrName);
  });

  app.get('/api/claims', async (request) => {
    const { area, ...filters } = parseQuery(ClaimsQuery, request.query);
    return (await withProjects()).listClaims({ ...filters, diseaseArea: area });
  });

  app.get('/api/graph', async (request, reply) => {
    const { area, format, ...query } = parseQuery(GraphQuery, request.query);
    const graph = (await withProjects()).graph({ ...query, diseaseArea: area });
    if (format === 'dot') return reply.type('text/vnd.graphviz; charset=utf-8').send(toDot(graph));
    return format === 'cytoscape' ? toCytoscape(graph) : graph;
  });

  app.get('/api/graph/paths', async (request) => {
    const { from, to, maxLength } = parseQuery(PathsQuery, request.query);
    return (await withProjects()).graphPaths(from, to, { maxLength });
  });

  app.get('/api/map', async (request) => (await withProjects()).evidenceMap(parseQuery(MapQuery, request.query)));

  app.get('/api/methods', async (request) => {
    parseQuery(NoQuery, request.query);
    return { items: (await withProjects()).kb.isolationMethods };
  });

  // Needs are open-ended (an unknown one is EXO_ERR_ADVISOR_INPUT, not a malformed query): the advisor checks them.
  app.get('/api/methods/advise', async (request) => (await withProjects()).adviseMethods((request.query ?? {}) as Record<string, string | string[]>));

  app.get('/api/references', async (request, reply) => {
    const { format } = parseQuery(FormatQuery, request.query);
    const atlas = await withProjects();
    if (!format) return { total: atlas.kb.references.length, items: atlas.kb.references };
    return sendCitations(reply, format, await atlas.formatReferences(format));
  });

  app.get<{ Params: { n: string } }>('/api/references/:n', async (request, reply) => {
    const { format } = parseQuery(FormatQuery, request.query);
    const atlas = await withProjects();
    const reference = atlas.getReference(request.params.n);
    if (!format) return reference;
    return sendCitations(reply, format, await atlas.formatReferences(format, [reference.reviewNumber]));
  });
}

function sendCitations(reply: FastifyReply, format: (typeof CITATION_FORMATS)[number], body: string): FastifyReply {
  return reply.type(`${CITATION_CONTENT_TYPES[format]}; charset=utf-8`).send(body);
}
