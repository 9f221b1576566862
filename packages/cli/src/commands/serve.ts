import { resolve } from 'node:path';
import { searchConnectionFromEnv } from '@exoatlas/review';
import { ATLAS_OPTIONS, intOption, parseCommandArgs } from '../args.js';
import type { CommandIO } from '../command-io.js';
import { openAtlas, projectRoot, resolvePaths } from '../context.js';
import { serveSecurity } from './serve-security.js';

/**
 * `exoatlas serve [--port N] [--host H] [--db FILE | --database-url URL] [--workers N] [--allowed-origin O]…
 * [--trust-proxy] [--meta-rate-limit N]`: the web app and the HTTP API on the store. Heavy jobs run in N worker
 * threads (default one per CPU; 0 runs them on the request thread); budgets come from EXOATLAS_* variables.
 */
export async function serveCommand(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseCommandArgs(
    'serve',
    args,
    {
      ...ATLAS_OPTIONS,
      port: { type: 'string' },
      host: { type: 'string' },
      workers: { type: 'string' },
      log: { type: 'boolean', default: false },
      'allowed-origin': { type: 'string', multiple: true },
      'trust-proxy': { type: 'boolean' },
      'meta-rate-limit': { type: 'string' },
    },
    false,
  );
  const security = serveSecurity(values, io.env);
  const port = intOption('port', values.port ?? io.env.PORT, 0) ?? 3000;
  const host = values.host ?? io.env.HOST ?? '127.0.0.1';
  const { atlas, stores, dbPath, rebuilt } = await openAtlas(io, values);
  const { buildApp, accountOptionsFromEnv, jobSettingsFromEnv, PgBossQueue, reportStallsTo } = await import('@exoatlas/server');
  // On PostgreSQL every server process works one pg-boss queue (queued imports run once per cluster); on SQLite, in-process.
  const databaseUrl = resolvePaths(io, values).databaseUrl;
  const queue = stores.backend === 'postgres' && databaseUrl ? await PgBossQueue.start(databaseUrl) : undefined;
  const jobs = jobSettingsFromEnv(io.env);
  const workers = intOption('workers', values.workers, 0);
  if (workers !== undefined) jobs.threads = workers;
  const webRoot = resolve(projectRoot(), 'packages/web/dist');
  const app = await buildApp({ atlas, stores, webRoot, logger: values.log, ...security, accounts: accountOptionsFromEnv(io.env), jobs, queue, searches: { connection: searchConnectionFromEnv(io.env) } });
  // The benchmarks' view of the event loop (bench/server/heavy-load.mjs): stalls and the routes in flight, written at exit.
  if (io.env.EXOATLAS_STALL_REPORT) reportStallsTo(app, io.env.EXOATLAS_STALL_REPORT);
  try {
    await app.listen({ port, host });
  } catch (error) {
    await stores.close();
    const code = (error as NodeJS.ErrnoException).code;
    throw Object.assign(new Error(code === 'EADDRINUSE' ? `port ${port} is already in use: choose another with --port or PORT` : (error as Error).message), { code: 'EXO_ERR_CLI_USAGE' });
  }
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host === '0.0.0.0' || host === '127.0.0.1' || host === '::' ? 'localhost' : host;
  io.stdout(`ExoAtlas is serving http://${shownHost}:${actualPort}/ (API at /api, OpenAPI at /api/openapi.json)\n`);
  io.stdout(`  ${atlas.kb.studies.length} studies, ${atlas.kb.references.length} references; store ${stores.backend === 'sqlite' ? dbPath : 'PostgreSQL'}${rebuilt ? ' (rebuilt from data/)' : ''}\n`);
  const stop = async (): Promise<void> => {
    await app.close();
    await stores.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  await new Promise(() => {});
  return 0;
}
