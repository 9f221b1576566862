/**
 * A sliding-window limiter: at most `perSecond` request starts in any one-second window. One limiter per service and
 * host is shared by every search in the process, so that two searches at once do not double the rate.
 */
/** The window is a little over a second: the service counts arrivals, and network jitter can bunch our starts up. */
const WINDOW_MS = 1050;

export class RateLimiter {
  private readonly starts: number[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly perSecond: number) {}

  /** Resolves when a request may start (callers are served in order). */
  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async waitForSlot(): Promise<void> {
    for (;;) {
      const now = Date.now();
      while (this.starts.length > 0 && now - this.starts[0]! >= WINDOW_MS) this.starts.shift();
      if (this.starts.length < this.perSecond) {
        this.starts.push(now);
        return;
      }
      // Plus a few ms: timers may fire early relative to Date.now.
      await sleep(this.starts[0]! + WINDOW_MS - now + 2);
    }
  }
}

const LIMITERS = new Map<string, RateLimiter>();

/** The process-wide limiter of one service at one host and rate. */
export function limiterFor(key: string, perSecond: number): RateLimiter {
  const id = `${key} ${perSecond}`;
  let limiter = LIMITERS.get(id);
  if (!limiter) LIMITERS.set(id, (limiter = new RateLimiter(perSecond)));
  return limiter;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(done, Math.max(0, ms));
    function done(): void {
      signal?.removeEventListener('abort', abort);
      resolve();
    }
    function abort(): void {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    }
    signal?.addEventListener('abort', abort, { once: true });
  });
}
