import { analyseTable, forestPlot, formatSummary, funnelPlot, jsonChunks, parseCsvColumns } from '@exoatlas/meta';
import { ExoError } from '@exoatlas/schema/errors';
import { parseCommandArgs } from '../args.js';
import type { CommandIO } from '../command-io.js';
import { META_CLI_OPTIONS, META_USAGE, inFlagTerms, optionsFromFlags, type ParsedMetaFlags } from './meta-options.js';

/**
 * `exoatlas meta <file.csv> --measure M [--method T] [--test z|knha] [--mods a,b] [--subgroup col] [--bias]
 * [--leave-one-out] [--cumulative col] [--influence] [--permutations N --seed S] [--forest out.svg]
 * [--funnel out.svg] [--json]`: a meta-analysis reproducing metafor, printed as metafor's summary or as JSON.
 */
export async function metaCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('meta', args, META_CLI_OPTIONS, true);
  if (values.help) {
    io.stdout(META_USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    throw new ExoError('EXO_ERR_CLI_USAGE', `meta: expected one CSV file, got ${positionals.length === 0 ? 'none' : positionals.join(' ')} (see exoatlas meta --help)`);
  }
  const file = positionals[0]!;
  const options = optionsFromFlags(values as ParsedMetaFlags);
  const text = await io.readFile(file);
  const result = inCommandTerms(() => analyseTable(parseCsvColumns(text), options));
  if (typeof values.forest === 'string') await io.writeFile(values.forest, forestPlot(result));
  if (typeof values.funnel === 'string') await io.writeFile(values.funnel, funnelPlot(result));
  if (values.json) {
    // in pieces: a million-study result is never held as one string (issue 23)
    const write = io.stdoutDrained ?? ((s: string) => Promise.resolve(io.stdout(s)));
    let buffered = '';
    for (const chunk of jsonChunks(result as unknown as Record<string, unknown>)) {
      buffered += chunk;
      if (buffered.length >= 1 << 20) {
        await write(buffered);
        buffered = '';
      }
    }
    await write(`${buffered}\n`);
  } else io.stdout(`${formatSummary(result)}\n`);
  return 0;
}

/** Runs the library, reporting its errors with the command's flags in place of the library's option names. */
function inCommandTerms<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ExoError) throw new ExoError(error.code, inFlagTerms(error.message), error.context);
    throw error;
  }
}
