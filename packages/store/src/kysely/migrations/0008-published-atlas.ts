import type { Migration } from 'kysely';
import type { AnyDb } from './dialect-ddl.js';

/**
 * Issue 18: studies published from living-review projects live in the store beside the atlas built from data/, so
 * that every reader (CLI, API, web) sees one atlas. One row per version of a project's publication: publishing again
 * adds a version (the atlas shows the latest), unpublishing marks the latest withdrawn. A rebuild from data/ replaces
 * `records` and `knowledge_base` but never touches this table, and indexes its studies again.
 */
export const publishedAtlas = (): Migration => ({
  async up(db: AnyDb) {
    await db.schema
      .createTable('atlas_publications')
      .addColumn('project_id', 'text', (c) => c.notNull().references('review_projects.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('synthesis_id', 'integer', (c) => c.notNull().references('review_syntheses.id'))
      // JSON: the atlas Study records, the Claim records (none yet from a project), and per-study details (pooled results)
      .addColumn('studies', 'text', (c) => c.notNull())
      .addColumn('claims', 'text', (c) => c.notNull())
      .addColumn('details', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('published_by', 'integer', (c) => c.notNull().references('review_users.id'))
      .addColumn('withdrawn_at', 'text')
      .addColumn('withdrawn_by', 'integer', (c) => c.references('review_users.id'))
      .addPrimaryKeyConstraint('atlas_publications_pk', ['project_id', 'version'])
      .execute();
  },
});
