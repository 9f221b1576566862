/** Records handled between two yields: a few ms of work on 10,000-record projects' views or citations. */
export const YIELD_EVERY = 500;

/** Lets other callbacks (other requests) run: a macrotask, so pending I/O is served before the work goes on. */
export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * `items.map(fn)` in batches with a yield between them: building views of every record of a large project (an export)
 * is tens of ms of CPU that would otherwise hold a server's thread in one piece (issue 16 item 5).
 */
export async function mapYielding<T, U>(items: readonly T[], fn: (item: T) => U, every = YIELD_EVERY): Promise<U[]> {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % every === 0) await yieldToLoop();
    out.push(fn(items[i]!));
  }
  return out;
}
