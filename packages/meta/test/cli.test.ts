/** `exoatlas meta` through its command function with an in-memory IO. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metaCommand } from '../../cli/src/commands/meta.js';
import type { CommandIO } from '../../cli/src/command-io.js';

const CASE = join(import.meta.dirname, 'fixtures', 'metafor', 'cases', 'bcg-rr-reml');

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
      if (!(p in files)) throw Object.assign(new Error(`cannot read ${p}: no such file`), { code: 'EXO_ERR_CLI_FILE' });
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

const csv = readFileSync(join(CASE, 'data.csv'), 'utf8');

describe('exoatlas meta', () => {
  it('prints the documented JSON and writes the plots', async () => {
    const io = memoryIO({ 'data.csv': csv });
    const code = await metaCommand(['data.csv', '--measure', 'RR', '--bias', '--forest', 'f.svg', '--funnel', 'u.svg', '--json'], io);
    expect(code).toBe(0);
    const r = JSON.parse(io.out) as Record<string, unknown>;
    for (const k of ['k', 'estimate', 'se', 'statistic', 'pval', 'ciLower', 'ciUpper', 'tau2', 'i2', 'h2', 'q', 'qDf', 'qPval', 'piLower', 'piUpper', 'studies', 'weights', 'bias']) expect(r).toHaveProperty(k);
    expect(io.out).toMatch(/^\{\n {2}"k": 13,/);
    expect(io.written['f.svg']).toMatch(/^<svg /);
    expect(io.written['u.svg']).toMatch(/^<svg /);
  });
  it('prints the summary without --json', async () => {
    const io = memoryIO({ 'data.csv': csv });
    await metaCommand(['data.csv', '--measure', 'RR', '--method', 'DL'], io);
    expect(io.out).toContain('Random-Effects Model (k = 13; tau^2 estimator: DL)');
  });
  it('rejects an unknown flag with EXO_ERR_CLI_USAGE', async () => {
    await expect(metaCommand(['data.csv', '--measure', 'RR', '--bogus'], memoryIO({ 'data.csv': csv }))).rejects.toMatchObject({ code: 'EXO_ERR_CLI_USAGE' });
  });
  it('throws the library error with its code on bad data', async () => {
    await expect(metaCommand(['data.csv', '--measure', 'SMD'], memoryIO({ 'data.csv': csv }))).rejects.toMatchObject({ code: 'EXO_ERR_META_MISSING_COLUMN' });
    await expect(metaCommand(['data.csv', '--measure', 'RR', '--permutations', 'many'], memoryIO({ 'data.csv': csv }))).rejects.toMatchObject({ code: 'EXO_ERR_META_BAD_OPTION' });
  });
  it('needs exactly one file', async () => {
    await expect(metaCommand(['--measure', 'RR'], memoryIO({}))).rejects.toMatchObject({ code: 'EXO_ERR_CLI_USAGE' });
  });
});
