import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Claim, KnowledgeBase, Study } from '@exoatlas/schema';
import { searchDocuments } from '@exoatlas/atlas';
import type { AtlasPublication } from '@exoatlas/review';
import type { Database } from './database.js';
import type { SearchIndex } from './search/index.js';

/*
 * Issue 18, one atlas: the studies published from living-review projects (table atlas_publications) are part of the
 * atlas every reader gets from the store — the knowledge base, the records' search index, the version caches are
 * keyed by. They live in their own table so that a rebuild from data/ keeps them.
 */

type PublicationRow = Database['atlas_publications'];

export const publicationFromRow = (r: PublicationRow): AtlasPublication => ({
  projectId: r.project_id,
  version: Number(r.version),
  synthesisId: Number(r.synthesis_id),
  studies: JSON.parse(r.studies) as unknown[],
  claims: JSON.parse(r.claims) as unknown[],
  details: JSON.parse(r.details) as unknown,
  publishedAt: r.published_at,
  publishedBy: Number(r.published_by),
  withdrawnAt: r.withdrawn_at,
  withdrawnBy: r.withdrawn_by === null ? null : Number(r.withdrawn_by),
});

/** Each project's latest publication unless withdrawn: what the atlas shows, by project id. */
export async function currentPublications(db: Kysely<Database>): Promise<AtlasPublication[]> {
  const rows = await db
    .selectFrom('atlas_publications as p')
    .selectAll('p')
    .where('p.withdrawn_at', 'is', null)
    .where('p.version', '=', (eb) => eb.selectFrom('atlas_publications as q').select(sql<number>`max(q.version)`.as('v')).whereRef('q.project_id', '=', 'p.project_id'))
    .orderBy('p.project_id')
    .execute();
  return rows.map(publicationFromRow);
}

/** The knowledge base built from data/ with the published project studies (and claims) after its own. */
export function withPublished(kb: KnowledgeBase, publications: readonly AtlasPublication[]): KnowledgeBase {
  if (publications.length === 0) return kb;
  return {
    ...kb,
    studies: [...kb.studies, ...publications.flatMap((p) => p.studies as Study[])],
    claims: [...kb.claims, ...publications.flatMap((p) => p.claims as Claim[])],
  };
}

/** Replaces the atlas search documents with those of `kb` (published studies included). */
export async function indexAtlas(trx: Kysely<Database>, index: SearchIndex, kb: KnowledgeBase): Promise<void> {
  await index.clearDocuments(trx);
  await index.addDocuments(trx, searchDocuments(kb));
}

/** The knowledge base as last built from data/, or undefined before the first build. */
export async function builtKnowledgeBase(db: Kysely<Database>): Promise<KnowledgeBase | undefined> {
  const row = await db.selectFrom('knowledge_base').select('json').where('singleton', '=', 1).executeTakeFirst();
  return row ? (JSON.parse(row.json) as KnowledgeBase) : undefined;
}

/**
 * One writer of the atlas at a time across processes, inside the caller's transaction: publications, unpublications
 * and builds from data/ take the same lock (SQLite's BEGIN IMMEDIATE already serialises writers), so two publications
 * of one project cannot both take the next version and a build never interleaves with a re-index.
 */
export async function lockAtlas(trx: Kysely<Database>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(hashtext('exoatlas.atlas-build'))`.execute(trx);
}

/**
 * After a publication changed, inside its transaction: the search index again (when the atlas has been built; the
 * build indexes the publications itself) and a new published version, which every process's caches compare.
 */
export async function publicationsChanged(trx: Kysely<Database>, index: SearchIndex): Promise<void> {
  const kb = await builtKnowledgeBase(trx);
  if (kb) await indexAtlas(trx, index, withPublished(kb, await currentPublications(trx)));
  const value = `${new Date().toISOString()}#${randomUUID()}`;
  await trx
    .insertInto('meta')
    .values({ key: 'published_version', value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/**
 * The version of the atlas the database holds: the build hash of data/ and the published version. Several processes
 * may share one database; a cache keyed by this sees another process's build or publication at once.
 */
export async function atlasVersion(db: Kysely<Database>): Promise<string> {
  const rows = await db.selectFrom('meta').select(['key', 'value']).where('key', 'in', ['data_hash', 'published_version']).execute();
  const of = (key: string): string => rows.find((r) => r.key === key)?.value ?? '';
  return `${of('data_hash')}|${of('published_version')}`;
}
