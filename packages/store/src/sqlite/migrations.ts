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
  // review: users, sessions, projects, members, searches, records, decisions (append-only), resolutions, audit log.
  `CREATE TABLE review_users (
     id INTEGER PRIMARY KEY,
     username TEXT NOT NULL UNIQUE COLLATE NOCASE,
     display_name TEXT NOT NULL,
     password_hash TEXT NOT NULL,
     is_admin INTEGER NOT NULL DEFAULT 0,
     created_at TEXT NOT NULL
   );
   CREATE TABLE review_sessions (
     token_hash TEXT PRIMARY KEY,
     user_id INTEGER NOT NULL REFERENCES review_users (id) ON DELETE CASCADE,
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL
   );
   CREATE TABLE review_projects (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     question TEXT NOT NULL,
     criteria TEXT NOT NULL,
     mode TEXT NOT NULL CHECK (mode IN ('single', 'dual')),
     exclusion_reasons TEXT NOT NULL,
     created_at TEXT NOT NULL,
     created_by INTEGER NOT NULL REFERENCES review_users (id)
   );
   CREATE TABLE review_members (
     project_id TEXT NOT NULL REFERENCES review_projects (id) ON DELETE CASCADE,
     user_id INTEGER NOT NULL REFERENCES review_users (id),
     role TEXT NOT NULL CHECK (role IN ('owner', 'reviewer', 'viewer')),
     added_at TEXT NOT NULL,
     PRIMARY KEY (project_id, user_id)
   );
   CREATE TABLE review_searches (
     id INTEGER PRIMARY KEY,
     project_id TEXT NOT NULL REFERENCES review_projects (id) ON DELETE CASCADE,
     database_name TEXT NOT NULL,
     search_date TEXT NOT NULL,
     query TEXT NOT NULL,
     file_name TEXT NOT NULL,
     format TEXT NOT NULL,
     identified INTEGER NOT NULL,
     duplicates INTEGER NOT NULL,
     added INTEGER NOT NULL,
     warnings TEXT NOT NULL DEFAULT '[]',
     imported_at TEXT NOT NULL,
     imported_by INTEGER NOT NULL REFERENCES review_users (id)
   );
   CREATE TABLE review_records (
     id INTEGER PRIMARY KEY,
     project_id TEXT NOT NULL REFERENCES review_projects (id) ON DELETE CASCADE,
     search_id INTEGER NOT NULL REFERENCES review_searches (id),
     citation TEXT NOT NULL,
     not_retrieved INTEGER NOT NULL DEFAULT 0
   );
   CREATE INDEX review_records_by_project ON review_records (project_id, id);
   CREATE TABLE review_search_hits (
     search_id INTEGER NOT NULL REFERENCES review_searches (id) ON DELETE CASCADE,
     position INTEGER NOT NULL,
     record_id INTEGER NOT NULL REFERENCES review_records (id),
     is_duplicate INTEGER NOT NULL,
     PRIMARY KEY (search_id, position)
   );
   CREATE INDEX review_search_hits_by_record ON review_search_hits (record_id);
   CREATE TABLE review_decisions (
     id INTEGER PRIMARY KEY,
     project_id TEXT NOT NULL REFERENCES review_projects (id),
     record_id INTEGER NOT NULL REFERENCES review_records (id),
     stage TEXT NOT NULL CHECK (stage IN ('title-abstract', 'full-text')),
     reviewer_id INTEGER NOT NULL REFERENCES review_users (id),
     decision TEXT NOT NULL CHECK (decision IN ('include', 'exclude', 'maybe')),
     reason TEXT,
     note TEXT,
     version INTEGER NOT NULL,
     created_at TEXT NOT NULL,
     UNIQUE (record_id, stage, reviewer_id, version)
   );
   CREATE INDEX review_decisions_by_project ON review_decisions (project_id, stage);
   CREATE TRIGGER review_decisions_no_update BEFORE UPDATE ON review_decisions BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
   CREATE TRIGGER review_decisions_no_delete BEFORE DELETE ON review_decisions BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
   CREATE TABLE review_resolutions (
     id INTEGER PRIMARY KEY,
     project_id TEXT NOT NULL REFERENCES review_projects (id),
     record_id INTEGER NOT NULL REFERENCES review_records (id),
     stage TEXT NOT NULL CHECK (stage IN ('title-abstract', 'full-text')),
     decision TEXT NOT NULL CHECK (decision IN ('include', 'exclude')),
     reason TEXT,
     method TEXT NOT NULL CHECK (method IN ('third-reviewer', 'discussion')),
     resolved_by INTEGER NOT NULL REFERENCES review_users (id),
     note TEXT,
     version INTEGER NOT NULL,
     created_at TEXT NOT NULL,
     UNIQUE (record_id, stage, version)
   );
   CREATE INDEX review_resolutions_by_project ON review_resolutions (project_id, stage);
   CREATE TABLE review_audit (
     id INTEGER PRIMARY KEY,
     project_id TEXT NOT NULL,
     user_id INTEGER NOT NULL REFERENCES review_users (id),
     action TEXT NOT NULL,
     record_id INTEGER,
     stage TEXT,
     before TEXT,
     after TEXT,
     at TEXT NOT NULL
   );
   CREATE INDEX review_audit_by_project ON review_audit (project_id, id);
   CREATE TRIGGER review_audit_no_update BEFORE UPDATE ON review_audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;`,
  // extraction (issue 8): extraction, SYRCLE and MISEV forms per record, kind and reviewer (reviewer_key 0 = consensus),
  // append-only with versions; saved syntheses with their options and result, and their atlas records once published.
  `CREATE TABLE review_forms (
     id INTEGER PRIMARY KEY,
     project_id TEXT NOT NULL REFERENCES review_projects (id),
     record_id INTEGER NOT NULL REFERENCES review_records (id),
     kind TEXT NOT NULL CHECK (kind IN ('extraction', 'rob', 'misev')),
     reviewer_id INTEGER REFERENCES review_users (id),
     reviewer_key INTEGER NOT NULL,
     version INTEGER NOT NULL,
     data TEXT NOT NULL,
     created_by INTEGER NOT NULL REFERENCES review_users (id),
     created_at TEXT NOT NULL,
     UNIQUE (record_id, kind, reviewer_key, version)
   );
   CREATE INDEX review_forms_by_project ON review_forms (project_id, record_id, kind);
   CREATE TRIGGER review_forms_no_update BEFORE UPDATE ON review_forms BEGIN SELECT RAISE(ABORT, 'forms are append-only'); END;
   CREATE TRIGGER review_forms_no_delete BEFORE DELETE ON review_forms BEGIN SELECT RAISE(ABORT, 'forms are append-only'); END;
   CREATE TABLE review_syntheses (
     id INTEGER PRIMARY KEY,
     project_id TEXT NOT NULL REFERENCES review_projects (id),
     options TEXT NOT NULL,
     result TEXT NOT NULL,
     created_by INTEGER NOT NULL REFERENCES review_users (id),
     created_at TEXT NOT NULL,
     published_at TEXT,
     published_by INTEGER REFERENCES review_users (id),
     atlas TEXT
   );
   CREATE INDEX review_syntheses_by_project ON review_syntheses (project_id, id);`,
  // review: records left unscreened when the owner stopped prioritised title/abstract screening (PRISMA 2020: excluded by automation tools).
  `ALTER TABLE review_records ADD COLUMN excluded_by_automation INTEGER NOT NULL DEFAULT 0;`,
  // accounts (issue 17): disabled accounts; the first account created once (a singleton row, filled for existing
  // databases); login throttling per account and address; an append-only log of account actions; sessions by user and expiry.
  `ALTER TABLE review_users ADD COLUMN is_disabled INTEGER NOT NULL DEFAULT 0;
   CREATE TABLE review_first_user (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), user_id INTEGER NOT NULL REFERENCES review_users (id));
   INSERT INTO review_first_user (singleton, user_id) SELECT 1, min(id) FROM review_users HAVING count(*) > 0;
   CREATE TABLE review_login_throttle (
     key TEXT PRIMARY KEY,
     failures INTEGER NOT NULL,
     window_start TEXT NOT NULL,
     locked_until TEXT,
     locks INTEGER NOT NULL DEFAULT 0
   );
   CREATE TABLE review_account_audit (
     id INTEGER PRIMARY KEY,
     actor_id INTEGER REFERENCES review_users (id),
     action TEXT NOT NULL,
     target_id INTEGER REFERENCES review_users (id),
     details TEXT,
     at TEXT NOT NULL
   );
   CREATE TRIGGER review_account_audit_no_update BEFORE UPDATE ON review_account_audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
   CREATE TRIGGER review_account_audit_no_delete BEFORE DELETE ON review_account_audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
   CREATE INDEX review_sessions_by_user ON review_sessions (user_id);
   CREATE INDEX review_sessions_by_expiry ON review_sessions (expires_at);`,
];
