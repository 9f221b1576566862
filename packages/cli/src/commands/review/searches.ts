// `exoatlas review search add|list|run|schedule`: saved searches of a project (issue 21).
import { ExoError } from '@exoatlas/schema';
import { SavedSearchService, searchConnectionFromEnv, type SavedSearchView, type SearchRun } from '@exoatlas/review';
import { parseCommandArgs } from '../../args.js';
import type { CommandIO } from '../../command-io.js';
import { actAs, withReviewContext, type ReviewContext } from '../../review-context.js';
import { COMMON, out, type ReviewSubcommand } from './shared.js';

const USAGE = `review search add <project> --database pubmed|europepmc|openalex|crossref --query Q [--filter NAME=VALUE]… [--schedule none|daily|weekly]
review search list <project>
review search run <project> <id>        (or --due: every due search of every project, as a cron job would)
review search schedule <project> <id> none|daily|weekly`;

function service(ctx: ReviewContext, io: CommandIO): SavedSearchService {
  return new SavedSearchService(ctx.service, ctx.stores.savedSearches, { connection: searchConnectionFromEnv(io.env) });
}

function runLine(run: SearchRun): string {
  const when = run.startedAt.slice(0, 16).replace('T', ' ');
  if (run.status !== 'succeeded') return `run ${run.id} ${when} ${run.status}${run.error ? `: ${run.error}` : ''}`;
  return `run ${run.id} ${when} found ${run.found} of ${run.total}, ${run.newRecords} new, ${run.duplicates} duplicates${run.stoppedEarly ? ` (${run.stoppedEarly})` : ''}`;
}

function searchLine(s: SavedSearchView): string {
  return `${String(s.id).padStart(3)}  ${s.database.padEnd(9)} ${s.schedule.padEnd(6)} ${s.query}${Object.keys(s.filters).length ? ` [${Object.entries(s.filters).map(([k, v]) => `${k}=${v}`).join(', ')}]` : ''}\n     ${s.lastRun ? runLine(s.lastRun) : 'never run'}${s.nextRunAt ? `; next ${s.nextRunAt.slice(0, 16).replace('T', ' ')}` : ''}\n`;
}

function filtersOf(values: string[] | undefined): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const f of values ?? []) {
    const eq = f.indexOf('=');
    if (eq < 1) throw new ExoError('EXO_ERR_CLI_USAGE', `--filter takes NAME=VALUE (got '${f}')`);
    filters[f.slice(0, eq)] = f.slice(eq + 1);
  }
  return filters;
}

async function search(rest: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('review search', rest, { ...COMMON, database: { type: 'string' }, query: { type: 'string' }, filter: { type: 'string', multiple: true }, schedule: { type: 'string' }, due: { type: 'boolean', default: false } });
  const [action, projectId, id, schedule] = positionals;
  const usage = (): never => {
    throw new ExoError('EXO_ERR_CLI_USAGE', USAGE);
  };
  return withReviewContext(io, values, async (ctx) => {
    const living = service(ctx, io);
    if (action === 'run' && values.due) {
      const runs: SearchRun[] = [];
      for (const due of await living.due()) {
        const run = await living.runScheduled(due.projectId, due.id);
        if (run) runs.push(run);
      }
      if (values.json) out(io, { items: runs });
      else io.stdout(runs.length === 0 ? 'no saved search is due\n' : runs.map((r) => `${r.projectId} search ${r.savedSearchId}: ${runLine(r)}\n`).join(''));
      return runs.some((r) => r.status === 'failed') ? 1 : 0;
    }
    if (!projectId) return usage();
    const actor = await actAs(ctx, io, values.as);
    switch (action) {
      case 'add': {
        const saved = await living.add(actor, projectId, { database: values.database, query: values.query, filters: filtersOf(values.filter), schedule: values.schedule });
        if (values.json) out(io, saved);
        else io.stdout(`saved search ${saved.id}: ${saved.database} "${saved.query}"${saved.schedule === 'none' ? '' : `, ${saved.schedule}, first run due now`}\n`);
        return 0;
      }
      case 'list': {
        const items = await living.list(actor, projectId);
        if (values.json) out(io, { items });
        else io.stdout(items.length === 0 ? `no saved searches in '${projectId}'\n` : items.map(searchLine).join(''));
        return 0;
      }
      case 'run': {
        if (!id) return usage();
        const run = await living.run(actor, projectId, id);
        if (values.json) out(io, run);
        else io.stdout(`${runLine(run)}\n`);
        return 0;
      }
      case 'schedule': {
        if (!id || !schedule) return usage();
        const saved = await living.setSchedule(actor, projectId, id, schedule);
        if (values.json) out(io, saved);
        else io.stdout(`saved search ${saved.id}: ${saved.schedule}${saved.nextRunAt ? `, next run ${saved.nextRunAt.slice(0, 16).replace('T', ' ')}` : ''}\n`);
        return 0;
      }
      default:
        return usage();
    }
  });
}

export const SEARCH_SUBCOMMANDS: Record<string, ReviewSubcommand> = { search };
