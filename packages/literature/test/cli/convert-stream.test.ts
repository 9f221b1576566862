/**
 * Issue 23, streaming writes: `exoatlas convert -o FILE` writes in pieces into a temporary file beside FILE and
 * renames it at the end — all or nothing: a failing input leaves FILE as it was and no temporary file behind.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CommandIO, type FileSink, processIO } from '../../../cli/src/command-io.js';
import { convertCommand } from '../../../cli/src/commands/convert.js';
import { fixturePath, rejection } from '../helpers.js';

function io(input: Record<string, string> = {}): CommandIO & { err: string; pieces: number } {
  const real = processIO();
  const fixtures = path.dirname(fixturePath('x'));
  const self = {
    err: '',
    pieces: 0,
    stdout: () => undefined,
    stderr: (s: string) => {
      self.err += s;
    },
    cwd: fixtures,
    env: {},
    readFile: async () => '',
    readBytes: async () => new Uint8Array(),
    async *openRead(p: string) {
      const bytes = input[p] !== undefined ? Buffer.from(input[p]) : readFileSync(path.resolve(fixtures, p));
      for (let i = 0; i < bytes.length; i += 4096) yield bytes.subarray(i, i + 4096);
    },
    writeFile: async () => {
      throw new Error('convert -o must stream through openWrite, not writeFile');
    },
    async openWrite(p: string): Promise<FileSink> {
      const sink = await real.openWrite!(p);
      return { ...sink, write: (d: string) => (self.pieces++, sink.write(d)) };
    },
    isTTY: false,
  };
  return self;
}

function ris(n: number): string {
  return Array.from({ length: n }, (_, i) => `TY  - JOUR\r\nTI  - Exosomes from iPSC-derived MSCs, study ${i}\r\nAU  - Author, A${i}\r\nPY  - 2020\r\nDO  - 10.1000/x.${i}\r\nER  - \r\n`).join('');
}

describe('issue 23: convert -o streams into a temporary file renamed at the end', () => {
  it('writes 20,000 records in pieces, and the file holds them all', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'exo-convert-'));
    const out = path.join(dir, 'out.csv');
    const x = io({ 'big.ris': ris(20000) });
    expect(await convertCommand(['big.ris', '--to', 'csv', '-o', out], x)).toBe(0);
    expect(x.pieces).toBeGreaterThan(10);
    expect(readFileSync(out, 'utf8').split('\r\n').filter((l) => l.includes('study 19999'))).toHaveLength(1);
    expect(readdirSync(dir)).toEqual(['out.csv']);
    expect(x.err).toBe(`convert: 20000 ris records written to ${out} as csv\n`);
  });

  it('leaves an existing file untouched, and no temporary file, when the input fails part-way', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'exo-convert-'));
    const out = path.join(dir, 'out.csv');
    writeFileSync(out, 'the old file\n');
    const error = await rejection(convertCommand(['big.ris', '--to', 'csv', '-o', out], io({ 'big.ris': `${ris(20000)}TY  - JOUR\r\nTI  - never ended\r\n` })));
    expect(error).toBeTruthy();
    expect(readFileSync(out, 'utf8')).toBe('the old file\n');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('an unwritable destination is EXO_ERR_CLI_FILE before anything is read', async () => {
    const error = await rejection(convertCommand(['latex-accents.bib', '--to', 'ris', '-o', path.join(tmpdir(), 'no-such-dir-exo', 'out.ris')], io()));
    expect((error as { code?: string }).code).toBe('EXO_ERR_CLI_FILE');
  });
});
