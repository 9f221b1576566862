import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { ExoError } from '@exoatlas/schema';
import { CITATION_CONTENT_TYPES, CITATION_FORMATS, toCytoscape, toDot, type Atlas } from '@exoatlas/atlas';
import type { ResponseCache } from '../delivery/response-cache.js';
import { intParam, parseQuery } from '../query.js';

const text = z.string().min(1);
const page = { limit: intParam(1, 500).optional(), offset: intParam(0, 1_000_000).optional() };
const claimFilters = { entity: text.optional(), figure: intParam(1, 5).optional(), area: text.optional(), cellSource: text.optional() };

const EntitiesQuery = z.object({ kind: text.optional(), q: z.string().max(200).optional(), ...page }).strict();
const ClaimsQuery = z.object(claimFilters).strict();
const GraphQuery = z.object({ ...claimFilters, focus: text.optional(), depth: intParam(1, 6).optional(), format: z.enum(['json', 'dot', 'cytoscape']).optional() }).strict();
const PathsQuery = z.object({ from: text, to: text, maxLength: intParam(1, 8).optional(), none: z.enum(['404', 'empty']).optional() }).strict();
const MapQuery = z.object({ rows: text.optional(), cols: text.optional(), vesicle: text.optional() }).strict();
const FormatQuery = z.object({ format: z.enum(CITATION_FORMATS).optional() }).strict();
const NoQuery = z.object({}).strict();

/**
 * The knowledge API: overview, entity pages, claims, the mechanism graph and its paths, the evidence map, the
 * isolation-method advisor and the references in citation formats. Thin: every answer comes from the Atlas.
 */
export function knowledgeRoutes(app: FastifyInstance, deps: { currentAtlas: () => Promise<Atlas>; responses: ResponseCache }): void {
  // The store's one atlas, published project studies included (issue 18), current at each request.
  const withProjects = deps.currentAtlas;
  const { responses } = deps;
  // Answered from the response cache: encoded once per route, parsed query and atlas version (issue 23).
  const cached = { compress: false } as const;
  const json = (value: unknown) => ({ json: value });

  app.get('/api/overview', cached, async (request, reply) => {
    parseQuery(NoQuery, request.query);
    return responses.send(request, reply, 'overview', {}, async () => json((await withProjects()).overview()));
  });

  // What the overview's "Exosomes in brief" shows (issue 20: it fetched the whole 630 KB export for these items).
  app.get('/api/biology', cached, async (request, reply) => {
    parseQuery(NoQuery, request.query);
    return responses.send(request, reply, 'biology', {}, async () => json({ items: (await withProjects()).kb.biology }));
  });

  app.get('/api/entities', cached, async (request, reply) => {
    const { limit, offset, ...filters } = parseQuery(EntitiesQuery, request.query);
    const page = { limit: limit ?? 100, offset: offset ?? 0 };
    return responses.send(request, reply, 'entities', { filters, page }, async () => json((await withProjects()).listEntities(filters, page)));
  });

  app.get<{ Params: { idOrName: string } }>('/api/entities/:idOrName', cached, async (request, reply) => {
    parseQuery(NoQuery, request.query);
    const { idOrName } = request.params;
    return responses.send(request, reply, 'entity', { idOrName }, async () => json((await withProjects()).entityPage(idOrName)));
  });

  app.get('/api/claims', cached, async (request, reply) => {
    const { area, ...filters } = parseQuery(ClaimsQuery, request.query);
    return responses.send(request, reply, 'claims', { area, filters }, async () => json((await withProjects()).listClaims({ ...filters, diseaseArea: area })));
  });

  app.get('/api/graph', cached, async (request, reply) => {
    const { area, format, ...query } = parseQuery(GraphQuery, request.query);
    return responses.send(request, reply, 'graph', { area, format: format ?? 'json', query }, async () => {
      const graph = (await withProjects()).graph({ ...query, diseaseArea: area });
      if (format === 'dot') return { text: toDot(graph), type: 'text/vnd.graphviz; charset=utf-8' };
      return json(format === 'cytoscape' ? toCytoscape(graph) : graph);
    });
  });

  app.get('/api/graph/paths', cached, async (request, reply) => {
    const { from, to, maxLength, none } = parseQuery(PathsQuery, request.query);
    return responses.send(request, reply, 'paths', { from, to, maxLength, none }, async () => {
      const atlas = await withProjects();
      try {
        return json(atlas.graphPaths(from, to, { maxLength }));
      } catch (error) {
        // none=empty (the web app): "no chain" is an answer to show, not a missing page (issue 20: it logged a 404).
        if (none !== 'empty' || !(error instanceof ExoError) || error.code !== 'EXO_ERR_GRAPH_NO_PATH') throw error;
        return json({ from: atlas.getEntity(from).id, to: atlas.getEntity(to).id, paths: [], reason: error.message });
      }
    });
  });

  app.get('/api/map', cached, async (request, reply) => {
    const query = parseQuery(MapQuery, request.query);
    return responses.send(request, reply, 'map', query, async () => json((await withProjects()).evidenceMap(query)));
  });

  app.get('/api/methods', cached, async (request, reply) => {
    parseQuery(NoQuery, request.query);
    return responses.send(request, reply, 'methods', {}, async () => json({ items: (await withProjects()).kb.isolationMethods }));
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
