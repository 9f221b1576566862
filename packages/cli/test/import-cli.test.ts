import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipped, testBackends } from '../../../test/helpers/backends.js';
import { cliDatabase, type CliDatabase } from '../../../test/helpers/cli-database.js';
import { cliBin, repoRoot, tempDir } from '../../../test/helpers/paths.js';

const tmp = tempDir('exoatlas-import-');
afterAll(() => tmp.cleanup());
const fixtures = join(repoRoot, 'packages/literature/test/fixtures');

describe.each(await testBackends())('on $name', (backend) => {
  if (skipped(backend)) return;
  let db: CliDatabase;
  beforeAll(async () => {
    db = await cliDatabase(backend.name, tmp.dir, 'atlas');
  });
  const exoatlas = (args: string[]) => {
    const r = spawnSync(process.execPath, [cliBin, ...args, ...db.flag], { encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  describe('exoatlas import', () => {
    it('imports files with the search provenance, and prints no progress bar when piped', () => {
      const r = exoatlas(['import', join(fixtures, 'embase-bom-crlf.ris'), join(fixtures, 'pubmed-efetch.xml'), '--database', 'Embase', '--date', '2026-11-01', '--query', 'iPSC AND exosome', '--json']);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      const { imports } = JSON.parse(r.stdout);
      expect(imports.map((i: { recordCount: number }) => i.recordCount)).toEqual([2, 3]);
      expect(imports[0]).toMatchObject({ database: 'Embase', date: '2026-11-01', query: 'iPSC AND exosome', format: 'ris' });
    });

    it('refuses a truncated or empty file with the file and line, exit code 4, and imports nothing from it', () => {
      const truncated = exoatlas(['import', join(fixtures, 'truncated.ris')]);
      expect(truncated.code).toBe(4);
      expect(truncated.stderr).toMatch(/truncated\.ris line \d+: .*nothing from truncated\.ris was imported/);
      const empty = exoatlas(['import', join(fixtures, 'empty.ris')]);
      expect(empty.code).toBe(4);
      expect(empty.stderr).toMatch(/empty\.ris/);
    });

    it('checks its options', () => {
      expect(exoatlas(['import']).code).toBe(2);
      expect(exoatlas(['import', join(fixtures, 'empty.ris'), '--date', 'yesterday']).stderr).toMatch(/--date must be a real date like 2026-11-01/);
      // issue 17, finding 10: an impossible calendar date is refused, not rolled over to 3 March.
      expect(exoatlas(['import', join(fixtures, 'empty.ris'), '--date', '2026-02-31']).stderr).toMatch(/--date must be a real date/);
    });
  });
});
