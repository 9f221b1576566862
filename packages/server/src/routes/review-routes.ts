import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ExoError } from '@exoatlas/schema';
import { OUTPUT_FILE_TYPES, OUTPUT_FORMATS } from '@exoatlas/literature';
import { discoveryCurveSvg, prismaCsv, prismaSvg, RECORD_STATUSES, STAGES, type ReviewService, type SearchFile, type User } from '@exoatlas/review';
import { boolParam, intParam, parseQuery } from '../query.js';
import { sessionCookie, sessionToken } from '../security/session-token.js';
import { accountRoutes } from './account-routes.js';
import { screeningLogCsvYielding, writeCitationsYielding } from './write-yielding.js';


const Stage = z.enum(STAGES);
const StageQuery = z.object({ stage: Stage.optional() }).strict();
const NoQuery = z.object({}).strict();
const Status = z.enum(RECORD_STATUSES);
const RecordsQuery = z
  .object({
    stage: Stage.optional(),
    status: Status.optional(),
    sort: z.enum(['id', 'score']).optional(),
    limit: intParam(1, 500).optional(),
    offset: intParam(0, 10_000_000).optional(),
  })
  .strict();
const AuditQuery = z
  .object({ record: intParam(1, Number.MAX_SAFE_INTEGER).optional(), user: z.string().min(1).max(40).optional(), stage: Stage.optional(), limit: intParam(1, 500).optional(), offset: intParam(0, 10_000_000).optional() })
  .strict();
const SvgQuery = z.object({ standalone: boolParam.optional() }).strict();
const ExportQuery = z.object({ format: z.enum(OUTPUT_FORMATS).optional(), stage: Stage.optional(), status: Status.optional() }).strict();

/** The body must be a JSON object; its fields are checked by the review service, which names the bad one. */
function body(request: FastifyRequest): Record<string, unknown> {
  const b = request.body;
  if (b === undefined || b === null || typeof b !== 'object' || Array.isArray(b)) throw new ExoError('EXO_ERR_HTTP_BAD_REQUEST', 'the request body must be a JSON object');
  return b as Record<string, unknown>;
}

function recordId(raw: string): number {
  if (!/^\d+$/.test(raw)) throw new ExoError('EXO_ERR_REVIEW_NOT_FOUND_RECORD', `no record '${raw}'`, { id: raw });
  return Number(raw);
}

/** Bytes of an import's body: 50 MB of files, and base64's third more. */
export const REVIEW_UPLOAD_BODY_LIMIT = 70 * 1024 * 1024;

/** Files of an import request: `{name, content}` (text) or `{name, contentBase64}` (bytes, for any encoding). */
function searchFiles(value: unknown): SearchFile[] {
  if (!Array.isArray(value) || value.length === 0) throw new ExoError('EXO_ERR_REVIEW_INVALID_INPUT', 'files must be a non-empty list of {name, content} or {name, contentBase64}', { field: 'files' });
  return value.map((f, i) => {
    const file = f as { name?: unknown; content?: unknown; contentBase64?: unknown };
    if (typeof file?.name !== 'string' || file.name.trim() === '') throw new ExoError('EXO_ERR_REVIEW_INVALID_INPUT', `files[${i}].name is required`, { field: `files[${i}].name` });
    if (typeof file.content === 'string') return { name: file.name, data: file.content };
    if (typeof file.contentBase64 === 'string') return { name: file.name, data: new Uint8Array(Buffer.from(file.contentBase64, 'base64')) };
    throw new ExoError('EXO_ERR_REVIEW_INVALID_INPUT', `files[${i}] needs content (text) or contentBase64`, { field: `files[${i}]` });
  });
}

/**
 * The living-review API under /api/reviews: accounts and sessions, projects and members, search imports, screening
 * (next record, decisions with expectedVersion, conflicts and resolutions), agreement, PRISMA (JSON, SVG, CSV) and the
 * audit log. Every route needs a session; non-members get 404, members without the right role 403.
 */
export function reviewRoutes(app: FastifyInstance, deps: { reviews: ReviewService }): void {
  const service = deps.reviews;
  const actor = (request: FastifyRequest): Promise<User | undefined> => service.authenticate(sessionToken(request));
  const created = <T>(reply: FastifyReply, value: T): T => {
    void reply.status(201);
    return value;
  };

  // ---------------------------------------------------------------- accounts and sessions (sign-in and the account lifecycle: account-routes.ts)
  accountRoutes(app, service, { actor, token: sessionToken, cookie: (request, token, maxAge) => sessionCookie(token, maxAge, request.protocol === 'https') });
  app.post('/api/reviews/auth/logout', async (request, reply) => {
    await service.logout(sessionToken(request));
    void reply.header('set-cookie', sessionCookie('', 0, request.protocol === 'https'));
    return reply.status(204).send();
  });

  app.get('/api/reviews/auth/me', async (request) => {
    parseQuery(NoQuery, request.query);
    return { user: service.requireUser(await actor(request)) };
  });

  app.post('/api/reviews/users', async (request, reply) => created(reply, { user: await service.createUser(await actor(request), body(request)) }));

  // ---------------------------------------------------------------- projects
  app.get('/api/reviews', async (request) => {
    parseQuery(NoQuery, request.query);
    return { items: await service.listProjects(await actor(request)) };
  });

  app.post('/api/reviews', async (request, reply) => created(reply, await service.createProject(await actor(request), body(request))));

  app.get<{ Params: { project: string } }>('/api/reviews/:project', async (request) => {
    parseQuery(NoQuery, request.query);
    return service.getProject(await actor(request), request.params.project);
  });

  app.patch<{ Params: { project: string } }>('/api/reviews/:project', async (request) => service.updateProject(await actor(request), request.params.project, body(request)));

  app.post<{ Params: { project: string } }>('/api/reviews/:project/members', async (request) => ({ members: await service.addMember(await actor(request), request.params.project, body(request)) }));

  // An upload: search exports as text or base64, so the body may be as large as a literature import's.
  app.post<{ Params: { project: string } }>('/api/reviews/:project/searches', { bodyLimit: REVIEW_UPLOAD_BODY_LIMIT }, async (request, reply) => {
    const b = body(request);
    // The role is checked before any file is parsed: a viewer's or a stranger's upload is refused unread.
    return created(reply, await service.importSearches(await actor(request), request.params.project, searchFiles(b.files), b));
  });

  app.get<{ Params: { project: string } }>('/api/reviews/:project/searches', async (request) => {
    parseQuery(NoQuery, request.query);
    return { items: (await service.getProject(await actor(request), request.params.project)).searches };
  });

  // ---------------------------------------------------------------- screening
  app.get<{ Params: { project: string } }>('/api/reviews/:project/records', async (request) => {
    const q = parseQuery(RecordsQuery, request.query);
    return service.listRecords(await actor(request), request.params.project, q);
  });

  app.get<{ Params: { project: string; record: string } }>('/api/reviews/:project/records/:record', async (request) => {
    parseQuery(NoQuery, request.query);
    return service.getRecord(await actor(request), request.params.project, recordId(request.params.record));
  });

  app.get<{ Params: { project: string } }>('/api/reviews/:project/next', async (request) => {
    const { stage } = parseQuery(StageQuery, request.query);
    return service.next(await actor(request), request.params.project, stage);
  });

  app.post<{ Params: { project: string; record: string } }>('/api/reviews/:project/records/:record/decisions', async (request, reply) =>
    created(reply, await service.decide(await actor(request), request.params.project, recordId(request.params.record), body(request))),
  );

  app.post<{ Params: { project: string } }>('/api/reviews/:project/screening/stop', async (request) => service.stopScreening(await actor(request), request.params.project, request.body === undefined ? {} : body(request)));
  app.get<{ Params: { project: string } }>('/api/reviews/:project/screening/curve.svg', async (request, reply) => {
    parseQuery(NoQuery, request.query);
    const { sequence, total, pending } = await service.discovery(await actor(request), request.params.project);
    return reply.type('image/svg+xml; charset=utf-8').send(discoveryCurveSvg(sequence, total, pending));
  });
  app.post<{ Params: { project: string } }>('/api/reviews/:project/screening/resume', async (request) => service.resumeScreening(await actor(request), request.params.project));

  app.put<{ Params: { project: string; record: string } }>('/api/reviews/:project/records/:record/retrieval', async (request) => {
    const b = body(request);
    if (typeof b.isNotRetrieved !== 'boolean') throw new ExoError('EXO_ERR_REVIEW_INVALID_INPUT', 'isNotRetrieved must be true or false', { field: 'isNotRetrieved' });
    return service.setNotRetrieved(await actor(request), request.params.project, recordId(request.params.record), b.isNotRetrieved);
  });

  app.get<{ Params: { project: string } }>('/api/reviews/:project/conflicts', async (request) => {
    const { stage } = parseQuery(StageQuery, request.query);
    return service.conflicts(await actor(request), request.params.project, stage);
  });

  app.post<{ Params: { project: string; record: string } }>('/api/reviews/:project/records/:record/resolution', async (request, reply) =>
    created(reply, await service.resolve(await actor(request), request.params.project, recordId(request.params.record), body(request))),
  );

  // ---------------------------------------------------------------- reports
  app.get<{ Params: { project: string } }>('/api/reviews/:project/agreement', async (request) => {
    const { stage } = parseQuery(StageQuery, request.query);
    return { items: await service.agreement(await actor(request), request.params.project, stage) };
  });

  app.get<{ Params: { project: string } }>('/api/reviews/:project/prisma', async (request) => {
    parseQuery(NoQuery, request.query);
    return service.prisma(await actor(request), request.params.project);
  });

  app.get<{ Params: { project: string } }>('/api/reviews/:project/prisma.svg', async (request, reply) => {
    const { standalone } = parseQuery(SvgQuery, request.query);
    const svg = prismaSvg(await service.prisma(await actor(request), request.params.project), { isStandalone: standalone ?? false });
    return reply.type('image/svg+xml; charset=utf-8').send(svg);
  });

  app.get<{ Params: { project: string } }>('/api/reviews/:project/prisma.csv', async (request, reply) => {
    parseQuery(NoQuery, request.query);
    const csv = prismaCsv(await service.prisma(await actor(request), request.params.project));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${request.params.project}-prisma.csv"`).send(csv);
  });

  app.get<{ Params: { project: string } }>('/api/reviews/:project/export', async (request, reply) => {
    const { format = 'ris', stage = 'full-text', status = 'included' } = parseQuery(ExportQuery, request.query);
    const items = await service.exportRecords(await actor(request), request.params.project, { stage, status });
    const { mediaType, extension } = OUTPUT_FILE_TYPES[format];
    const name = `${request.params.project}-${stage}-${status}.${extension}`;
    return reply.type(`${mediaType}; charset=utf-8`).header('content-disposition', `attachment; filename="${name}"`).send(await writeCitationsYielding(items.map((i) => i.citation), format));
  });

  app.get<{ Params: { project: string } }>('/api/reviews/:project/screening-log.csv', async (request, reply) => {
    parseQuery(NoQuery, request.query);
    const csv = await screeningLogCsvYielding((await service.exportRecords(await actor(request), request.params.project)).map((i) => i.view));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${request.params.project}-screening-log.csv"`).send(csv);
  });

  app.get<{ Params: { project: string } }>('/api/reviews/:project/audit', async (request) => {
    const q = parseQuery(AuditQuery, request.query);
    return service.audit(await actor(request), request.params.project, { recordId: q.record, username: q.user, stage: q.stage, limit: q.limit, offset: q.offset });
  });
}
