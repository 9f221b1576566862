/**
 * Issue 19 item 2 through `exoatlas meta --random … --robust …` (the command function with an in-memory IO).
 * Numbers: shared case konstantopoulos-3level-robust —
 *   res <- rma.mv(yi, vi, random = ~ 1 | district/school, data = dat.konstantopoulos2011)
 *   robust(res, cluster = district, clubSandwich = TRUE)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metaCommand } from '../../../cli/src/commands/meta.js';
import type { CommandIO } from '../../../cli/src/command-io.js';

const CASE = join(import.meta.dirname, '..', 'fixtures', 'metafor-mv', 'cases', 'konstantopoulos-3level-robust');
const csv = readFileSync(join(CASE, 'data.csv'), 'utf8');

function memoryIO(files: Record<string, string>): CommandIO & { out: string; written: Record<string, string> } {
  const io = {
    out: '',
    written: {} as Record<string, string>,
    stdout(s: string) {
      io.out += s;
    },
    stderr() {},
    cwd: '/',
    env: {},
    async readFile(p: string) {
      if (!(p in files)) throw Object.assign(new Error(`cannot read ${p}`), { code: 'EXO_ERR_CLI_FILE' });
      return files[p]!;
    },
    async readBytes() {
      return new Uint8Array();
    },
    openRead() {
      return (async function* () {})();
    },
    async writeFile(p: string, d: string) {
      io.written[p] = d;
    },
    isTTY: false,
  };
  return io;
}

describe('issue 19 item 2: exoatlas meta --random --robust', () => {
  it('prints the variance components and the CR2 robust results as metafor does', async () => {
    const io = memoryIO({ 'data.csv': csv });
    expect(await metaCommand(['data.csv', '--measure', 'GEN', '--random', 'district/school', '--robust', 'district', '--forest', 'f.svg'], io)).toBe(0);
    expect(io.out).toContain('Multilevel Meta-Analysis Model (k = 56; method: REML)');
    // metafor prints sigma^2.1 0.0651 0.2551 11 district; sigma^2.2 0.0327 0.1809 56 district/school
    expect(io.out).toMatch(/sigma\^2\.1\s+0\.0651\s+0\.2551\s+11\s+\S+%\s+district\n/);
    expect(io.out).toMatch(/sigma\^2\.2\s+0\.0327\s+0\.1809\s+56\s+\S+%\s+district\/school\n/);
    expect(io.out).toContain('Cluster-robust inference (11 clusters by "district"; CR2');
    // robust(): estimate 0.1847, se 0.0845, tval 2.1870, df 9.86, pval 0.0540, ci -0.0038 0.3733
    expect(io.out).toMatch(/0\.1847\s+0\.0845\s+2\.1870\s+9\.86\s+0\.0540\s+-0\.0038\s+0\.3733/);
    expect(io.written['f.svg']).toMatch(/^<svg /);
  });

  it('runs --test t and --robust-type CR1 to JSON', async () => {
    const io = memoryIO({ 'data.csv': csv });
    await metaCommand(['data.csv', '--measure', 'GEN', '--random', 'district/school', '--test', 't', '--robust', 'district', '--robust-type', 'CR1', '--json'], io);
    const r = JSON.parse(io.out) as { test: string; df: number; robust: { type: string; df: number } };
    expect(r.test).toBe('t');
    expect(r.df).toBe(55);
    expect(r.robust).toMatchObject({ type: 'CR1', df: 10 });
  });

  it('refuses a grouping column the data lack, and a CR2 cluster that splits a random-effects group', async () => {
    await expect(metaCommand(['data.csv', '--measure', 'GEN', '--random', 'paper/school'], memoryIO({ 'data.csv': csv }))).rejects.toMatchObject({ code: 'EXO_ERR_META_MISSING_COLUMN' });
    await expect(metaCommand(['data.csv', '--measure', 'GEN', '--random', 'district/school', '--robust', 'school'], memoryIO({ 'data.csv': csv }))).rejects.toMatchObject({ code: 'EXO_ERR_META_CLUSTERS' });
    await expect(metaCommand(['data.csv', '--measure', 'GEN', '--random', 'district/school', '--method', 'DL'], memoryIO({ 'data.csv': csv }))).rejects.toMatchObject({ code: 'EXO_ERR_META_UNKNOWN_METHOD' });
    await expect(metaCommand(['data.csv', '--measure', 'GEN', '--random', 'district/school', '--robust-type', 'CR1'], memoryIO({ 'data.csv': csv }))).rejects.toMatchObject({ code: 'EXO_ERR_META_BAD_OPTION' });
  });
});
