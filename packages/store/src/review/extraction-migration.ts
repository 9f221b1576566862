/**
 * The extraction migration's SQL (appended as one element of MIGRATIONS in ../sqlite/migrations.ts): forms of data
 * extraction, SYRCLE and MISEV appraisal per record, kind and reviewer (reviewer_key 0 = the consensus form),
 * append-only with versions; saved syntheses with their options, result and, once published, their atlas records.
 */
export const EXTRACTION_MIGRATION = `CREATE TABLE review_forms (
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
   CREATE INDEX review_syntheses_by_project ON review_syntheses (project_id, id);`;
