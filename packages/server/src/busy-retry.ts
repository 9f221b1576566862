import type { FastifyInstance, RouteHandlerMethod } from 'fastify';
import { isBusyError } from '@exoatlas/schema';
import type { Stores } from '@exoatlas/store';

export interface BusyRetryOptions {
  /** Milliseconds SQLite itself waits for the lock, on the request thread (synchronously): keep it short. */
  busyTimeoutMs?: number;
  /** Pauses between attempts of a write refused with "database is locked"; past the last, a coded 503 with Retry-After. */
  delaysMs?: readonly number[];
}

// SQLite's own wait blocks the thread, so it stays at 10 ms; the pauses between attempts (6.4 s in all) outlast a
// 20,000-record import's write transaction in a worker (1–2 s on a loaded machine), after which a write gets 503.
export const DEFAULT_BUSY_RETRY = { busyTimeoutMs: 10, delaysMs: [25, 50, 100, 200, 400, 800, 1600, 3200] } as const;

/**
 * Writes under contention: another process (`exoatlas import`, a second server) may hold SQLite's write lock for
 * seconds. Waiting in SQLite's busy handler would freeze every request, so the connection waits only briefly and a
 * write route refused with SQLITE_BUSY/LOCKED is run again after an asynchronous pause. Each store write is one
 * transaction that rolled back, so running the handler again is safe; a stale-write check refuses a repeated
 * decision. Past the last attempt the error handler answers EXO_ERR_STORE_BUSY (503, Retry-After).
 */
export function installBusyRetry(app: FastifyInstance, stores: Pick<Stores, 'setBusyTimeout'>, options: BusyRetryOptions = {}): void {
  const delays = options.delaysMs ?? DEFAULT_BUSY_RETRY.delaysMs;
  stores.setBusyTimeout(options.busyTimeoutMs ?? DEFAULT_BUSY_RETRY.busyTimeoutMs);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (methods.every((m) => m === 'GET' || m === 'HEAD')) return;
    const handler = route.handler as RouteHandlerMethod;
    route.handler = async function (this: FastifyInstance, request, reply) {
      for (let attempt = 0; ; attempt++) {
        try {
          return await handler.call(this, request, reply);
        } catch (error) {
          if (!isBusyError(error) || attempt >= delays.length || reply.sent) throw error;
          await new Promise((resolve) => setTimeout(resolve, delays[attempt]));
        }
      }
    } as RouteHandlerMethod;
  });
}
