import { ExoError } from '@exoatlas/schema';
import { ATLAS_OPTIONS, parseCommandArgs } from '../args.js';
import type { CommandIO } from '../command-io.js';
import { openAtlas } from '../context.js';
import { studyText } from '../format/study-text.js';

/** `exoatlas show <id> [--json]`: one study, every field, its quotes and references. */
export async function showCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('show', args, ATLAS_OPTIONS);
  if (positionals.length !== 1) throw new ExoError('EXO_ERR_CLI_USAGE', 'show needs exactly one study id, e.g. exoatlas show zhu-2017-osteoarthritis');
  const { atlas, stores } = await openAtlas(io, values);
  try {
    const study = atlas.getStudy(positionals[0]!);
    const references = atlas.referencesFor(study.referenceNumbers);
    io.stdout(values.json ? JSON.stringify({ ...study, references }, null, 2) + '\n' : studyText(study, references));
    return 0;
  } finally {
    await stores.close();
  }
}
