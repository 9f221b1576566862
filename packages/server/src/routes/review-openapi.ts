import { OUTPUT_FILE_TYPES, OUTPUT_FORMATS } from '@exoatlas/literature';
import { RECORD_STATUSES, SESSION_COOKIE, STAGES } from '@exoatlas/review';
import { ACCOUNT_LIST_OPERATION, ACCOUNT_OPENAPI_PATHS } from './account-openapi.js';
import { err, int, json, obj, ref, requestBody, secured, str } from './openapi-builders.js';

// The OpenAPI description of the /api/reviews routes (review-routes.ts), merged into the app's document by openapi.ts.

const kappaCi = (description: string) => ({ type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2, description });
const projectParam = { name: 'project', in: 'path', required: true, schema: str, description: 'Project id (kebab-case)' };
const recordParam = { name: 'record', in: 'path', required: true, schema: int, description: 'Record id within the project' };
const stageParam = { name: 'stage', in: 'query', required: false, schema: { type: 'string', enum: [...STAGES] }, description: 'Screening stage (default title-abstract)' };
const common = { 401: err('Not signed in (EXO_ERR_AUTH_REQUIRED)'), 404: err('No such project for you, or no such record (EXO_ERR_REVIEW_NOT_FOUND_*)') };
const writes = { ...common, 400: err('Malformed input (EXO_ERR_REVIEW_INVALID_INPUT, EXO_ERR_HTTP_BAD_REQUEST)'), 403: err('Your role does not allow this (EXO_ERR_AUTH_FORBIDDEN)') };

/** The /api/reviews paths for the OpenAPI document. */
export const REVIEW_OPENAPI_PATHS: Record<string, unknown> = {
  '/api/reviews/auth/logout': { post: { summary: 'Sign out (ends the session)', operationId: 'reviewLogout', tags: ['reviews'], responses: { 204: { description: 'Signed out' } } } },
  '/api/reviews/auth/setup': {
    get: { summary: 'Whether the server has any account yet (the first one needs no sign-in)', operationId: 'reviewAccountSetup', tags: ['reviews'], responses: { 200: json(obj({ hasAccounts: { type: 'boolean' } })) } },
  },
  '/api/reviews/auth/me': { get: { summary: 'The signed-in user', operationId: 'reviewMe', tags: ['reviews'], ...secured, responses: { 200: json(obj({ user: ref('ReviewUser') })), 401: common[401] } } },
  ...ACCOUNT_OPENAPI_PATHS,
  '/api/reviews/users': {
    get: ACCOUNT_LIST_OPERATION,
    post: {
      summary: 'Create a user account (only the very first account needs no sign-in, created once even when requests race, and becomes an admin; then admins only)',
      operationId: 'reviewCreateUser',
      tags: ['reviews'],
      ...secured,
      requestBody: requestBody(obj({ username: str, password: { type: 'string', minLength: 10, description: 'At least 10 characters and at most 1,024 UTF-8 bytes; not only white space, not the user name, not a common password' }, displayName: str, isAdmin: { type: 'boolean' } }, ['username', 'password'])),
      responses: { 201: json(obj({ user: ref('ReviewUser') })), 400: err('Malformed name or weak password (EXO_ERR_AUTH_WEAK_PASSWORD)'), 401: common[401], 403: err('Not an admin'), 409: err('User exists (EXO_ERR_AUTH_USER_EXISTS)') },
    },
  },
  '/api/reviews': {
    get: { summary: 'Your review projects with your role', operationId: 'listReviews', tags: ['reviews'], ...secured, responses: { 200: json(obj({ items: { type: 'array', items: ref('ReviewProject') } })), 401: common[401] } },
    post: {
      summary: 'Create a review project (you become its owner); a taken id gets a random suffix (see the id in the answer)',
      operationId: 'createReview',
      tags: ['reviews'],
      ...secured,
      requestBody: requestBody(obj({ id: str, name: str, question: str, criteria: ref('ReviewCriteria'), mode: { type: 'string', enum: ['single', 'dual'] }, exclusionReasons: obj({ 'title-abstract': { type: 'array', items: str }, 'full-text': { type: 'array', items: str } }) }, ['name'])),
      responses: { 201: json(ref('ReviewProject')), ...writes },
    },
  },
  '/api/reviews/{project}': {
    get: { summary: 'Project dashboard: project, your role, members, searches, progress per stage', operationId: 'getReview', tags: ['reviews'], ...secured, parameters: [projectParam], responses: { 200: json(obj({ project: ref('ReviewProject'), role: str, members: { type: 'array' }, searches: { type: 'array' }, progress: { type: 'object', description: "Per stage: eligible, included, excluded (of which excludedByAutomation: nobody screened them before the owner stopped title/abstract screening), conflicts, partial, unscreened, and yours (mine: decided, remaining)" } })), ...common } },
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
      responses: { 200: json(obj({ record: { oneOf: [ref('ReviewRecord'), { type: 'null' }] }, question: str, criteria: ref('ReviewCriteria'), exclusionReasons: { type: 'array', items: str }, progress: { type: 'object' }, ranking: { oneOf: [obj({ basis: { type: 'string', enum: ['model', 'query', 'unavailable'] }, millis: { type: 'number' }, description: str, warning: obj({ code: str, message: str }) }), { type: 'null' }] }, stopping: { oneOf: [ref('ReviewStoppingGuidance'), { type: 'null' }] } })), ...common },
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
  '/api/reviews/{project}/screening/curve.svg': {
    get: {
      summary: "The discovery curve: includes found against records screened at title/abstract, in the team's screening order, the unscreened part shaded",
      operationId: 'reviewDiscoveryCurve',
      tags: ['reviews'],
      ...secured,
      parameters: [projectParam],
      responses: { 200: { description: 'SVG', content: { 'image/svg+xml': { schema: str } } }, ...common },
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
