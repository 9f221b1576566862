import Fastify, { type FastifyInstance } from 'fastify';
import type { Atlas } from '@exoatlas/atlas';
import type { Stores } from '@exoatlas/store';
import { ExtractionService, preloadCommonPasswords, ReviewService, type AccountServiceOptions, type ImportPlanner, type ProjectImporter } from '@exoatlas/review';
import { storeAtlas } from './store-atlas.js';
import { installCompression } from './delivery/compression.js';
import { ResponseCache } from './delivery/response-cache.js';
import { serveWebApp } from './delivery/web-app.js';
import { frameworkErrors, installErrorHandling, notFoundRoute } from './http-errors.js';
import { installSecurity, type RateLimitOptions } from './security/index.js';
import { withSecurityResponses } from './security/openapi-responses.js';
import { installBusyRetry, type BusyRetryOptions } from './busy-retry.js';
import { atlasRoutes } from './routes/atlas-routes.js';
import { knowledgeRoutes } from './routes/knowledge-routes.js';
import { literatureRoutes, UPLOAD_TYPES } from './routes/literature-routes.js';
import { metaRoutes } from './routes/meta-routes.js';
import { reviewRoutes } from './routes/review-routes.js';
import { accountSetupRoute } from './routes/account-routes.js';
import { extractionRoutes } from './routes/extraction-routes.js';
import { buildOpenApi } from './openapi.js';
import { createJobs, WORKER_BUSY_TIMEOUT_MS, type JobSettings, type Jobs } from './workers/budgets.js';
import { pooledRanking } from './workers/pooled-ranking.js';
import { InProcessQueue, type JobQueue } from './jobs/index.js';

export interface AppDeps {
  /** The atlas as built at start; routes read the store's current atlas (published project studies included). */
  atlas: Atlas;
  /** Every store of the app's database (createStores): atlas search, imported literature, review projects, extraction. */
  stores: Stores;
  /** The built web app (packages/web/dist); when absent only the API is served. */
  webRoot?: string;
  dataHash?: string;
  logger?: boolean;
  /** Origins besides the server's own whose pages may write (`--allowed-origin`, EXOATLAS_ALLOWED_ORIGINS). */
  allowedOrigins?: readonly string[];
  /**
   * Fastify `trustProxy` (`--trust-proxy`, TRUST_PROXY): true, a hop count, or proxy addresses/CIDRs (comma-separated);
   * behind a TLS proxy request.protocol is then https (cookies Secure, origin check) and request.ip the client's.
   */
  trustProxy?: boolean | number | string;
  /** The rate limit of the anonymous POST /api/meta per client address; false turns it off. */
  metaRateLimit?: RateLimitOptions | false;
  /** Session lifetime and login throttling limits (accountOptionsFromEnv reads them from EXOATLAS_* variables). */
  accounts?: AccountServiceOptions;
  /** The worker pool and job budgets (or settings to make them); the app closes a pool it made. */
  jobs?: Jobs | JobSettings;
  /** How write routes wait for a database another process is writing (see busy-retry.ts). */
  busyRetry?: BusyRetryOptions;
  /**
   * The queue of work that runs once per cluster (queued imports): a PgBossQueue on PostgreSQL, so that every server
   * process shares it; by default this process's own. The app closes it.
   */
  queue?: JobQueue;
}

/** The body limit of every route but the uploads (imports, the meta-analysis data), which set their own. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Builds the HTTP server without listening: routes, OpenAPI, errors, and the web app at `/`. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: deps.logger ?? false, bodyLimit: DEFAULT_BODY_LIMIT, trustProxy: (deps.trustProxy ?? false) as boolean, frameworkErrors });
  installErrorHandling(app);
  const jobs = deps.jobs && 'pool' in deps.jobs ? deps.jobs : createJobs(deps.jobs);
  if (jobs !== deps.jobs) app.addHook('onClose', () => jobs.pool.close());
  const queue = deps.queue ?? new InProcessQueue();
  // Registered before the pool's hook: onClose hooks run in order, and queued jobs still need the pool.
  app.addHook('preClose', () => queue.close());
  // One review service and one extraction service over the app's stores, shared by their routes and the atlas view.
  const { stores } = deps;
  installBusyRetry(app, stores, deps.busyRetry);
  const planImport: ImportPlanner = (existing, files) => jobs.pool.run('reviewImport', { existing, files: [...files] }, jobs.budgets.importTimeoutMs);
  // A database a worker can open (a file, PostgreSQL) gets the whole import written by the worker: 10,000 records'
  // inserts held the request thread for about a second. An in-memory one is planned in the pool and written here.
  const { url } = stores;
  const importer: ProjectImporter | undefined =
    url !== undefined && jobs.pool.isPooled ? (job) => jobs.pool.run('projectImport', { ...job, files: [...job.files], databaseUrl: url, busyTimeoutMs: WORKER_BUSY_TIMEOUT_MS }, jobs.budgets.importTimeoutMs) : undefined;
  // Ranking (features, refits, scores) in a worker thread of its own; the app closes it after the requests end.
  const ranking = pooledRanking(jobs.pool.isPooled, jobs.budgets);
  app.addHook('onClose', () => ranking.close());
  const reviews = new ReviewService(stores.review, { ...deps.accounts, schedule: (task) => setImmediate(task), planImport, importer, ranking: ranking.engine });
  // The common-password list decompresses once (≈60 ms): at start-up, not in the first sign-up request.
  app.addHook('onReady', () => preloadCommonPasswords());
  const extraction = new ExtractionService(reviews, stores.extraction, { synthesise: (studies, options) => jobs.pool.run('synthesise', { studies, options }, jobs.budgets.metaTimeoutMs) });
  // One atlas (issue 18): every route reads the store's, published project studies included, cached by its version.
  const currentAtlas = storeAtlas(stores.atlas, deps.atlas);
  await installSecurity(app, {
    allowedOrigins: deps.allowedOrigins,
    uploadTypes: { '/api/imports': UPLOAD_TYPES },
    metaRateLimit: deps.metaRateLimit,
    authenticate: (token) => reviews.authenticate(token),
    countUsers: () => stores.review.countUsers(),
  });
  await installCompression(app);
  // Encoded answers of the atlas's read routes, per route, query and the atlas's version (issue 23).
  const responses = new ResponseCache({ version: () => stores.atlas.version() });
  atlasRoutes(app, { store: stores.atlas, dataHash: deps.dataHash, currentAtlas, responses });
  knowledgeRoutes(app, { currentAtlas, responses });
  literatureRoutes(app, { literature: stores.literature, databaseUrl: stores.url }, jobs, queue);
  metaRoutes(app, jobs);
  reviewRoutes(app, { reviews });
  accountSetupRoute(app, () => stores.review.countUsers());
  extractionRoutes(app, { extraction });
  const openapi = withSecurityResponses(buildOpenApi());
  app.get('/api/openapi.json', async () => openapi);

  const hasWeb = deps.webRoot !== undefined && (await serveWebApp(app, deps.webRoot));

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    // API paths, and files (assets, anything with an extension) that do not exist, are 404s — not the app's page.
    if (path.startsWith('/api/') || path === '/api' || path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(path) || !hasWeb || request.method !== 'GET') {
      return reply.status(404).send(notFoundRoute(request.method, request.url));
    }
    // Client-side routes of the single-page app all load index.html; the app shows its own "not found".
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
  });
  return app;
}
