import { validateDataDir } from '@exoatlas/atlas';
import { EXIT } from '@exoatlas/schema';
import { ATLAS_OPTIONS, parseCommandArgs } from '../args.js';
import type { CommandIO } from '../command-io.js';
import { resolvePaths } from '../context.js';

/** `exoatlas validate`: checks data/ and reports every problem with its file, line and reason. */
export async function validateCommand(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseCommandArgs('validate', args, ATLAS_OPTIONS, false);
  const { dataDir } = resolvePaths(io, values);
  const { loaded, problems } = validateDataDir(dataDir);
  if (values.json) {
    io.stdout(JSON.stringify({ valid: problems.length === 0, problems: problems.map((p) => p.toJSON()) }, null, 2) + '\n');
  } else {
    for (const p of problems) io.stderr(`${p.message}  [${p.code}]\n`);
    if (loaded) {
      const counts = Object.entries(loaded.kb).filter(([, v]) => Array.isArray(v)).map(([k, v]) => `${(v as unknown[]).length} ${k}`);
      io.stdout(`${dataDir} is valid: ${counts.join(', ')}; every quote is verbatim.\n`);
    } else {
      io.stderr(`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${dataDir}\n`);
    }
  }
  return problems.length === 0 ? 0 : EXIT.invalidData;
}
