import { ExoError } from '@exoatlas/schema';
import { STAGES, type Stage } from '@exoatlas/review';
import type { CommandIO } from '../../command-io.js';
import { REVIEW_COMMON_OPTIONS } from '../../review-context.js';

/** One `exoatlas review` subcommand: its arguments after the subcommand's name; the exit code. */
export type ReviewSubcommand = (rest: string[], io: CommandIO) => Promise<number>;

/** Writes to the file named by -o (saying what on standard error, as `convert` does), else to standard output. */
export async function writeOrPrint(io: CommandIO, output: string | undefined, text: string, what: string): Promise<void> {
  if (output === undefined) {
    io.stdout(text);
    return;
  }
  await io.writeFile(output, text);
  io.stderr(`wrote ${what} to ${output}\n`);
}

export const STAGE_OPTION = { type: 'string' } as const;
export const COMMON = REVIEW_COMMON_OPTIONS;

/** --stage checked against the stages. */
export function stageOf(value: string | undefined): Stage | undefined {
  if (value === undefined) return undefined;
  if (!(STAGES as readonly string[]).includes(value)) throw new ExoError('EXO_ERR_CLI_USAGE', `--stage must be one of ${STAGES.join(', ')}`);
  return value as Stage;
}

export const out = (io: CommandIO, value: unknown) => io.stdout(JSON.stringify(value, null, 2) + '\n');
