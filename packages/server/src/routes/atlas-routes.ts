import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Atlas } from '@exoatlas/atlas';
import type { AtlasStore } from '@exoatlas/store';
import type { ResponseCache } from '../delivery/response-cache.js';
import { boolParam, intParam, parseQuery } from '../query.js';

const StudiesQuery = z
  .object({
    diseaseArea: z.string().min(1).optional(),
    condition: z.string().min(1).optional(),
    species: z.string().min(1).optional(),
    cellSource: z.string().min(1).optional(),
    comparator: z.string().min(1).optional(),
    setting: z.string().min(1).optional(),
    vesicle: z.string().min(1).optional(),
    entity: z.string().min(1).optional(),
    inTable1: boolParam.optional(),
    origin: z.enum(['review', 'project']).optional(),
    text: z.string().min(1).optional(),
    limit: intParam(1, 500).optional(),
    offset: intParam(0, 1_000_000).optional(),
  })
  .strict();

const SEARCH_KINDS = ['study', 'reference', 'entity', 'claim', 'isolationMethod', 'fact', 'advantage', 'limitation', 'direction', 'gap', 'biology'] as const;
const SearchQuery = z
  .object({
    q: z.string().max(500),
    kind: z.enum(SEARCH_KINDS).optional(),
    limit: intParam(1, 100).optional(),
    offset: intParam(0, 10_000).optional(),
  })
  .strict();

const NoQuery = z.object({}).strict();

/**
 * The read-only atlas API: health, studies, search, export. Every answer comes from the store's one atlas (`currentAtlas`,
 * store-atlas.ts): the review's records and the studies published from living-review projects, marked by origin.
 */
export function atlasRoutes(app: FastifyInstance, deps: { store: AtlasStore; dataHash?: string; currentAtlas: () => Promise<Atlas>; responses: ResponseCache }): void {
  const { store, responses } = deps;
  const withProjects = deps.currentAtlas;
  // The lists and records below are answered from the response cache (encoded once per query and atlas version).
  const cached = { compress: false } as const;

  app.get('/api/health', async () => {
    const atlas = await withProjects();
    const fromProjects = atlas.kb.studies.filter((s) => s.origin.kind === 'project').length;
    return {
      status: 'ok',
      store: store.backend,
      dataHash: deps.dataHash,
      counts: { studies: atlas.kb.studies.length, studiesFromProjects: fromProjects, references: atlas.kb.references.length, entities: atlas.kb.entities.length, claims: atlas.kb.claims.length },
    };
  });

  app.get('/api/studies', cached, async (request, reply) => {
    const { limit, offset, ...filters } = parseQuery(StudiesQuery, request.query);
    const page = { limit: limit ?? 100, offset: offset ?? 0 };
    return responses.send(request, reply, 'studies', { filters, page }, async () => ({ json: (await withProjects()).listStudies(filters, page) }));
  });

  app.get('/api/studies/facets', cached, async (request, reply) => {
    parseQuery(NoQuery, request.query);
    return responses.send(request, reply, 'facets', {}, async () => ({ json: (await withProjects()).facets() }));
  });

  app.get<{ Params: { id: string } }>('/api/studies/:id', cached, async (request, reply) => {
    parseQuery(NoQuery, request.query);
    const { id } = request.params;
    return responses.send(request, reply, 'study', { id }, async () => {
      const atlas = await withProjects();
      const study = atlas.getStudy(id);
      return { json: { ...study, references: atlas.referencesFor(study.referenceNumbers) } };
    });
  });

  app.get('/api/search', async (request) => {
    const { q, kind, limit, offset } = parseQuery(SearchQuery, request.query);
    return { query: q, ...(await store.search(q, { kinds: kind ? [kind] : undefined, limit: limit ?? 20, offset: offset ?? 0 })) };
  });

  // /api/references and /api/references/:n (JSON, or a citation format) are served by knowledge-routes.ts.

  app.get('/api/export', cached, async (request, reply) => {
    parseQuery(NoQuery, request.query);
    return responses.send(request, reply, 'export', {}, async () => ({ json: (await withProjects()).kb }));
  });
}
