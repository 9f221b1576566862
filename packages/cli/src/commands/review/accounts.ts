// `exoatlas review` subcommands. Accounts and projects: `review user add|passwd|disable|enable|unlock|revoke-sessions|list`, `create`, `member [remove]`.
import { readFileSync } from 'node:fs';
import { ExoError } from '@exoatlas/schema';
import type { AccountService, User } from '@exoatlas/review';
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

const USER_USAGE = 'review user add|passwd <name> --password-stdin · review user disable|enable|unlock|revoke-sessions <name> · review user list';

async function user(rest: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('review user', rest, { ...COMMON, 'password-stdin': { type: 'boolean', default: false }, 'display-name': { type: 'string' }, admin: { type: 'boolean', default: false } });
  const [action, name] = positionals;
  if (action === 'list') return listUsers(values, io);
  if (action === undefined || name === undefined || !(action in USER_ACTIONS || action === 'add' || action === 'passwd')) throw new ExoError('EXO_ERR_CLI_USAGE', USER_USAGE);
  if (action === 'add' || action === 'passwd') {
    if (!values['password-stdin']) throw new ExoError('EXO_ERR_CLI_USAGE', `review user ${action}: give the password on standard input with --password-stdin (never on the command line)`);
    const password = readStdin().replace(/\r?\n$/, '');
    return withReviewContext(io, values, async (ctx) => {
      const actor = await actAs(ctx, io, values.as);
      if (action === 'passwd') {
        // The CLI acts with the database file's authority: an admin sets the password and the user's sessions end.
        await ctx.service.accounts.resetPassword(actor, name, password);
        if (values.json) out(io, { username: name, passwordChanged: true });
        else io.stdout(`password of ${name} changed; every session of ${name} ended\n`);
        return 0;
      }
      const user = await ctx.service.createUser(actor, { username: name, password, displayName: values['display-name'], isAdmin: values.admin });
      if (values.json) out(io, { user });
      else io.stdout(`user ${user.username} created${user.isAdmin ? ' (admin)' : ''}\n`);
      return 0;
    });
  }
  return withReviewContext(io, values, async (ctx) => {
    const result = await USER_ACTIONS[action]!(ctx.service.accounts, await actAs(ctx, io, values.as), name);
    if (values.json) out(io, { username: name, ...result.json });
    else io.stdout(`${result.text}\n`);
    return 0;
  });
}

type AccountAction = (accounts: AccountService, actor: User, name: string) => Promise<{ text: string; json: Record<string, unknown> }>;

/** Admin actions on an account (issue 17); each is written to the account log. */
const USER_ACTIONS: Record<string, AccountAction> = {
  disable: async (a, actor, name) => ({ text: `${name} disabled: cannot sign in; sessions ended`, json: { user: await a.setDisabled(actor, name, true) } }),
  enable: async (a, actor, name) => ({ text: `${name} enabled`, json: { user: await a.setDisabled(actor, name, false) } }),
  unlock: async (a, actor, name) => {
    await a.unlock(actor, name);
    return { text: `${name} unlocked: sign-in failures forgotten`, json: { unlocked: true } };
  },
  'revoke-sessions': async (a, actor, name) => {
    const ended = await a.revokeSessions(actor, name);
    return { text: `${ended} session${ended === 1 ? '' : 's'} of ${name} ended`, json: { ended } };
  },
};

async function listUsers(values: { db?: string; data?: string; as?: string; json?: boolean }, io: CommandIO): Promise<number> {
  return withReviewContext(io, values, async (ctx) => {
    const users = await ctx.service.accounts.listUsers(await actAs(ctx, io, values.as));
    if (values.json) out(io, { items: users });
    else for (const u of users) io.stdout(`${u.username.padEnd(24)} ${[u.isAdmin ? 'admin' : '', u.isDisabled ? 'disabled' : '', u.lockedUntil ? `locked until ${u.lockedUntil}` : ''].filter(Boolean).join(', ')}\n`);
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
  if (positionals[0] === 'remove' && positionals.length === 3) {
    const [, projectId, username] = positionals as [string, string, string];
    return withReviewContext(io, values, async (ctx) => {
      const members = await ctx.service.removeMember(await actAs(ctx, io, values.as), projectId, username);
      if (values.json) out(io, { members });
      else io.stdout(`${username} removed from ${projectId}; their decisions stay, attributed to them\n`);
      return 0;
    });
  }
  const [projectId, username] = positionals;
  if (!projectId || !username || !values.role) throw new ExoError('EXO_ERR_CLI_USAGE', 'review member <project> <user> --role owner|reviewer|viewer · review member remove <project> <user>');
  return withReviewContext(io, values, async (ctx) => {
    const members = await ctx.service.addMember(await actAs(ctx, io, values.as), projectId, { username, role: values.role });
    if (values.json) out(io, { members });
    else for (const m of members) io.stdout(`${m.role.padEnd(9)} ${m.username}\n`);
    return 0;
  });
}

export const ACCOUNTS_SUBCOMMANDS: Record<string, ReviewSubcommand> = { user, create, member };
