import { sql, type Migration } from 'kysely';
import type { Dialect } from '../database.js';
import { searchText, type AnyDb } from './dialect-ddl.js';

/** The atlas built from data/: build metadata, every record as JSON, the knowledge base, and its search documents. */
export const atlas = (dialect: Dialect): Migration => ({
  async up(db: AnyDb) {
    await db.schema.createTable('meta').addColumn('key', 'text', (c) => c.primaryKey()).addColumn('value', 'text', (c) => c.notNull()).execute();
    await db.schema
      .createTable('records')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('json', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('records_pk', ['kind', 'id'])
      .execute();
    await db.schema
      .createTable('knowledge_base')
      .addColumn('singleton', 'integer', (c) => c.primaryKey().check(sql`singleton = 1`))
      .addColumn('json', 'text', (c) => c.notNull())
      .execute();
    if (dialect === 'sqlite') {
      await sql`CREATE VIRTUAL TABLE search USING fts5(kind UNINDEXED, id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
    } else {
      // `seq` (the order documents were added, FTS5's rowid) breaks ranking ties as on SQLite; `tokens` (the
      // document's length in FTS5's tokens) feeds BM25's length normalisation (see search/bm25.ts).
      await sql`CREATE TABLE search (
        kind text NOT NULL, id text NOT NULL, title text NOT NULL, body text NOT NULL, seq integer NOT NULL, tokens integer NOT NULL,
        document tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple', ${searchText(sql.ref('title'))}), 'A') || setweight(to_tsvector('simple', ${searchText(sql.ref('body'))}), 'B')) STORED
      )`.execute(db);
      await sql`CREATE INDEX search_document ON search USING gin (document)`.execute(db);
    }
  },
});
