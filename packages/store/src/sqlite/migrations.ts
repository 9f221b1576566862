/** Schema of the SQLite store, applied in order; `user_version` records how far a database has come. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE records (kind TEXT NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (kind, id));
   CREATE TABLE knowledge_base (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), json TEXT NOT NULL);
   CREATE VIRTUAL TABLE search USING fts5(kind UNINDEXED, id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2');`,
  // 2: imported literature (packages/literature records), one row per search import, full-text indexed.
  `CREATE TABLE imports (
     id INTEGER PRIMARY KEY,
     file_name TEXT NOT NULL,
     format TEXT NOT NULL,
     source_database TEXT,
     search_date TEXT,
     search_query TEXT,
     imported_at TEXT NOT NULL,
     record_count INTEGER NOT NULL DEFAULT 0,
     warnings TEXT NOT NULL DEFAULT '[]'
   );
   CREATE TABLE citations (
     id INTEGER PRIMARY KEY,
     import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
     position INTEGER NOT NULL,
     title TEXT,
     year INTEGER,
     doi TEXT,
     pmid TEXT,
     journal TEXT,
     first_author TEXT,
     source_database TEXT,
     flags TEXT NOT NULL DEFAULT '[]',
     json TEXT NOT NULL
   );
   CREATE INDEX citations_by_import ON citations (import_id, position);
   CREATE INDEX citations_by_doi ON citations (doi);
   CREATE INDEX citations_by_year ON citations (year);
   CREATE VIRTUAL TABLE citations_fts USING fts5(title, abstract, authors, keywords, journal, tokenize = 'unicode61 remove_diacritics 2');`,
];
