/**
 * Issue 16 part 8: the copy derives its table order from the schema and fails loudly on a table it cannot order,
 * rather than copying in a wrong order or leaving a table out. (The round trip itself: packages/cli/test/db-cli.test.ts.)
 */
import type { ExoError } from '@exoatlas/schema';
import { describe, expect, it } from 'vitest';
import { inForeignKeyOrder, migrateToLatest, normalise, openKysely, readSchema, type TableInfo } from '../src/index.js';

const table = (name: string, parents: string[] = []): TableInfo => ({ name, columns: ['id'], primaryKey: ['id'], parents });

describe('db copy table order (issue 16 part 8)', () => {
  it('puts parents before children, whatever order the schema lists them in', () => {
    const order = inForeignKeyOrder([table('c', ['b']), table('b', ['a']), table('a'), table('d', ['a', 'c'])]).map((t) => t.name);
    expect(order).toEqual(['a', 'b', 'c', 'd']);
  });

  it('fails loudly on a foreign-key cycle or a reference to a table it does not know', () => {
    const codeOf = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (error) {
        return (error as ExoError).code;
      }
      return undefined;
    };
    expect(codeOf(() => inForeignKeyOrder([table('a', ['b']), table('b', ['a'])]))).toBe('EXO_ERR_STORE_COPY_UNKNOWN_TABLE');
    expect(codeOf(() => inForeignKeyOrder([table('a', ['ghost'])]))).toBe('EXO_ERR_STORE_COPY_UNKNOWN_TABLE');
  });

  it('reads every table of the latest migration from sqlite_master, the FTS5 indexes apart and shadow tables left out', async () => {
    const opened = openKysely({ url: ':memory:' });
    try {
      await migrateToLatest(opened);
      const schema = await readSchema(opened);
      const names = schema.tables.map((t) => t.name);
      expect(schema.indexes).toEqual(['citations_fts', 'search']);
      expect(names).not.toContain('search_data');
      expect(names).not.toContain('kysely_migration');
      for (const t of ['meta', 'records', 'imports', 'citations', 'review_users', 'review_decisions', 'review_forms', 'review_syntheses']) expect(names).toContain(t);
      expect(names.indexOf('review_users')).toBeLessThan(names.indexOf('review_projects'));
      expect(names.indexOf('review_records')).toBeLessThan(names.indexOf('review_decisions'));
      expect(schema.tables.find((t) => t.name === 'review_decisions')!.identity).toBe('id');
    } finally {
      await opened.db.destroy();
    }
  });

  it('normalises values so that both drivers checksum alike', () => {
    expect(normalise(1)).toBe(normalise(1n));
    expect(normalise(true)).toBe(normalise(1));
    expect(normalise(null)).not.toBe(normalise('null'));
    expect(normalise('1')).not.toBe(normalise(1));
  });
});
