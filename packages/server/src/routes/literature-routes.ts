import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CITATION_FORMATS } from '@exoatlas/literature';
import { ExoError, isCalendarDate } from '@exoatlas/schema';
import type { LiteratureStore } from '@exoatlas/store';
import { boolParam, intParam, parseQuery } from '../query.js';

/** The media types POST /api/imports takes besides JSON (the origin check allows exactly these). */
export const UPLOAD_TYPES = ['text/plain', 'text/csv', 'text/tab-separated-values', 'text/xml', 'application/xml', 'application/octet-stream', 'application/x-research-info-systems', 'application/x-bibtex', 'application/vnd.citationstyles.csl+json'];

const ImportQuery = z
  .object({
    fileName: z.string().min(1).max(300),
    database: z.string().min(1).max(100).optional(),
    date: z.string().refine((d) => isCalendarDate(d, { allowPartial: true }), 'must be a real date like 2026-11-01 (or 2026-11, 2026)').optional(),
    query: z.string().max(20_000).optional(),
    format: z.enum(CITATION_FORMATS).optional(),
  })
  .strict();

const RecordsQuery = z
  .object({
    q: z.string().min(1).max(500).optional(),
    importId: intParam(1, Number.MAX_SAFE_INTEGER).optional(),
    database: z.string().min(1).optional(),
    yearFrom: intParam(1000, 3000).optional(),
    yearTo: intParam(1000, 3000).optional(),
    hasDoi: boolParam.optional(),
    flag: z.enum(['missing-title', 'unparsed-year', 'preprint', 'empty-record']).optional(),
    limit: intParam(1, 500).optional(),
    offset: intParam(0, 10_000_000).optional(),
  })
  .strict();

const NoQuery = z.object({}).strict();

/** Literature imports: upload a search export (any supported format), list and search the imported records. */
export function literatureRoutes(app: FastifyInstance, literature: LiteratureStore): void {
  app.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.post('/api/imports', async (request, reply) => {
    const provenance = parseQuery(ImportQuery, request.query);
    const body = request.body;
    const content = Buffer.isBuffer(body) ? new Uint8Array(body) : body !== undefined && body !== null ? JSON.stringify(body) : undefined;
    if (content === undefined || content.length === 0) {
      throw new ExoError('EXO_ERR_LIT_EMPTY_FILE', `${provenance.fileName}: the upload is empty; send the file's content as the request body`, { file: provenance.fileName });
    }
    const summary = await literature.importFile(content, provenance, { format: provenance.format });
    return reply.status(201).send(summary);
  });

  app.get('/api/imports', async (request) => {
    parseQuery(NoQuery, request.query);
    return { items: await literature.listImports() };
  });

  app.get<{ Params: { id: string } }>('/api/imports/:id', async (request) => literature.getImport(Number(request.params.id)));

  app.get('/api/records', async (request) => {
    const filters = parseQuery(RecordsQuery, request.query);
    return literature.searchRecords(filters);
  });

  app.get<{ Params: { id: string } }>('/api/records/:id', async (request) => literature.getRecord(Number(request.params.id)));
}
