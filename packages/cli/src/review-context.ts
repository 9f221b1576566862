import { ExoError } from '@exoatlas/schema';
import { ReviewService, type ReviewStore, type User } from '@exoatlas/review';
import { createStores, type Stores } from '@exoatlas/store';
import type { CommandIO } from './command-io.js';
import { resolvePaths } from './context.js';

/** The account the CLI acts as when no other is named: an admin with no password, who cannot sign in to the server. */
export const LOCAL_USER = 'local';

/** Options every `review` and `synthesis` subcommand takes. */
export const REVIEW_COMMON_OPTIONS = { db: { type: 'string' }, 'database-url': { type: 'string' }, data: { type: 'string' }, as: { type: 'string' }, json: { type: 'boolean', default: false } } as const;

export interface ReviewContext {
  service: ReviewService;
  reviews: ReviewStore;
  stores: Stores;
  close(): Promise<void>;
}

type StoreOptions = { db?: string; 'database-url'?: string; data?: string };

/** Opens the review store of the database the other commands use. */
export async function openReviewContext(io: CommandIO, values: StoreOptions): Promise<ReviewContext> {
  const { dbPath, databaseUrl } = resolvePaths(io, values);
  const stores = await createStores({ sqlitePath: dbPath, databaseUrl });
  return { service: new ReviewService(stores.review), reviews: stores.review, stores, close: () => stores.close() };
}

/** Runs `work` with the review store open, and closes it however `work` ends. */
export async function withReviewContext<T>(io: CommandIO, values: StoreOptions, work: (ctx: ReviewContext) => Promise<T> | T): Promise<T> {
  const ctx = await openReviewContext(io, values);
  try {
    return await work(ctx);
  } finally {
    await ctx.close();
  }
}

/** The account the CLI acts as: --as, EXOATLAS_USER, or the local account (created on first use). */
export async function actAs(ctx: { reviews: ReviewStore }, io: CommandIO, as: string | undefined): Promise<User> {
  const name = as || io.env.EXOATLAS_USER || LOCAL_USER;
  const found = await ctx.reviews.findUser(name);
  if (found) {
    const { passwordHash: _drop, ...user } = found;
    return user;
  }
  if (name !== LOCAL_USER) throw new ExoError('EXO_ERR_REVIEW_NOT_FOUND_USER', `no user '${name}': create it with exoatlas review user add ${name} --password-stdin`, { field: 'as' });
  // "disabled" never verifies: the local account cannot sign in to the server.
  return ctx.reviews.createUser({ username: LOCAL_USER, displayName: 'Local user', passwordHash: 'disabled', isAdmin: true });
}
