/** Schema of the SQLite store, applied in order; `user_version` records how far a database has come. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE records (kind TEXT NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (kind, id));
   CREATE TABLE knowledge_base (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), json TEXT NOT NULL);
   CREATE VIRTUAL TABLE search USING fts5(kind UNINDEXED, id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2');`,
];
