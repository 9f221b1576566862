/**
 * At most `perSecond` requests in any one-second window, as the service sees them. A slot is stamped when its
 * request's response arrives (in flight, it does not expire): the request reached the service before that, so the
 * service never counts more than `perSecond` arrivals in a second, however the network delays them. One limiter per
 * service and host is shared by every search in the process, so that two searches at once do not double the rate.
 */
export class RateLimiter {
  /** When each recent slot's response arrived (performance.now()); undefined while its request is in flight. */
  private readonly slots: { at: number | undefined }[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly perSecond: number) {}

  /** Resolves when a request may start, with the function to call when its response (or error) arrives. */
  acquire(): Promise<() => void> {
    const turn = this.queue.then(() => this.waitForSlot());
    this.queue = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  private async waitForSlot(): Promise<() => void> {
    for (;;) {
      const now = performance.now();
      for (let i = this.slots.length - 1; i >= 0; i--) {
        const at = this.slots[i]!.at;
        if (at !== undefined && now - at >= WINDOW_MS) this.slots.splice(i, 1);
      }
      if (this.slots.length < this.perSecond) {
        const slot: { at: number | undefined } = { at: undefined };
        this.slots.push(slot);
        return () => {
          slot.at ??= performance.now();
        };
      }
      const done = this.slots.map((s) => s.at).filter((at): at is number => at !== undefined);
      // The first slot to expire, or (all in flight) a short wait for a response.
      await sleep(done.length > 0 ? Math.min(...done) + WINDOW_MS - now + 1 : 10);
    }
  }
}

/** A second, and a few ms for timers that fire early. */
const WINDOW_MS = 1005;

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
