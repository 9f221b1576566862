import { EXIT, toExoError } from '@exoatlas/schema/errors';
import { processIO, type CommandIO } from './command-io.js';
import { optionsAfterCommand } from './args.js';
import { HELP, VERSION } from './help.js';

type Command = (args: string[], io: CommandIO) => Promise<number>;

/** Commands load lazily so that a quick command does not pay for the server or the meta-analysis engine. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./commands/serve.js')).serveCommand,
  studies: async () => (await import('./commands/studies.js')).studiesCommand,
  show: async () => (await import('./commands/show.js')).showCommand,
  search: async () => (await import('./commands/search.js')).searchCommand,
  export: async () => (await import('./commands/export.js')).exportCommand,
  import: async () => (await import('./commands/import.js')).importCommand,
  validate: async () => (await import('./commands/validate.js')).validateCommand,
  entities: async () => (await import('./commands/entities.js')).entitiesCommand,
  entity: async () => (await import('./commands/entity.js')).entityCommand,
  claims: async () => (await import('./commands/claims.js')).claimsCommand,
  graph: async () => (await import('./commands/graph.js')).graphCommand,
  map: async () => (await import('./commands/map.js')).mapCommand,
  methods: async () => (await import('./commands/methods.js')).methodsCommand,
  refs: async () => (await import('./commands/refs.js')).refsCommand,
  meta: async () => (await import('./commands/meta.js')).metaCommand,
  convert: async () => (await import('./commands/convert.js')).convertCommand,
  dedup: async () => (await import('./commands/dedup.js')).dedupCommand,
  review: async () => (await import('./commands/review.js')).reviewCommand,
  screen: async () => (await import('./commands/screen.js')).screenCommand,
  synthesis: async () => (await import('./commands/extract.js')).synthesisCommand,
  db: async () => (await import('./commands/db.js')).dbCommand,
};

/** Runs one command line; returns the exit code. Errors are printed as one plain line, never a stack trace. */
export async function run(argv: string[], io: CommandIO = processIO()): Promise<number> {
  const [name, ...args] = optionsAfterCommand(argv);
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(HELP);
    return name === undefined ? EXIT.usage : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`exoatlas: unknown command '${name}'. Run 'exoatlas help' for the list of commands.\n`);
    return EXIT.usage;
  }
  try {
    return await (await load())(args, io);
  } catch (error) {
    const e = toExoError(error);
    io.stderr(`exoatlas ${name}: ${e.message}\n`);
    if (e.code === 'EXO_ERR_INTERNAL_UNEXPECTED' && io.env.EXOATLAS_DEBUG) io.stderr(`${(error as Error).stack}\n`);
    return e.exitCode;
  }
}
