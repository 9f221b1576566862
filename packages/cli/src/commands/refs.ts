import { checkCitationFormat } from '@exoatlas/atlas';
import { ExoError } from '@exoatlas/schema';
import { ATLAS_OPTIONS, parseCommandArgs } from '../args.js';
import type { CommandIO } from '../command-io.js';
import { openAtlas } from '../context.js';

const USAGE = `Usage: exoatlas refs [N…] [--format bibtex|ris|csl-json|vancouver] [--json]
  The review's references (all, or those numbered), as printed, as JSON, or in a citation format (by citation-js).
`;

/** `exoatlas refs [N…] [--format F]`: the references, as printed or in a citation format. */
export async function refsCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('refs', args, { ...ATLAS_OPTIONS, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) return (io.stdout(USAGE), 0);
  const format = values.format === undefined ? undefined : checkCitationFormat(values.format);
  if (format && values.json) throw new ExoError('EXO_ERR_CLI_USAGE', `refs: --json and --format ${format} ask for two outputs; choose one (--format csl-json is JSON)`);
  const { atlas, stores } = await openAtlas(io, values);
  try {
    const references = positionals.length ? positionals.flatMap((p) => p.split(',')).filter(Boolean).map((n) => atlas.getReference(n)) : atlas.kb.references;
    if (format) io.stdout(await atlas.formatReferences(format, references.map((r) => r.reviewNumber)));
    else if (values.json) io.stdout(JSON.stringify({ total: references.length, items: references }, null, 2) + '\n');
    else io.stdout(references.map((r) => `[${r.reviewNumber}] ${r.printed}\n`).join(''));
    return 0;
  } finally {
    await stores.close();
  }
}
