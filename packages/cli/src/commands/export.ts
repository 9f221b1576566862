import { ExoError } from '@exoatlas/schema';
import { ATLAS_OPTIONS, parseCommandArgs } from '../args.js';
import type { CommandIO } from '../command-io.js';
import { openAtlas } from '../context.js';

/** `exoatlas export --json`: the whole knowledge base, validated against docs/schema/knowledge-base.schema.json. */
export async function exportCommand(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseCommandArgs('export', args, ATLAS_OPTIONS, false);
  if (!values.json) throw new ExoError('EXO_ERR_CLI_USAGE', 'export writes JSON only: run exoatlas export --json');
  const { atlas, stores } = await openAtlas(io, values);
  try {
    io.stdout(JSON.stringify(atlas.kb, null, 2) + '\n');
    return 0;
  } finally {
    await stores.close();
  }
}
