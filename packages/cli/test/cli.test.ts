import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipped, testBackends } from '../../../test/helpers/backends.js';
import { cliDatabase, type CliDatabase } from '../../../test/helpers/cli-database.js';
import { cliBin, copyOfData, tempDir } from '../../../test/helpers/paths.js';

const tmp = tempDir('exoatlas-cli-');
afterAll(() => tmp.cleanup());

/** Runs the real bundled `exoatlas` binary. */
function run(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [cliBin, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.each(await testBackends())('on $name', (backend) => {
  if (skipped(backend)) return;
  let db: CliDatabase;
  beforeAll(async () => {
    db = await cliDatabase(backend.name, tmp.dir, 'atlas');
  });
  /** The atlas commands read the knowledge base from the store named by EXOATLAS_DB or DATABASE_URL. */
  const exoatlas = (args: string[]) => run(args, db.env);

  describe('exoatlas studies', () => {
    it('--json prints the page of studies with their Table 1 rows and references', () => {
      const { code, stdout } = exoatlas(['studies', '--json']);
      expect(code).toBe(0);
      const page = JSON.parse(stdout);
      expect(page.items.filter((s: { inTable1: boolean }) => s.inTable1)).toHaveLength(20);
      expect(page.items[8]).toMatchObject({ table1Row: 9, referenceNumbers: [106, 107] });
    });

    it('prints a readable table and honours filters', () => {
      const { code, stdout } = exoatlas(['studies', '--species', 'swine']);
      expect(code).toBe(0);
      expect(stdout).toMatch(/gao-2020-swine-myocardial-ischaemia/);
      expect(stdout).toMatch(/1 of 1 study/);
    });

    it('refuses an unknown filter value or option with exit code 2', () => {
      const bad = exoatlas(['studies', '--species', 'dog']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/unknown species 'dog'/);
      expect(exoatlas(['studies', '--colour', 'red']).code).toBe(2);
      expect(exoatlas(['studies', '--limit', 'many']).stderr).toMatch(/--limit must be a whole number/);
    });
  });

  describe('exoatlas show / search / export', () => {
    it('show prints every field, the quotes and the references', () => {
      const { code, stdout } = exoatlas(['show', 'zhang-2020-osteonecrosis-mir-135b']);
      expect(code).toBe(0);
      expect(stdout).toMatch(/Table 1 +row 5/);
      expect(stdout).toMatch(/§ table-1: “/);
      expect(stdout).toMatch(/\[115\] Zhang X, You J, Dong X, Wu Y/);
    });

    it("show no-such-id exits non-zero with \"no study 'no-such-id'\" and no stack trace", () => {
      const { code, stderr } = exoatlas(['show', 'no-such-id']);
      expect(code).toBe(3);
      expect(stderr).toContain("no study 'no-such-id'");
      expect(stderr).not.toMatch(/\n\s+at /);
    });

    it('search finds the miR-135b osteonecrosis study', () => {
      const { code, stdout } = exoatlas(['search', 'miR-135b', '--json']);
      expect(code).toBe(0);
      const studies = JSON.parse(stdout).hits.filter((h: { kind: string }) => h.kind === 'study');
      expect(studies[0].id).toBe('zhang-2020-osteonecrosis-mir-135b');
    });

    it('export --json prints the whole knowledge base with the contract keys', () => {
      const { code, stdout } = exoatlas(['export', '--json']);
      expect(code).toBe(0);
      const kb = JSON.parse(stdout);
      for (const key of ['source', 'references', 'studies', 'entities', 'claims', 'isolationMethods', 'facts', 'advantages', 'limitations']) expect(kb).toHaveProperty(key);
      expect(kb.references).toHaveLength(116);
      expect(kb.studies.filter((s: { inTable1: boolean }) => s.inTable1).map((s: { table1Row: number }) => s.table1Row)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(exoatlas(['export']).code).toBe(2);
    });
  });

  it('options every command reads may come before the command', () => {
    // Named by the flag only: without it the CLI would open a "database" at the working directory and fail.
    const flagOnly = (args: string[]) => run(args, { EXOATLAS_DB: '', DATABASE_URL: '' });
    const json = flagOnly(['--json', `${db.flag[0]}=${db.location}`, 'studies', '--species', 'swine']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).items.map((s: { id: string }) => s.id)).toEqual(['gao-2020-swine-myocardial-ischaemia']);
    // and before a subcommand
    const list = flagOnly(['review', '--json', ...db.flag, '--as', 'nobody', 'list']);
    expect(list.code).not.toBe(0);
    expect(list.stderr).toMatch(/no user 'nobody'/);
    expect(JSON.parse(flagOnly(['review', ...db.flag, '--json', 'list']).stdout).items).toEqual([]);
  });
});

// validate reads data/ only; the broken data/ is refused before anything is stored; the unwritable path is a file's.
describe('exoatlas validate and bad environments (SQLite files)', () => {
  const db = join(tmp.dir, 'env.sqlite');
  const exoatlas = (args: string[]) => run(args, { EXOATLAS_DB: db, DATABASE_URL: '' });

  it('validate passes on data/', () => {
    const { code, stdout } = exoatlas(['validate']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/is valid: 116 references/);
  });

  it('validate reports a malformed file with path and line; the atlas refuses to serve it', () => {
    const copy = copyOfData();
    try {
      const file = join(copy.dataDir, 'studies/zhu-2017-osteoarthritis.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('inTable1: true', 'inTable1: [true'));
      const v = exoatlas(['validate', '--data', copy.dataDir]);
      expect(v.code).toBe(4);
      expect(v.stderr).toMatch(/data\/studies\/zhu-2017-osteoarthritis\.yaml:\d+: /);
      const s = exoatlas(['studies', '--data', copy.dataDir, '--db', join(copy.dir, 'x.sqlite')]);
      expect(s.code).toBe(4);
      expect(s.stderr).toMatch(/zhu-2017-osteoarthritis\.yaml:\d+/);
    } finally {
      copy.cleanup();
    }
  });

  it('a database path that cannot be written gets a clear message', () => {
    const { code, stderr } = exoatlas(['studies', '--db', '/proc/no-such-dir/atlas.sqlite']);
    expect(code).toBe(5);
    expect(stderr).toMatch(/cannot open the database at \/proc\/no-such-dir\/atlas\.sqlite/);
  });

  it('--db may come before the command', () => {
    const first = exoatlas(['--db', '/proc/no-such-dir/atlas.sqlite', 'studies']);
    expect(first.code).toBe(5);
    expect(first.stderr).toMatch(/cannot open the database at \/proc\/no-such-dir\/atlas\.sqlite/);
  });

  it('an unknown command points at help', () => {
    const { code, stderr } = exoatlas(['frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown command 'frobnicate'/);
    const sub = exoatlas(['review', 'frobnicate']);
    expect([sub.code, sub.stderr]).toEqual([2, "exoatlas review: unknown subcommand 'frobnicate' (see exoatlas review --help)\n"]);
  });
});
