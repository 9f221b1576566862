import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { CITATION_FORMATS, createWriter, OUTPUT_FORMATS, streamCitations, type CitationFormat, type LiteratureWarning, type OutputFormat } from '@exoatlas/literature';
import { ExoError } from '@exoatlas/schema';
import { parseCommandArgs } from '../args.js';
import type { CommandIO } from '../command-io.js';

export const CONVERT_USAGE = `Usage: exoatlas convert <file> --to ris|bibtex|csl-json|csv [-o out] [--from FORMAT]

Reads a bibliographic file (PubMed XML, MEDLINE/nbib, RIS, BibTeX, CSV/TSV, CSL-JSON; the format is recognised by its
content, --from forces one) and writes it in another format, to stdout or to the file given with -o.
`;

/** Files smaller than this get no progress bar: they are read before one would be seen. */
const PROGRESS_MIN_BYTES = 4 * 1024 * 1024;
const PROGRESS_INTERVAL_MS = 100;

/** A progress bar on stderr, redrawn at most every 100 ms; nothing at all unless stdout is a terminal. */
export class ProgressBar {
  private last = 0;
  private isDrawn = false;
  constructor(
    private readonly io: CommandIO,
    private readonly label: string,
    private readonly total: number | undefined,
  ) {}

  update(bytes: number, records: number): void {
    const now = Date.now();
    if (now - this.last < PROGRESS_INTERVAL_MS) return;
    this.last = now;
    const mb = (n: number): string => (n / 1048576).toFixed(1);
    let bar = `${mb(bytes)} MB`;
    if (this.total) {
      const fraction = Math.min(1, bytes / this.total);
      const width = 24;
      const filled = Math.round(fraction * width);
      bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${mb(bytes)}/${mb(this.total)} MB`;
    }
    this.io.stderr(`\r\u001b[K${this.label} ${bar}, ${records.toLocaleString('en')} records`);
    this.isDrawn = true;
  }

  done(): void {
    if (this.isDrawn) this.io.stderr('\r\u001b[K');
    this.isDrawn = false;
  }
}

/** The bytes of a file, counted as they pass; a missing or unreadable file becomes EXO_ERR_CLI_FILE. */
export async function* countedBytes(io: CommandIO, file: string, onBytes: (n: number) => void): AsyncGenerator<Uint8Array> {
  let total = 0;
  try {
    for await (const chunk of io.openRead(file)) {
      total += chunk.length;
      onBytes(total);
      yield chunk;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && !code.startsWith('EXO_')) {
      throw new ExoError('EXO_ERR_CLI_FILE', `cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message}`, { file });
    }
    throw error;
  }
}

/** A progress bar for reading `file` when stdout is a terminal and the file is large; else undefined. */
export async function progressFor(io: CommandIO, file: string): Promise<ProgressBar | undefined> {
  if (!io.isTTY) return undefined;
  let size: number | undefined;
  try {
    size = (await stat(resolve(io.cwd, file))).size;
  } catch {
    size = undefined;
  }
  if (size !== undefined && size < PROGRESS_MIN_BYTES) return undefined;
  return new ProgressBar(io, basename(file), size);
}

/** Prints warnings to stderr: at most `perKind` of each kind, then how many more of that kind there were. */
export function printWarnings(io: CommandIO, warnings: readonly LiteratureWarning[], perKind = 3): void {
  const byCode = new Map<string, LiteratureWarning[]>();
  for (const w of warnings) byCode.set(w.code, [...(byCode.get(w.code) ?? []), w]);
  for (const [code, list] of byCode) {
    for (const w of list.slice(0, perKind)) io.stderr(`warning: ${w.message}\n`);
    if (list.length > perKind) io.stderr(`warning: … and ${list.length - perKind} more "${code}" warnings\n`);
  }
}

/** The output format named by --to, else by the output file's extension. */
export function outputFormat(to: string | undefined, output: string | undefined, command: string): OutputFormat {
  const byExtension: Record<string, OutputFormat> = { ris: 'ris', bib: 'bibtex', json: 'csl-json', csv: 'csv' };
  const format = to ?? (output ? byExtension[output.split('.').pop()!.toLowerCase()] : undefined);
  if (!format) throw new ExoError('EXO_ERR_CLI_USAGE', `${command}: --to is required (one of ${OUTPUT_FORMATS.join(', ')})`);
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    throw new ExoError('EXO_ERR_CLI_USAGE', `${command}: --to must be one of ${OUTPUT_FORMATS.join(', ')} (got '${format}')`, { field: 'to' });
  }
  return format as OutputFormat;
}

/** --from, checked. */
export function inputFormat(from: string | undefined, command: string): CitationFormat | undefined {
  if (from === undefined) return undefined;
  if (!(CITATION_FORMATS as readonly string[]).includes(from)) {
    throw new ExoError('EXO_ERR_CLI_USAGE', `${command}: --from must be one of ${CITATION_FORMATS.join(', ')} (got '${from}')`, { field: 'from' });
  }
  return from as CitationFormat;
}

/**
 * `exoatlas convert <file> --to ris|bibtex|csl-json|csv [-o out] [--from F]`: streams the records of any supported
 * file into another format. To stdout the output streams; with -o it streams into a temporary file that replaces the
 * destination only when the whole input read without error.
 */
export async function convertCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('convert', args, {
    to: { type: 'string' },
    output: { type: 'string', short: 'o' },
    from: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    io.stdout(CONVERT_USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    throw new ExoError('EXO_ERR_CLI_USAGE', `convert: expected one input file, got ${positionals.length === 0 ? 'none' : positionals.join(' ')} (see exoatlas convert --help)`);
  }
  const file = positionals[0]!;
  const to = outputFormat(values.to, undefined, 'convert');
  const from = inputFormat(values.from, 'convert');
  const progress = await progressFor(io, file);
  let bytes = 0;
  const stream = streamCitations(countedBytes(io, file, (n) => (bytes = n)), { fileName: file, format: from });
  const writer = createWriter(to);
  // -o: pieces go to a temporary file renamed at the end (issue 23: the whole output was held in memory); without
  // openWrite (a test's IO) they are gathered and written at the end, as before
  const sink = values.output && io.openWrite ? await io.openWrite(values.output) : undefined;
  const parts: string[] = [writer.begin()];
  let pending = parts[0]!.length;
  let index = 0;
  const flush = async (): Promise<void> => {
    const text = parts.join('');
    parts.length = 0;
    pending = 0;
    if (sink) await sink.write(text);
    else if (io.stdoutDrained) await io.stdoutDrained(text);
    else io.stdout(text);
  };
  try {
    for await (const record of stream) {
      const text = writer.write(record, index++);
      parts.push(text);
      pending += text.length;
      progress?.update(bytes, index);
      if ((sink || !values.output) && pending > 1 << 16) await flush();
    }
    parts.push(writer.end());
    if (values.output && !sink) await io.writeFile(values.output, parts.join(''));
    else await flush();
    await sink?.commit();
  } catch (error) {
    await sink?.abort();
    throw error;
  } finally {
    progress?.done();
  }
  printWarnings(io, stream.warnings);
  if (values.output) io.stderr(`convert: ${index} ${stream.format} records written to ${values.output} as ${to}\n`);
  return 0;
}
