import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';

/** What the monitor saw: the event loop's delay, and each stall with the routes that were in flight during it. */
export interface StallReport {
  /** The event loop's delay (perf_hooks histogram, ms): how late a timer ran, i.e. how long the thread was held. */
  loopDelay: { p50: number; p99: number; max: number };
  thresholdMs: number;
  /** How many stalls of at least thresholdMs there were. */
  count: number;
  /** Stalls of at least thresholdMs, longest first (at most 50), each with the routes in flight meanwhile. */
  stalls: { ms: number; routes: string[] }[];
  /** Per route (method and route pattern): stalls it was in flight for, and the longest. */
  byRoute: Record<string, { stalls: number; longestMs: number }>;
}

/**
 * Finds request paths that hold the server's thread (issue 16 item 5): a timer ticking every 10 ms notices when it
 * runs late by at least `thresholdMs`, and charges the stall to every request in flight then (onRequest to
 * onResponse) or ended since the last tick. A path that stalls the loop appears in every one of its stalls; requests
 * that arrive during a stall are not parsed until it ends, so quick ones (GET /api/health) are rarely charged. Off unless asked for (`EXOATLAS_STALL_REPORT=<file>` on `serve`): it costs a timer.
 */
export function installStallMonitor(app: FastifyInstance, thresholdMs = 30): { report(): StallReport } {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const inFlight = new Map<object, string>();
  // Requests that ended since the last tick: a handler that blocks and then answers at once has ended (its response
  // flushed) by the time the late timer runs, so it is charged too.
  let ended: string[] = [];
  const stalls: { ms: number; routes: string[] }[] = [];
  const byRoute: StallReport['byRoute'] = {};
  const TICK = 10;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    const late = now - last - TICK;
    last = now;
    const justEnded = ended;
    ended = [];
    if (late < thresholdMs) return;
    const routes = [...new Set([...inFlight.values(), ...justEnded])].sort();
    stalls.push({ ms: Math.round(late), routes });
    for (const r of routes) {
      const entry = (byRoute[r] ??= { stalls: 0, longestMs: 0 });
      entry.stalls++;
      entry.longestMs = Math.max(entry.longestMs, Math.round(late));
    }
  }, TICK);
  timer.unref();
  app.addHook('onRequest', async (request) => {
    inFlight.set(request, `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`);
  });
  app.addHook('onResponse', async (request) => {
    const route = inFlight.get(request);
    if (route) ended.push(route);
    inFlight.delete(request);
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    histogram.disable();
  });
  const ms = (ns: number): number => Math.round(ns / 1e5) / 10;
  return {
    report: () => ({
      loopDelay: { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) },
      thresholdMs,
      count: stalls.length,
      stalls: [...stalls].sort((a, b) => b.ms - a.ms).slice(0, 50),
      byRoute,
    }),
  };
}

/** As installStallMonitor, writing the report as JSON to `file` when the app closes. */
export function reportStallsTo(app: FastifyInstance, file: string, thresholdMs?: number): void {
  const monitor = installStallMonitor(app, thresholdMs);
  app.addHook('onClose', async () => writeFileSync(file, JSON.stringify(monitor.report(), null, 2)));
}
