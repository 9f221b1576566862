import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ExoError } from '@exoatlas/schema/errors';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every atlas command takes. */
export const ATLAS_OPTIONS = {
  data: { type: 'string' },
  db: { type: 'string' },
  'database-url': { type: 'string' },
  json: { type: 'boolean', default: false },
} as const satisfies Options;

/** parseArgs, strict, with its errors turned into EXO_ERR_CLI_USAGE naming the command. */
export function parseCommandArgs<O extends Options>(command: string, args: string[], options: O, allowPositionals = true) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals });
  } catch (error) {
    throw new ExoError('EXO_ERR_CLI_USAGE', `${command}: ${(error as Error).message.replace(/\. To specify a positional argument.*$/s, '')} (see exoatlas ${command} --help)`);
  }
}

/** Parses a whole non-negative number option. */
export function intOption(name: string, value: string | undefined, min = 0): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) {
    throw new ExoError('EXO_ERR_QUERY_INVALID', `--${name} must be a whole number ≥ ${min} (got '${value}')`, { field: name });
  }
  return Number(value);
}

const LEADING_FLAGS = new Set(['--json']);
const LEADING_WITH_VALUE = new Set(['--db', '--database-url', '--data', '--as']);

/**
 * `exoatlas --db f.sqlite review list` means `exoatlas review list --db f.sqlite`: the options every command reads may
 * come before the command (and before a subcommand), as in git or npm.
 */
export function optionsAfterCommand(argv: readonly string[]): string[] {
  let i = 0;
  while (i < argv.length) {
    const a = argv[i]!;
    if (LEADING_FLAGS.has(a) || [...LEADING_WITH_VALUE].some((o) => a.startsWith(`${o}=`))) i += 1;
    else if (LEADING_WITH_VALUE.has(a) && i + 1 < argv.length) i += 2;
    else break;
  }
  return [...argv.slice(i), ...argv.slice(0, i)];
}
