import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ExoError } from '@exoatlas/schema';
import { OUTPUT_FILE_TYPES, OUTPUT_FORMATS, writeCitations } from '@exoatlas/literature';
import { prismaCsv, prismaSvg, RECORD_STATUSES, screeningLogCsv, ReviewService, SESSION_COOKIE, SESSION_DAYS, STAGES, type SearchFile, type User } from '@exoatlas/review';
import { SqliteReviewStore, type AtlasStore, type SqliteDatabase } from '@exoatlas/store';
import { boolParam, intParam, parseQuery } from '../query.js';

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

/** The session token: the `exoatlas_session` cookie, or `Authorization: Bearer <token>`. */
export function sessionToken(request: FastifyRequest): string | undefined {
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim() || undefined;
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

function sessionCookie(token: string, maxAge: number, isSecure: boolean): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${isSecure ? '; Secure' : ''}`;
}

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

/** The review service over the app's SQLite database (the store's `db`), unless one is given; none for other stores. */
function serviceFor(deps: { store: AtlasStore; reviews?: ReviewService }): ReviewService | undefined {
  if (deps.reviews) return deps.reviews;
  const db = (deps.store as AtlasStore & { db?: SqliteDatabase }).db;
  return db ? new ReviewService(new SqliteReviewStore(db), { schedule: (task) => setImmediate(task) }) : undefined;
}

/**
 * The living-review API under /api/reviews: accounts and sessions, projects and members, search imports, screening
 * (next record, decisions with expectedVersion, conflicts and resolutions), agreement, PRISMA (JSON, SVG, CSV) and the
 * audit log. Every route needs a session; non-members get 404, members without the right role 403.
 */
export function reviewRoutes(app: FastifyInstance, deps: { store: AtlasStore; reviews?: ReviewService }): void {
  const service = serviceFor(deps);
  if (!service) return;
  const actor = (request: FastifyRequest): User | undefined => service.authenticate(sessionToken(request));
  const created = <T>(reply: FastifyReply, value: T): T => {
    void reply.status(201);
    return value;
  };

  // ---------------------------------------------------------------- accounts and sessions
  app.post('/api/reviews/auth/login', async (request, reply) => {
    const b = body(request);
    const { token, user, expiresAt } = await service.login(b.username, b.password);
    void reply.header('set-cookie', sessionCookie(token, SESSION_DAYS * 86_400, request.protocol === 'https'));
    return { user, token, expiresAt };
  });

  app.post('/api/reviews/auth/logout', async (request, reply) => {
    service.logout(sessionToken(request));
    void reply.header('set-cookie', sessionCookie('', 0, request.protocol === 'https'));
    return reply.status(204).send();
  });

  app.get('/api/reviews/auth/me', async (request) => {
    parseQuery(NoQuery, request.query);
    return { user: service.requireUser(actor(request)) };
  });

  app.post('/api/reviews/users', async (request, reply) => created(reply, { user: await service.createUser(actor(request), body(request)) }));

  // ---------------------------------------------------------------- projects
  app.get('/api/reviews', async (request) => {
    parseQuery(NoQuery, request.query);
    return { items: service.listProjects(actor(request)) };
  });

  app.post('/api/reviews', async (request, reply) => created(reply, service.createProject(actor(request), body(request))));

  app.get<{ Params: { project: string } }>('/api/reviews/:project', async (request) => {
    parseQuery(NoQuery, request.query);
    return service.getProject(actor(request), request.params.project);
  });

  app.patch<{ Params: { project: string } }>('/api/reviews/:project', async (request) => service.updateProject(actor(request), request.params.project, body(request)));

  app.post<{ Params: { project: string } }>('/api/reviews/:project/members', async (request) => ({ members: service.addMember(actor(request), request.params.project, body(request)) }));

  app.post<{ Params: { project: string } }>('/api/reviews/:project/searches', async (request, reply) => {
    const b = body(request);
    // The role is checked before any file is parsed: a viewer's or a stranger's upload is refused unread.
    return created(reply, await service.importSearches(actor(request), request.params.project, searchFiles(b.files), b));
  });

  app.get<{ Params: { project: string } }>('/api/reviews/:project/searches', async (request) => {
    parseQuery(NoQuery, request.query);
    return { items: service.getProject(actor(request), request.params.project).searches };
  });

  // ---------------------------------------------------------------- screening
  app.get<{ Params: { project: string } }>('/api/reviews/:project/records', async (request) => {
    const q = parseQuery(RecordsQuery, request.query);
    return service.listRecords(actor(request), request.params.project, q);
  });

  app.get<{ Params: { project: string; record: string } }>('/api/reviews/:project/records/:record', async (request) => {
    parseQuery(NoQuery, request.query);
    return service.getRecord(actor(request), request.params.project, recordId(request.params.record));
  });

  app.get<{ Params: { project: string } }>('/api/reviews/:project/next', async (request) => {
    const { stage } = parseQuery(StageQuery, request.query);
    return service.next(actor(request), request.params.project, stage);
  });

  app.post<{ Params: { project: string; record: string } }>('/api/reviews/:project/records/:record/decisions', async (request, reply) =>
    created(reply, service.decide(actor(request), request.params.project, recordId(request.params.record), body(request))),
  );

  app.post<{ Params: { project: string } }>('/api/reviews/:project/screening/stop', async (request) => service.stopScreening(actor(request), request.params.project, request.body === undefined ? {} : body(request)));
  app.post<{ Params: { project: string } }>('/api/reviews/:project/screening/resume', async (request) => service.resumeScreening(actor(request), request.params.project));

  app.put<{ Params: { project: string; record: string } }>('/api/reviews/:project/records/:record/retrieval', async (request) => {
    const b = body(request);
    if (typeof b.isNotRetrieved !== 'boolean') throw new ExoError('EXO_ERR_REVIEW_INVALID_INPUT', 'isNotRetrieved must be true or false', { field: 'isNotRetrieved' });
    return service.setNotRetrieved(actor(request), request.params.project, recordId(request.params.record), b.isNotRetrieved);
  });

  app.get<{ Params: { project: string } }>('/api/reviews/:project/conflicts', async (request) => {
    const { stage } = parseQuery(StageQuery, request.query);
    return service.conflicts(actor(request), request.params.project, stage);
  });

  app.post<{ Params: { project: string; record: string } }>('/api/reviews/:project/records/:record/resolution', async (request, reply) =>
    created(reply, service.resolve(actor(request), request.params.project, recordId(request.params.record), body(request))),
  );

  // ---------------------------------------------------------------- reports
  app.get<{ Params: { project: string } }>('/api/reviews/:project/agreement', async (request) => {
    const { stage } = parseQuery(StageQuery, request.query);
    return { items: service.agreement(actor(request), request.params.project, stage) };
  });

  app.get<{ Params: { project: string } }>('/api/reviews/:project/prisma', async (request) => {
    parseQuery(NoQuery, request.query);
    return service.prisma(actor(request), request.params.project);
  });

  app.get<{ Params: { project: string } }>('/api/reviews/:project/prisma.svg', async (request, reply) => {
    const { standalone } = parseQuery(SvgQuery, request.query);
    const svg = prismaSvg(service.prisma(actor(request), request.params.project), { isStandalone: standalone ?? false });
    return reply.type('image/svg+xml; charset=utf-8').send(svg);
  });

  app.get<{ Params: { project: string } }>('/api/reviews/:project/prisma.csv', async (request, reply) => {
    parseQuery(NoQuery, request.query);
    const csv = prismaCsv(service.prisma(actor(request), request.params.project));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${request.params.project}-prisma.csv"`).send(csv);
  });

  app.get<{ Params: { project: string } }>('/api/reviews/:project/export', async (request, reply) => {
    const { format = 'ris', stage = 'full-text', status = 'included' } = parseQuery(ExportQuery, request.query);
    const items = service.exportRecords(actor(request), request.params.project, { stage, status });
    const { mediaType, extension } = OUTPUT_FILE_TYPES[format];
    const name = `${request.params.project}-${stage}-${status}.${extension}`;
    return reply.type(`${mediaType}; charset=utf-8`).header('content-disposition', `attachment; filename="${name}"`).send(writeCitations(items.map((i) => i.citation), format));
  });

  app.get<{ Params: { project: string } }>('/api/reviews/:project/screening-log.csv', async (request, reply) => {
    parseQuery(NoQuery, request.query);
    const csv = screeningLogCsv(service.exportRecords(actor(request), request.params.project).map((i) => i.view));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${request.params.project}-screening-log.csv"`).send(csv);
  });

  app.get<{ Params: { project: string } }>('/api/reviews/:project/audit', async (request) => {
    const q = parseQuery(AuditQuery, request.query);
    return service.audit(actor(request), request.params.project, { recordId: q.record, username: q.user, stage: q.stage, limit: q.limit, offset: q.offset });
  });
}

// ---------------------------------------------------------------- OpenAPI

const json = (schema: unknown, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const err = (description: string) => json({ $ref: '#/components/schemas/Error' }, description);
const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: 'object', properties, ...(required.length ? { required } : {}) });
const str = { type: 'string' };
const int = { type: 'integer' };
const kappaCi = (description: string) => ({ type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2, description });
const projectParam = { name: 'project', in: 'path', required: true, schema: str, description: 'Project id (kebab-case)' };
const recordParam = { name: 'record', in: 'path', required: true, schema: int, description: 'Record id within the project' };
const stageParam = { name: 'stage', in: 'query', required: false, schema: { type: 'string', enum: [...STAGES] }, description: 'Screening stage (default title-abstract)' };
const secured = { security: [{ session: [] }, { bearer: [] }] };
const common = { 401: err('Not signed in (EXO_ERR_AUTH_REQUIRED)'), 404: err('No such project for you, or no such record (EXO_ERR_REVIEW_NOT_FOUND_*)') };
const writes = { ...common, 400: err('Malformed input (EXO_ERR_REVIEW_INVALID_INPUT, EXO_ERR_HTTP_BAD_REQUEST)'), 403: err('Your role does not allow this (EXO_ERR_AUTH_FORBIDDEN)') };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const requestBody = (schema: unknown) => ({ required: true, content: { 'application/json': { schema } } });

/** The /api/reviews paths for the OpenAPI document. */
export const REVIEW_OPENAPI_PATHS: Record<string, unknown> = {
  '/api/reviews/auth/login': {
    post: {
      summary: 'Sign in: sets the exoatlas_session cookie (HttpOnly, SameSite=Lax) and returns the token for Authorization: Bearer',
      operationId: 'reviewLogin',
      tags: ['reviews'],
      requestBody: requestBody(obj({ username: str, password: str }, ['username', 'password'])),
      responses: { 200: json(obj({ user: ref('ReviewUser'), token: str, expiresAt: str })), 401: err('Wrong user name or password (EXO_ERR_AUTH_INVALID_CREDENTIALS)') },
    },
  },
  '/api/reviews/auth/logout': { post: { summary: 'Sign out (ends the session)', operationId: 'reviewLogout', tags: ['reviews'], responses: { 204: { description: 'Signed out' } } } },
  '/api/reviews/auth/me': { get: { summary: 'The signed-in user', operationId: 'reviewMe', tags: ['reviews'], ...secured, responses: { 200: json(obj({ user: ref('ReviewUser') })), 401: common[401] } } },
  '/api/reviews/users': {
    post: {
      summary: 'Create a user account (the first account needs no sign-in and becomes an admin; then admins only)',
      operationId: 'reviewCreateUser',
      tags: ['reviews'],
      ...secured,
      requestBody: requestBody(obj({ username: str, password: { type: 'string', minLength: 8 }, displayName: str, isAdmin: { type: 'boolean' } }, ['username', 'password'])),
      responses: { 201: json(obj({ user: ref('ReviewUser') })), 400: err('Malformed name or weak password (EXO_ERR_AUTH_WEAK_PASSWORD)'), 401: common[401], 403: err('Not an admin'), 409: err('User exists (EXO_ERR_AUTH_USER_EXISTS)') },
    },
  },
  '/api/reviews': {
    get: { summary: 'Your review projects with your role', operationId: 'listReviews', tags: ['reviews'], ...secured, responses: { 200: json(obj({ items: { type: 'array', items: ref('ReviewProject') } })), 401: common[401] } },
    post: {
      summary: 'Create a review project (you become its owner)',
      operationId: 'createReview',
      tags: ['reviews'],
      ...secured,
      requestBody: requestBody(obj({ id: str, name: str, question: str, criteria: ref('ReviewCriteria'), mode: { type: 'string', enum: ['single', 'dual'] }, exclusionReasons: obj({ 'title-abstract': { type: 'array', items: str }, 'full-text': { type: 'array', items: str } }) }, ['name'])),
      responses: { 201: json(ref('ReviewProject')), ...writes, 409: err('Project id taken (EXO_ERR_REVIEW_PROJECT_EXISTS)') },
    },
  },
  '/api/reviews/{project}': {
    get: { summary: 'Project dashboard: project, your role, members, searches, progress per stage', operationId: 'getReview', tags: ['reviews'], ...secured, parameters: [projectParam], responses: { 200: json(obj({ project: ref('ReviewProject'), role: str, members: { type: 'array' }, searches: { type: 'array' }, progress: { type: 'object' }, excludedByAutomation: { ...int, description: 'Records nobody screened before the owner stopped title/abstract screening' } })), ...common } },
    patch: { summary: 'Change name, question, criteria, mode or exclusion reasons (owners)', operationId: 'updateReview', tags: ['reviews'], ...secured, parameters: [projectParam], requestBody: requestBody({ type: 'object' }), responses: { 200: json(ref('ReviewProject')), ...writes } },
  },
  '/api/reviews/{project}/members': {
    post: { summary: 'Add a member or change a role (owners)', operationId: 'setReviewMember', tags: ['reviews'], ...secured, parameters: [projectParam], requestBody: requestBody(obj({ username: str, role: { type: 'string', enum: ['owner', 'reviewer', 'viewer'] } }, ['username', 'role'])), responses: { 200: json(obj({ members: { type: 'array' } })), ...writes } },
  },
  '/api/reviews/{project}/searches': {
    get: { summary: 'Imported searches with provenance and de-duplication counts', operationId: 'listReviewSearches', tags: ['reviews'], ...secured, parameters: [projectParam], responses: { 200: json(obj({ items: { type: 'array' } })), ...common } },
    post: {
      summary: 'Import search exports (RIS, PubMed XML, nbib, BibTeX, CSV, CSL-JSON) with provenance; de-duplicated; one transaction (owners)',
      operationId: 'importReviewSearches',
      tags: ['reviews'],
      ...secured,
      parameters: [projectParam],
      requestBody: requestBody(obj({ database: str, date: { type: 'string', format: 'date' }, query: str, files: { type: 'array', items: obj({ name: str, content: str, contentBase64: str }, ['name']) } }, ['database', 'date', 'files'])),
      responses: { 201: json(obj({ searches: { type: 'array' }, identified: int, duplicates: int, added: int, warnings: { type: 'array', items: str } })), ...writes, 415: err('Unknown file format (EXO_ERR_LIT_UNKNOWN_FORMAT)') },
    },
  },
  '/api/reviews/{project}/records': {
    get: {
      summary: 'Records with your view of each stage (blinded in dual screening) and the relevance score',
      operationId: 'listReviewRecords',
      tags: ['reviews'],
      ...secured,
      parameters: [projectParam, stageParam, { name: 'status', in: 'query', schema: { type: 'string', enum: [...RECORD_STATUSES] } }, { name: 'sort', in: 'query', schema: { type: 'string', enum: ['id', 'score'] } }, { name: 'limit', in: 'query', schema: int }, { name: 'offset', in: 'query', schema: int }],
      responses: { 200: json(obj({ total: int, items: { type: 'array', items: ref('ReviewRecord') } })), ...common },
    },
  },
  '/api/reviews/{project}/records/{record}': { get: { summary: 'One record', operationId: 'getReviewRecord', tags: ['reviews'], ...secured, parameters: [projectParam, recordParam], responses: { 200: json(ref('ReviewRecord')), ...common } } },
  '/api/reviews/{project}/next': {
    get: {
      summary: 'The next record for you: highest-ranked undecided one with its score, the criteria, progress and stopping guidance (record null when done)',
      operationId: 'nextReviewRecord',
      tags: ['reviews'],
      ...secured,
      parameters: [projectParam, stageParam],
      responses: { 200: json(obj({ record: { oneOf: [ref('ReviewRecord'), { type: 'null' }] }, question: str, criteria: ref('ReviewCriteria'), exclusionReasons: { type: 'array', items: str }, progress: { type: 'object' }, ranking: { oneOf: [obj({ basis: { type: 'string', enum: ['model', 'query'] }, millis: { type: 'number' }, description: str }), { type: 'null' }] }, stopping: { oneOf: [ref('ReviewStoppingGuidance'), { type: 'null' }] } })), ...common },
    },
  },
  '/api/reviews/{project}/records/{record}/decisions': {
    post: {
      summary: 'Record your decision; expectedVersion is the version of your last decision on it that the form showed (0 if none)',
      operationId: 'decideReviewRecord',
      tags: ['reviews'],
      ...secured,
      parameters: [projectParam, recordParam],
      requestBody: requestBody(obj({ stage: { type: 'string', enum: [...STAGES] }, decision: { type: 'string', enum: ['include', 'exclude', 'maybe'] }, reason: str, note: str, expectedVersion: int }, ['decision', 'expectedVersion'])),
      responses: { 201: json(obj({ decision: ref('ReviewDecision'), record: ref('ReviewRecord') })), ...writes, 409: err('Stale form (EXO_ERR_REVIEW_STALE_DECISION: context.currentVersion) or record not at that stage (EXO_ERR_REVIEW_NOT_ELIGIBLE)') },
    },
  },
  '/api/reviews/{project}/screening/stop': {
    post: {
      summary: 'Stop prioritised title/abstract screening (owners): every record nobody has screened counts as excluded by automation tools in PRISMA; the stopping guidance at that moment and the note go into the audit log',
      operationId: 'stopReviewScreening',
      tags: ['reviews'],
      ...secured,
      parameters: [projectParam],
      requestBody: requestBody(obj({ note: { type: 'string', description: 'Why screening stopped (for example the stopping rule met), kept in the audit log' } })),
      responses: { 200: json(obj({ excluded: { ...int, description: 'Records excluded by automation tools' }, stopping: ref('ReviewStoppingGuidance') }, ['excluded', 'stopping'])), ...writes, 409: err('Every record has been screened') },
    },
  },
  '/api/reviews/{project}/screening/resume': {
    post: {
      summary: 'Resume title/abstract screening (owners): the records excluded by automation go back to the queue',
      operationId: 'resumeReviewScreening',
      tags: ['reviews'],
      ...secured,
      parameters: [projectParam],
      responses: { 200: json(obj({ restored: int }, ['restored'])), ...writes, 409: err('Screening was not stopped') },
    },
  },
  '/api/reviews/{project}/records/{record}/retrieval': {
    put: { summary: 'Mark a sought full text as not retrieved (or retrieved again)', operationId: 'setReviewRetrieval', tags: ['reviews'], ...secured, parameters: [projectParam, recordParam], requestBody: requestBody(obj({ isNotRetrieved: { type: 'boolean' } }, ['isNotRetrieved'])), responses: { 200: json(ref('ReviewRecord')), ...writes, 409: err('Not included on title/abstract') } },
  },
  '/api/reviews/{project}/conflicts': { get: { summary: 'Records in conflict at a stage, with both decisions', operationId: 'listReviewConflicts', tags: ['reviews'], ...secured, parameters: [projectParam, stageParam], responses: { 200: json(obj({ stage: str, items: { type: 'array' } })), ...common } } },
  '/api/reviews/{project}/records/{record}/resolution': {
    post: {
      summary: 'Resolve a conflict: by a third reviewer or by discussion; recorded with who and how',
      operationId: 'resolveReviewConflict',
      tags: ['reviews'],
      ...secured,
      parameters: [projectParam, recordParam],
      requestBody: requestBody(obj({ stage: { type: 'string', enum: [...STAGES] }, decision: { type: 'string', enum: ['include', 'exclude'] }, reason: str, method: { type: 'string', enum: ['third-reviewer', 'discussion'] }, note: str }, ['decision'])),
      responses: { 201: json({ type: 'object' }), ...writes, 409: err('Not in conflict (EXO_ERR_REVIEW_NOT_ELIGIBLE)') },
    },
  },
  '/api/reviews/{project}/agreement': {
    get: {
      summary: "Percent agreement and Cohen's kappa per stage, pooled and per reviewer pair (with each pair's cross-table)",
      operationId: 'reviewAgreement',
      tags: ['reviews'],
      ...secured,
      parameters: [projectParam, stageParam],
      responses: { 200: json(obj({ items: { type: 'array', items: ref('ReviewAgreement') } }, ['items'])), ...common },
    },
  },
  '/api/reviews/{project}/prisma': { get: { summary: 'PRISMA 2020 flow counts', operationId: 'reviewPrisma', tags: ['reviews'], ...secured, parameters: [projectParam], responses: { 200: json(ref('PrismaCounts')), ...common } } },
  '/api/reviews/{project}/prisma.svg': {
    get: {
      summary: 'PRISMA 2020 flow diagram as SVG (standalone=true: PNG-ready, styles inlined, white background, 2× pixels)',
      operationId: 'reviewPrismaSvg',
      tags: ['reviews'],
      ...secured,
      parameters: [projectParam, { name: 'standalone', in: 'query', schema: { type: 'string', enum: ['true', 'false'] } }],
      responses: { 200: { description: 'SVG', content: { 'image/svg+xml': { schema: str } } }, ...common },
    },
  },
  '/api/reviews/{project}/prisma.csv': { get: { summary: "PRISMA counts as CSV in the PRISMA2020 tool's layout", operationId: 'reviewPrismaCsv', tags: ['reviews'], ...secured, parameters: [projectParam], responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: str } } }, ...common } } },
  '/api/reviews/{project}/export': {
    get: {
      summary: 'Records with one outcome at a stage (by default the included studies: full-text, included) as RIS, BibTeX, CSL-JSON or CSV, for a reference manager',
      operationId: 'exportReviewRecords',
      tags: ['reviews'],
      ...secured,
      parameters: [
        projectParam,
        { name: 'format', in: 'query', schema: { type: 'string', enum: [...OUTPUT_FORMATS] }, description: 'Default ris' },
        { name: 'stage', in: 'query', schema: { type: 'string', enum: [...STAGES] }, description: 'Default full-text' },
        { name: 'status', in: 'query', schema: { type: 'string', enum: [...RECORD_STATUSES] }, description: 'Default included' },
      ],
      responses: { 200: { description: 'The records, as an attachment', content: Object.fromEntries(OUTPUT_FORMATS.map((f) => [OUTPUT_FILE_TYPES[f].mediaType, { schema: str }])) }, ...common },
    },
  },
  '/api/reviews/{project}/screening-log.csv': {
    get: {
      summary: "The screening log: one row per record with each stage's status, reason, the reviewers' decisions (those the reader may see) and any resolution",
      operationId: 'reviewScreeningLog',
      tags: ['reviews'],
      ...secured,
      parameters: [projectParam],
      responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: str } } }, ...common },
    },
  },
  '/api/reviews/{project}/audit': {
    get: {
      summary: 'Audit log, newest first: who, when, what, before and after; filtered by record, user and stage (total counts the matches)',
      operationId: 'reviewAudit',
      tags: ['reviews'],
      ...secured,
      parameters: [
        projectParam,
        { name: 'record', in: 'query', schema: int },
        { name: 'user', in: 'query', schema: str, description: 'Only what this user (user name) did' },
        { name: 'stage', in: 'query', required: false, schema: { type: 'string', enum: [...STAGES] }, description: 'Only entries about this screening stage' },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500 }, description: 'Page size (default 100)' },
        { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0 } },
      ],
      responses: { 200: json(obj({ total: int, items: { type: 'array', items: ref('ReviewAuditEntry') } }, ['total', 'items'])), ...common },
    },
  },
};

/** Schemas and security schemes the review paths refer to. */
export const REVIEW_OPENAPI_COMPONENTS = {
  schemas: {
    ReviewUser: obj({ id: int, username: str, displayName: str, isAdmin: { type: 'boolean' }, createdAt: str }, ['id', 'username']),
    ReviewCriteria: obj({ population: str, intervention: str, comparator: str, outcomes: str, studyDesigns: str, inclusion: str, exclusion: str }),
    ReviewProject: obj({ id: str, name: str, question: str, criteria: ref('ReviewCriteria'), mode: { type: 'string', enum: ['single', 'dual'] }, exclusionReasons: { type: 'object' }, createdAt: str, role: str }, ['id', 'name', 'mode']),
    ReviewDecision: obj({ id: int, recordId: int, stage: str, reviewerId: int, reviewer: str, decision: str, reason: str, note: str, version: int, createdAt: str }),
    ReviewRecord: obj({ id: int, title: str, authors: { type: 'array', items: str }, year: int, journal: str, abstract: str, doi: str, pmid: str, keywords: { type: 'array', items: str }, sources: { type: 'array', items: str }, isNotRetrieved: { type: 'boolean' }, isExcludedByAutomation: { type: 'boolean', description: 'Nobody screened it before title/abstract screening stopped' }, score: { type: 'number' }, stages: { type: 'object', description: 'Per stage: status, decidedBy, isBlinded, mine, decisions, resolution, reason' } }),
    ReviewDecisionTable: obj(
      { include: ref('ReviewDecisionCounts'), exclude: ref('ReviewDecisionCounts'), maybe: ref('ReviewDecisionCounts') },
      ['include', 'exclude', 'maybe'],
    ),
    ReviewStoppingGuidance: obj(
      {
        screened: { ...int, description: 'Records decided at this stage, in screening order: yours in dual screening, anyone\'s in single' },
        remaining: { ...int, description: 'Records left for you to screen at this stage' },
        included: { ...int, description: 'Of those decided, included or maybe' },
        sinceLastInclude: { ...int, description: 'Records decided since the last include (all of them when there is none)' },
        expectedRemainingIncludes: { type: 'number', description: 'Includes expected among the undecided, from a hyperbolic rate of includes fitted to the screening order (absent before 20 decisions and one include)' },
        estimatedRecall: { type: 'number', description: 'included / (included + expectedRemainingIncludes), 0–1: a cautious estimate (bench/screening/RESULTS.md), never a stopping rule' },
        note: str,
      },
      ['screened', 'remaining', 'included', 'sinceLastInclude', 'note'],
    ),
    ReviewDecisionCounts: obj({ include: int, exclude: int, maybe: int }, ['include', 'exclude', 'maybe']),
    ReviewAgreement: obj(
      {
        stage: { type: 'string', enum: [...STAGES] },
        records: { ...int, description: 'Records decided by two reviewers' },
        percentAgreement: { type: 'number', description: 'Share with the same decision, 0–1 (absent with no records)' },
        kappa: { type: 'number', description: "Cohen's kappa over include / exclude / maybe (absent when undefined)" },
        kappaCi: kappaCi("95% confidence interval of kappa, [lower, upper]: kappa ± 1.96 SE with Fleiss, Cohen & Everitt's (1969) large-sample SE, bounded to [−1, 1] (as R's psych::cohen.kappa)"),
        kappaIncludeExclude: { type: 'number', description: 'Kappa with maybe counted as include' },
        kappaIncludeExcludeCi: kappaCi('95% confidence interval of kappaIncludeExclude'),
        table: { ...ref('ReviewDecisionTable'), description: "First reviewer's decision → second's → count" },
        pairs: {
          type: 'array',
          items: obj(
            {
              reviewers: { type: 'array', items: str, minItems: 2, maxItems: 2, description: 'The pair, in alphabetical order' },
              records: int,
              percentAgreement: { type: 'number' },
              kappa: { type: 'number' },
              kappaCi: kappaCi('95% confidence interval of kappa'),
              kappaIncludeExclude: { type: 'number' },
              kappaIncludeExcludeCi: kappaCi('95% confidence interval of kappaIncludeExclude'),
              table: { ...ref('ReviewDecisionTable'), description: "The first-named reviewer's decision → the second's → count" },
            },
            ['reviewers', 'records', 'table'],
          ),
        },
      },
      ['stage', 'records', 'table', 'pairs'],
    ),
    ReviewAuditEntry: obj(
      {
        id: int,
        projectId: str,
        userId: int,
        username: str,
        action: { type: 'string', description: 'decision, resolution, record.retrieval, project.create, project.update, member.set, search.import, …' },
        recordId: int,
        recordTitle: str,
        stage: { type: 'string', enum: [...STAGES] },
        before: { description: 'The state before (null for a first write); hidden text while a blinded decision is pending' },
        after: { description: 'The state after' },
        at: str,
      },
      ['id', 'userId', 'username', 'action', 'at'],
    ),
    PrismaCounts: obj({ identifiedBySource: { type: 'array' }, identified: int, duplicatesRemoved: int, screened: int, awaitingScreening: int, excludedAtScreening: int, excludedByAutomation: { ...int, description: 'Of excludedAtScreening, those excluded by automation tools (unscreened when screening stopped)' }, excludedAtScreeningReasons: { type: 'array' }, soughtForRetrieval: int, notRetrieved: int, assessedForEligibility: int, awaitingAssessment: int, excludedAtFullText: int, excludedAtFullTextReasons: { type: 'array' }, included: int }),
  },
  securitySchemes: {
    session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
    bearer: { type: 'http', scheme: 'bearer' },
  },
};
