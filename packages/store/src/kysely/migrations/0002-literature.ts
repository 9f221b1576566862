import { sql, type Migration } from 'kysely';
import type { Dialect } from '../database.js';
import { searchText, withId, type AnyDb } from './dialect-ddl.js';

/** Imported literature (packages/literature records), one row per import, full-text indexed. */
export const literature = (dialect: Dialect): Migration => ({
  async up(db: AnyDb) {
    await withId(dialect, db.schema.createTable('imports'))
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('source_database', 'text')
      .addColumn('search_date', 'text')
      .addColumn('search_query', 'text')
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .addColumn('record_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('warnings', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
    await withId(dialect, db.schema.createTable('citations'))
      .addColumn('import_id', 'integer', (c) => c.notNull().references('imports.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('title', 'text')
      .addColumn('year', 'integer')
      .addColumn('doi', 'text')
      .addColumn('pmid', 'text')
      .addColumn('journal', 'text')
      .addColumn('first_author', 'text')
      .addColumn('source_database', 'text')
      .addColumn('flags', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('json', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('citations_by_import').on('citations').columns(['import_id', 'position']).execute();
    await db.schema.createIndex('citations_by_doi').on('citations').column('doi').execute();
    await db.schema.createIndex('citations_by_year').on('citations').column('year').execute();
    if (dialect === 'sqlite') {
      await sql`CREATE VIRTUAL TABLE citations_fts USING fts5(title, abstract, authors, keywords, journal, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
    } else {
      await sql`CREATE TABLE citations_fts (
        citation_id integer PRIMARY KEY REFERENCES citations (id) ON DELETE CASCADE,
        title text NOT NULL, abstract text NOT NULL, authors text NOT NULL, keywords text NOT NULL, journal text NOT NULL,
        document tsvector GENERATED ALWAYS AS (to_tsvector('simple', ${searchText(sql`title || ' ' || abstract || ' ' || authors || ' ' || keywords || ' ' || journal`)})) STORED
      )`.execute(db);
      await sql`CREATE INDEX citations_fts_document ON citations_fts USING gin (document)`.execute(db);
    }
  },
});
