import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandIO } from '../../../cli/src/command-io.js';
import { convertCommand } from '../../../cli/src/commands/convert.js';
import { dedupCommand } from '../../../cli/src/commands/dedup.js';
import { fixturePath, rejection } from '../helpers.js';

/** A CommandIO over the fixtures directory that records what the command prints and writes. */
function fakeIO(isTTY = false): CommandIO & { out: string; err: string; written: Map<string, string> } {
  const dir = path.dirname(fixturePath('x'));
  const io = {
    out: '',
    err: '',
    written: new Map<string, string>(),
    stdout(s: string) {
      io.out += s;
    },
    stderr(s: string) {
      io.err += s;
    },
    cwd: dir,
    env: {},
    readFile: async (p: string) => readFileSync(path.resolve(dir, p), 'utf8'),
    readBytes: async (p: string) => readFileSync(path.resolve(dir, p)),
    async *openRead(p: string) {
      const bytes = readFileSync(path.resolve(dir, p));
      for (let i = 0; i < bytes.length; i += 100) yield bytes.subarray(i, i + 100);
    },
    writeFile: async (p: string, data: string) => {
      io.written.set(p, data);
    },
    isTTY,
  };
  return io;
}

describe('exoatlas convert', () => {
  it('prints a CSL-JSON array with title, DOI, author, issued and container-title', async () => {
    const io = fakeIO();
    expect(await convertCommand(['pubmed-two-records.nbib', '--to', 'csl-json'], io)).toBe(0);
    const items = JSON.parse(io.out) as Array<Record<string, unknown>>;
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      title: 'Exosomes derived from human induced pluripotent stem cell-derived mesenchymal stem cells attenuate osteoarthritis.',
      DOI: '10.1186/s13287-017-0510-9',
      author: [{ family: 'Zhu', given: 'Yu' }, { family: 'Wang', given: 'Yuqi' }, { literal: 'iMSC Exosome Study Group' }],
      issued: { 'date-parts': [[2017, 3, 7]] },
      'container-title': 'Stem cell research & therapy',
    });
    expect(io.err).toBe('');
  });

  it('writes the file given with -o, and only when the whole input was read', async () => {
    const io = fakeIO();
    expect(await convertCommand(['latex-accents.bib', '--to', 'ris', '-o', 'out.ris'], io)).toBe(0);
    expect(io.written.get('out.ris')).toMatch(/^TY {2}- JOUR\r\nTI {2}- Über Exosomen/);
    expect(io.err).toBe('convert: 3 bibtex records written to out.ris as ris\n');
    const failing = fakeIO();
    const error = await rejection(convertCommand(['truncated.ris', '--to', 'csv', '-o', 'out.csv'], failing));
    expect(error).toMatchObject({ code: 'EXO_ERR_LIT_TRUNCATED', context: { file: 'truncated.ris', line: 8 } });
    expect(failing.written.size).toBe(0);
  });

  it('refuses bad usage with EXO_ERR_CLI_USAGE and reports unreadable files', async () => {
    await expect(convertCommand(['a.ris'], fakeIO())).rejects.toMatchObject({ code: 'EXO_ERR_CLI_USAGE', message: 'convert: --to is required (one of ris, bibtex, csl-json, csv)' });
    await expect(convertCommand(['a.ris', '--to', 'docx'], fakeIO())).rejects.toMatchObject({ code: 'EXO_ERR_CLI_USAGE' });
    await expect(convertCommand(['a.ris', '--to', 'ris', '--bogus'], fakeIO())).rejects.toMatchObject({ code: 'EXO_ERR_CLI_USAGE' });
    await expect(convertCommand(['empty.ris', '--to', 'ris'], fakeIO())).rejects.toMatchObject({ code: 'EXO_ERR_LIT_EMPTY_FILE' });
    const io = fakeIO();
    io.openRead = async function* () {
      yield* [];
      throw Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });
    };
    await expect(convertCommand(['missing.ris', '--to', 'ris'], io)).rejects.toMatchObject({ code: 'EXO_ERR_CLI_FILE', message: 'cannot read missing.ris: no such file' });
  });

  it('prints warnings to stderr, and no progress bar for small files or when piped', async () => {
    const io = fakeIO(true);
    await convertCommand(['types-and-dates.ris', '--to', 'csv'], io);
    expect(io.out.split('\r\n')).toHaveLength(8); // header, 6 records, final empty line
    expect(io.err).toContain('warning: types-and-dates.ris line 18 (record types-and-dates.ris#4): no year could be read from "10 15"');
    expect(io.err).not.toContain('\u001b[K');
  });
});

describe('exoatlas dedup', () => {
  const files = ['duplicates-embase.ris', 'duplicates-pubmed.nbib', 'duplicates-preprint.json'];

  it('--json: the groups with each link, and the unique count', async () => {
    const io = fakeIO();
    expect(await dedupCommand([...files, '--json'], io)).toBe(0);
    const out = JSON.parse(io.out) as { records: number; unique: number; duplicates: number; groups: Array<{ kept: string; members: Array<{ id: string }>; links: Array<{ reason: string }> }> };
    expect(out).toMatchObject({ records: 9, unique: 6, duplicates: 3 });
    expect(out.groups.map((g) => [g.kept, g.members.map((m) => m.id), g.links.map((l) => l.reason)])).toEqual([
      ['duplicates-pubmed.nbib#1', ['duplicates-embase.ris#1', 'duplicates-pubmed.nbib#1'], ['doi']],
      ['duplicates-pubmed.nbib#2', ['duplicates-embase.ris#2', 'duplicates-pubmed.nbib#2'], ['fuzzy']],
      ['duplicates-pubmed.nbib#3', ['duplicates-pubmed.nbib#3', 'duplicates-preprint.json#1'], ['preprint-version']],
    ]);
  });

  it('prints a summary and writes the de-duplicated set with -o', async () => {
    const io = fakeIO();
    expect(await dedupCommand([...files, '-o', 'clean.ris', '--keep-preprints'], io)).toBe(0);
    expect(io.out.split('\n')[0]).toBe('3 files, 9 records: 7 unique, 2 duplicates in 2 groups');
    expect(io.out).toContain('[doi 1.00]');
    expect(io.written.get('clean.ris')!.match(/^TY {2}-/gm)).toHaveLength(7);
    await expect(dedupCommand([...files, '--threshold', '2'], fakeIO())).rejects.toMatchObject({ code: 'EXO_ERR_CLI_USAGE' });
    await expect(dedupCommand([], fakeIO())).rejects.toMatchObject({ code: 'EXO_ERR_CLI_USAGE' });
  });
});
