import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CITATION_FORMATS } from '@exoatlas/literature';
import { ExoError, isCalendarDate } from '@exoatlas/schema';
import type { ImportSummary, LiteratureStore } from '@exoatlas/store';
import { boolParam, intParam, parseQuery } from '../query.js';
import { WORKER_BUSY_TIMEOUT_MS, type Jobs } from '../workers/budgets.js';
import type { JobQueue } from '../jobs/index.js';

/** The media types POST /api/imports takes besides JSON (the origin check allows exactly these). */
export const UPLOAD_TYPES = ['text/plain', 'text/csv', 'text/tab-separated-values', 'text/xml', 'application/xml', 'application/octet-stream', 'application/x-research-info-systems', 'application/x-bibtex', 'application/vnd.citationstyles.csl+json'];

const ImportQuery = z
  .object({
    fileName: z.string().min(1).max(300),
    database: z.string().min(1).max(100).optional(),
    date: z.string().refine((d) => isCalendarDate(d, { allowPartial: true }), 'must be a real date like 2026-11-01 (or 2026-11, 2026)').optional(),
    query: z.string().max(20_000).optional(),
    format: z.enum(CITATION_FORMATS).optional(),
    /** Queue the import (202 and a job to poll) instead of answering when it is written; see IMPORT_JOB. */
    async: boolParam.optional(),
  })
  .strict();

/** The queue's name for literature imports: on PostgreSQL whichever server process is free runs each, once. */
export const IMPORT_JOB = 'literature-import';

type Provenance = Omit<z.infer<typeof ImportQuery>, 'async'>;

/** An import as queued: the upload travels in the job (base64), so any process can run it. */
interface ImportJobData {
  content: string;
  provenance: Provenance;
}

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
export function literatureRoutes(app: FastifyInstance, { literature, databaseUrl }: { literature: LiteratureStore; databaseUrl: string | undefined }, jobs: Jobs, queue: JobQueue): void {
  app.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  // Reading a file runs in the worker pool; only the insert runs on the request thread.
  const runImport = async (content: Uint8Array | string, provenance: Provenance): Promise<ImportSummary> => {
    const { fileName, format } = provenance;
    const timeout = jobs.budgets.importTimeoutMs;
    // A database the worker can open (a file, PostgreSQL) is written by the worker itself, so records never cross back
    // to this thread; an in-memory one is written here.
    return databaseUrl !== undefined && jobs.pool.isPooled
      ? jobs.pool.run('import', { content, fileName, format, provenance, databaseUrl, busyTimeoutMs: WORKER_BUSY_TIMEOUT_MS }, timeout)
      : literature.importParsed(await jobs.pool.run('parse', { content, fileName, format }, timeout), provenance);
  };
  const working = queue.work<ImportJobData, ImportSummary>(IMPORT_JOB, (data) => runImport(new Uint8Array(Buffer.from(data.content, 'base64')), data.provenance));
  app.addHook('onReady', async () => {
    await working;
  });

  // The one route with a large body: a search export.
  app.post('/api/imports', { bodyLimit: jobs.budgets.importMaxBytes }, async (request, reply) => {
    const { async: isQueued, ...provenance } = parseQuery(ImportQuery, request.query);
    const body = request.body;
    const content = Buffer.isBuffer(body) ? new Uint8Array(body.buffer, body.byteOffset, body.byteLength) : body !== undefined && body !== null ? JSON.stringify(body) : undefined;
    if (content === undefined || content.length === 0) {
      throw new ExoError('EXO_ERR_LIT_EMPTY_FILE', `${provenance.fileName}: the upload is empty; send the file's content as the request body`, { file: provenance.fileName });
    }
    if (!isQueued) return reply.status(201).send(await runImport(content, provenance));
    await working;
    const id = await queue.enqueue<ImportJobData>(IMPORT_JOB, { content: Buffer.from(content).toString('base64'), provenance });
    return reply.status(202).header('location', `/api/imports/jobs/${id}`).send({ id, state: 'created' });
  });

  // A queued import's state, from any server process: created, active, completed (with the import) or failed (with the error).
  app.get<{ Params: { jobId: string } }>('/api/imports/jobs/:jobId', async (request) => {
    const status = await queue.status<ImportSummary>(IMPORT_JOB, request.params.jobId);
    if (!status) throw new ExoError('EXO_ERR_NOT_FOUND_IMPORT', `no queued import ${request.params.jobId}`, { id: request.params.jobId });
    return { id: status.id, state: status.state, import: status.result, error: status.error };
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
