import type { Migration } from 'kysely';
import type { Dialect } from '../database.js';
import { appendOnly, type AnyDb } from './dialect-ddl.js';

/** The audit log refused UPDATE only; it now refuses DELETE too, like decisions and forms (issue 16). */
export const auditNoDelete = (dialect: Dialect): Migration => ({
  async up(db: AnyDb) {
    await appendOnly(db, dialect, 'review_audit', 'the audit log is append-only', ['delete']);
  },
});
