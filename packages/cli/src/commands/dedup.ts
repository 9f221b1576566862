import { basename } from 'node:path';
import { deduplicate, readCitations, writeCitations, type CitationRecord, type DedupOptions, type LiteratureWarning } from '@exoatlas/literature';
import { ExoError } from '@exoatlas/schema';
import { parseCommandArgs } from '../args.js';
import type { CommandIO } from '../command-io.js';
import { countedBytes, inputFormat, outputFormat, printWarnings, progressFor } from './convert.js';

export const DEDUP_USAGE = `Usage: exoatlas dedup <files…> [--json] [--threshold X] [--title-threshold X] [--keep-preprints]
                     [-o out.ris|.bib|.json|.csv [--to FORMAT]] [--from FORMAT]

Reads every file, finds the records that are one work (same DOI or PMID, or near-identical titles confirmed by year,
first author, pages and volume; preprints grouped with their published versions), and reports the duplicate groups
and the number of unique records. With -o, writes the de-duplicated set (groups merged) to a file.
  --threshold X          overall score needed to link two records (0–1, default 0.85)
  --title-threshold X    title similarity needed (0–1, default 0.9)
  --keep-preprints       do not group preprints with their published versions
`;

function fraction(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (!/^\s*\d*\.?\d+\s*$/.test(value) || !(x > 0 && x <= 1)) {
    throw new ExoError('EXO_ERR_CLI_USAGE', `dedup: --${name} must be a number above 0 and at most 1 (got '${value}')`, { field: name });
  }
  return x;
}

function shortTitle(r: CitationRecord | undefined, width = 90): string {
  const title = r?.title ?? '(no title)';
  return title.length > width ? `${title.slice(0, width - 1)}…` : title;
}

/**
 * `exoatlas dedup <files…> [--json]`: the duplicate groups across the files (each link with its reason and score) and
 * the unique count; `-o` writes the merged, de-duplicated set.
 */
export async function dedupCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('dedup', args, {
    json: { type: 'boolean', default: false },
    threshold: { type: 'string' },
    'title-threshold': { type: 'string' },
    'keep-preprints': { type: 'boolean', default: false },
    output: { type: 'string', short: 'o' },
    to: { type: 'string' },
    from: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    io.stdout(DEDUP_USAGE);
    return 0;
  }
  if (positionals.length === 0) throw new ExoError('EXO_ERR_CLI_USAGE', 'dedup: expected one or more files (see exoatlas dedup --help)');
  const options: DedupOptions = {
    threshold: fraction('threshold', values.threshold),
    titleThreshold: fraction('title-threshold', values['title-threshold']),
    groupPreprints: !values['keep-preprints'],
  };
  const to = values.output ? outputFormat(values.to, values.output, 'dedup') : undefined;
  const from = inputFormat(values.from, 'dedup');

  const names = positionals.map((p) => basename(p));
  const files: Array<{ file: string; format: string; records: number }> = [];
  const records: CitationRecord[] = [];
  const warnings: LiteratureWarning[] = [];
  for (const [i, file] of positionals.entries()) {
    // Record ids carry the file's name; the path when two files share a name.
    const idPrefix = names.indexOf(names[i]!) === names.lastIndexOf(names[i]!) ? names[i]! : file;
    const progress = await progressFor(io, file);
    let bytes = 0;
    try {
      const read = await readCitations(countedBytes(io, file, (n) => {
        bytes = n;
        progress?.update(bytes, 0);
      }), { fileName: file, idPrefix, format: from });
      files.push({ file, format: read.format, records: read.records.length });
      for (const r of read.records) records.push(r);
      warnings.push(...read.warnings);
    } finally {
      progress?.done();
    }
  }
  const result = deduplicate(records, options);
  const byId = new Map(records.map((r) => [r.id, r]));
  const duplicates = records.length - result.unique.length;

  if (to && values.output) await io.writeFile(values.output, writeCitations(result.unique, to));
  if (values.json) {
    const json = {
      files,
      records: records.length,
      unique: result.unique.length,
      duplicates,
      groups: result.groups.map((g) => ({
        kept: g.kept,
        members: g.members.map((id) => {
          const r = byId.get(id)!;
          return { id, title: r.title ?? null, year: r.year ?? null, doi: r.doi ?? null, pmid: r.pmid ?? null, sourceDatabase: r.sourceDatabase ?? null };
        }),
        links: g.links,
      })),
      ...(values.output ? { output: values.output } : {}),
      warnings: warnings.map((w) => w.message),
    };
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    const n = (x: number): string => x.toLocaleString('en');
    io.stdout(`${positionals.length} file${positionals.length === 1 ? '' : 's'}, ${n(records.length)} records: ${n(result.unique.length)} unique, ${n(duplicates)} duplicate${duplicates === 1 ? '' : 's'} in ${n(result.groups.length)} group${result.groups.length === 1 ? '' : 's'}\n`);
    result.groups.forEach((g, k) => {
      io.stdout(`\ngroup ${k + 1} (kept ${g.kept})\n`);
      for (const id of g.members) {
        const r = byId.get(id);
        const link = g.links.find((l) => l.b === id || (l.a === id && id !== g.members[0]));
        const why = id === g.members[0] || !link ? '' : `  [${link.reason} ${link.score.toFixed(2)}]`;
        io.stdout(`  ${id}  ${r?.year ?? '    '}  ${shortTitle(r)}${why}\n`);
      }
    });
    if (values.output) io.stdout(`\n${n(result.unique.length)} unique records written to ${values.output}\n`);
    printWarnings(io, warnings);
  }
  return 0;
}
