/**
 * The asynchronous form of a store interface: every method returns a Promise of what the synchronous one returned.
 * Stand-in until the async-store branch lands the async interfaces themselves (then `Async<X>` becomes `X`).
 */
export type Async<T> = { [K in keyof T]: T[K] extends (...a: infer A) => infer R ? (...a: A) => Promise<Awaited<R>> : T[K] };
