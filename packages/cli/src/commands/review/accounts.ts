// `exoatlas review` subcommands. Accounts and projects: `review user add`, `create`, `member`.
import { readFileSync } from 'node:fs';
import { ExoError } from '@exoatlas/schema';
import { parseCommandArgs } from '../../args.js';
import type { CommandIO } from '../../command-io.js';
import { actAs, withReviewContext } from '../../review-context.js';
import { COMMON, out, type ReviewSubcommand } from './shared.js';

/** Standard input, whole (file descriptor 0 reads pipes, files and sockets alike). */
function readStdin(): string {
  try {
    return readFileSync(0, 'utf8');
  } catch (error) {
    throw new ExoError('EXO_ERR_CLI_FILE', `cannot read the password from standard input: ${(error as Error).message}`);
  }
}

async function user(rest: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('review user', rest, { ...COMMON, 'password-stdin': { type: 'boolean', default: false }, 'display-name': { type: 'string' }, admin: { type: 'boolean', default: false } });
  const [action, name] = positionals;
  if (action !== 'add' || name === undefined) throw new ExoError('EXO_ERR_CLI_USAGE', 'review user add <name> --password-stdin');
  if (!values['password-stdin']) throw new ExoError('EXO_ERR_CLI_USAGE', 'review user add: give the password on standard input with --password-stdin (never on the command line)');
  const password = readStdin().replace(/\r?\n$/, '');
  return withReviewContext(io, values, async (ctx) => {
    const actor = await actAs(ctx, io, values.as);
    const user = await ctx.service.createUser(actor, { username: name, password, displayName: values['display-name'], isAdmin: values.admin });
    if (values.json) out(io, { user });
    else io.stdout(`user ${user.username} created${user.isAdmin ? ' (admin)' : ''}\n`);
    return 0;
  });
}

async function create(rest: string[], io: CommandIO): Promise<number> {
  const { values } = parseCommandArgs(
    'review create',
    rest,
    {
      ...COMMON,
      name: { type: 'string' },
      id: { type: 'string' },
      question: { type: 'string' },
      dual: { type: 'boolean', default: false },
      population: { type: 'string' },
      intervention: { type: 'string' },
      comparator: { type: 'string' },
      outcomes: { type: 'string' },
      'study-designs': { type: 'string' },
      inclusion: { type: 'string' },
      exclusion: { type: 'string' },
    },
    false,
  );
  if (!values.name) throw new ExoError('EXO_ERR_CLI_USAGE', 'review create: --name is required');
  return withReviewContext(io, values, async (ctx) => {
    const actor = await actAs(ctx, io, values.as);
    const criteria = Object.fromEntries(
      Object.entries({ population: values.population, intervention: values.intervention, comparator: values.comparator, outcomes: values.outcomes, studyDesigns: values['study-designs'], inclusion: values.inclusion, exclusion: values.exclusion }).filter(([, v]) => v !== undefined),
    );
    const project = await ctx.service.createProject(actor, { id: values.id, name: values.name, question: values.question, criteria, mode: values.dual ? 'dual' : 'single' });
    if (values.json) out(io, project);
    else io.stdout(`review project ${project.id} created (${project.mode} screening); owner ${actor.username}\n`);
    return 0;
  });
}

async function member(rest: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('review member', rest, { ...COMMON, role: { type: 'string' } });
  const [projectId, username] = positionals;
  if (!projectId || !username || !values.role) throw new ExoError('EXO_ERR_CLI_USAGE', 'review member <project> <user> --role owner|reviewer|viewer');
  return withReviewContext(io, values, async (ctx) => {
    const members = await ctx.service.addMember(await actAs(ctx, io, values.as), projectId, { username, role: values.role });
    if (values.json) out(io, { members });
    else for (const m of members) io.stdout(`${m.role.padEnd(9)} ${m.username}\n`);
    return 0;
  });
}

export const ACCOUNTS_SUBCOMMANDS: Record<string, ReviewSubcommand> = { user, create, member };
