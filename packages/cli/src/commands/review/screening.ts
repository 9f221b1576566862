// `exoatlas review` subcommands. Searches and screening: `review import`, `screen`, `retrieval`, `stop`, `resume`, `conflicts`, `resolve`.
import { basename } from 'node:path';
import { ExoError } from '@exoatlas/schema';
import type { RecordView, Stage } from '@exoatlas/review';
import { intOption, parseCommandArgs } from '../../args.js';
import type { CommandIO } from '../../command-io.js';
import { actAs, withReviewContext } from '../../review-context.js';
import { COMMON, STAGE_OPTION, out, stageOf, type ReviewSubcommand } from './shared.js';

function printRecord(io: CommandIO, r: RecordView, stage: Stage): void {
  const s = r.stages[stage];
  io.stdout(`Record ${r.id}${r.score !== undefined ? `  relevance ${r.score.toFixed(3)}` : ''}  [${r.sources.join(', ')}]\n`);
  io.stdout(`  ${r.title}\n`);
  const meta = [r.authors.slice(0, 3).join('; ') + (r.authors.length > 3 ? ' et al.' : ''), r.journal, r.year].filter(Boolean).join(' · ');
  if (meta) io.stdout(`  ${meta}\n`);
  if (r.doi || r.pmid) io.stdout(`  ${[r.doi && `doi:${r.doi}`, r.pmid && `PMID ${r.pmid}`].filter(Boolean).join('  ')}\n`);
  if (r.abstract) io.stdout(`\n  ${r.abstract.replace(/\s+/g, ' ')}\n`);
  io.stdout(`\n  ${stage}: ${s.status}${s.mine ? `; your decision: ${s.mine.decision}${s.mine.reason ? ` (${s.mine.reason})` : ''}, version ${s.mine.version}` : ''}${s.isBlinded ? '; others hidden until both have decided' : ''}\n`);
}

async function importSearches(rest: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('review import', rest, { ...COMMON, database: { type: 'string' }, date: { type: 'string' }, query: { type: 'string' } });
  const [projectId, ...files] = positionals;
  if (!projectId || files.length === 0) throw new ExoError('EXO_ERR_CLI_USAGE', 'review import <project> <files…> --database D --date YYYY-MM-DD [--query Q]');
  const data = await Promise.all(files.map(async (f) => ({ name: basename(f), data: await io.readBytes(f) })));
  return withReviewContext(io, values, async (ctx) => {
    const result = await ctx.service.importSearches(await actAs(ctx, io, values.as), projectId, data, { database: values.database, date: values.date, query: values.query });
    if (values.json) out(io, result);
    else {
      for (const s of result.searches) io.stdout(`${s.fileName}: ${s.identified} records (${s.format}), ${s.duplicates} duplicates, ${s.added} new\n`);
      io.stdout(`imported ${result.identified} records from ${values.database}: ${result.added} new, ${result.duplicates} duplicates removed\n`);
      for (const w of result.warnings.slice(0, 10)) io.stderr(`warning: ${w}\n`);
    }
    return 0;
  });
}

async function screen(rest: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('review screen', rest, {
    ...COMMON,
    stage: STAGE_OPTION,
    record: { type: 'string' },
    decision: { type: 'string' },
    reason: { type: 'string' },
    note: { type: 'string' },
    'expected-version': { type: 'string' },
  });
  const [projectId] = positionals;
  if (!projectId) throw new ExoError('EXO_ERR_CLI_USAGE', 'review screen <project> [--record ID --decision include|exclude|maybe]');
  const stage = stageOf(values.stage) ?? 'title-abstract';
  return withReviewContext(io, values, async (ctx) => {
    const actor = await actAs(ctx, io, values.as);
    if (values.record !== undefined || values.decision !== undefined) {
      if (values.record === undefined || values.decision === undefined) throw new ExoError('EXO_ERR_CLI_USAGE', 'review screen: --record and --decision go together');
      const recordId = intOption('record', values.record, 1)!;
      const expected = intOption('expected-version', values['expected-version']) ?? (await ctx.service.getRecord(actor, projectId, recordId)).stages[stage].mine?.version ?? 0;
      const { decision, record } = await ctx.service.decide(actor, projectId, recordId, { stage, decision: values.decision, reason: values.reason, note: values.note, expectedVersion: expected });
      if (values.json) out(io, { decision, record });
      else io.stdout(`record ${recordId}: ${decision.decision}${decision.reason ? ` (${decision.reason})` : ''} by ${decision.reviewer}, version ${decision.version}; ${stage} status ${record.stages[stage].status}\n`);
      return 0;
    }
    const next = await ctx.service.next(actor, projectId, stage);
    if (values.json) {
      out(io, next);
      return 0;
    }
    const c = next.criteria;
    io.stdout(`Question: ${next.question || '—'}\n`);
    const pico = [['Population', c.population], ['Intervention', c.intervention], ['Comparator', c.comparator], ['Outcomes', c.outcomes], ['Study designs', c.studyDesigns], ['Include', c.inclusion], ['Exclude', c.exclusion]].filter(([, v]) => v);
    for (const [k, v] of pico) io.stdout(`  ${k}: ${v}\n`);
    io.stdout(`Progress (${stage}): ${next.progress.included} included, ${next.progress.excluded} excluded, ${next.progress.conflicts} in conflict, ${next.progress.partial + next.progress.unscreened} open; you have ${next.progress.mine.remaining} to screen\n\n`);
    if (!next.record) {
      io.stdout('Nothing left for you to screen at this stage.\n');
      if (next.progress.excludedByAutomation > 0) io.stdout(`Screening was stopped: the ${next.progress.excludedByAutomation} records nobody had screened count as excluded by automation tools (exoatlas review resume ${projectId} puts them back).\n`);
      return 0;
    }
    printRecord(io, next.record, stage);
    if (next.stopping) io.stdout(`\nStopping guidance: ${next.stopping.note}\n`);
    io.stdout(`\nDecide with: exoatlas review screen ${projectId} --as ${actor.username} --record ${next.record.id} --decision include|exclude|maybe [--reason "…"]\n`);
    io.stdout(`Exclusion reasons: ${next.exclusionReasons.join('; ')}\n`);
    return 0;
  });
}

async function retrieval(rest: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('review retrieval', rest, { ...COMMON, record: { type: 'string' }, 'not-retrieved': { type: 'boolean', default: false }, retrieved: { type: 'boolean', default: false } });
  const [projectId] = positionals;
  const usage = 'review retrieval <project> --record ID --not-retrieved|--retrieved';
  if (!projectId || values.record === undefined) throw new ExoError('EXO_ERR_CLI_USAGE', usage);
  if (values['not-retrieved'] === values.retrieved) throw new ExoError('EXO_ERR_CLI_USAGE', `${usage}: give exactly one of --not-retrieved and --retrieved`);
  return withReviewContext(io, values, async (ctx) => {
    const record = await ctx.service.setNotRetrieved(await actAs(ctx, io, values.as), projectId, intOption('record', values.record, 1)!, values['not-retrieved']);
    if (values.json) out(io, record);
    else io.stdout(`record ${record.id}: full text ${record.isNotRetrieved ? 'not retrieved (counted under "reports not retrieved")' : 'retrieved; it can be screened at full text'}\n`);
    return 0;
  });
}

async function stop(rest: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('review stop', rest, { ...COMMON, note: { type: 'string' } });
  const [projectId] = positionals;
  if (!projectId) throw new ExoError('EXO_ERR_CLI_USAGE', 'review stop <project> [--note T]');
  return withReviewContext(io, values, async (ctx) => {
    const result = await ctx.service.stopScreening(await actAs(ctx, io, values.as), projectId, { note: values.note });
    if (values.json) out(io, result);
    else io.stdout(`title/abstract screening stopped: ${result.excluded} record${result.excluded === 1 ? '' : 's'} nobody screened now count as excluded by automation tools\nStopping guidance at this point: ${result.stopping.note}\n`);
    return 0;
  });
}

async function resume(rest: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('review resume', rest, COMMON);
  const [projectId] = positionals;
  if (!projectId) throw new ExoError('EXO_ERR_CLI_USAGE', 'review resume <project>');
  return withReviewContext(io, values, async (ctx) => {
    const result = await ctx.service.resumeScreening(await actAs(ctx, io, values.as), projectId);
    if (values.json) out(io, result);
    else io.stdout(`title/abstract screening resumed: ${result.restored} record${result.restored === 1 ? '' : 's'} back in the screening queue\n`);
    return 0;
  });
}

async function conflicts(rest: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('review conflicts', rest, { ...COMMON, stage: STAGE_OPTION });
  const [projectId] = positionals;
  if (!projectId) throw new ExoError('EXO_ERR_CLI_USAGE', 'review conflicts <project> [--stage S]');
  return withReviewContext(io, values, async (ctx) => {
    const result = await ctx.service.conflicts(await actAs(ctx, io, values.as), projectId, stageOf(values.stage));
    if (values.json) out(io, result);
    else {
      for (const c of result.items) io.stdout(`record ${c.recordId}: ${c.decisions.map((d) => `${d.reviewer} ${d.decision}${d.reason ? ` (${d.reason})` : ''}`).join(' vs ')}\n  ${c.record.title}\n`);
      io.stdout(`${result.items.length} conflict${result.items.length === 1 ? '' : 's'} at ${result.stage}\n`);
    }
    return 0;
  });
}

async function resolve(rest: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('review resolve', rest, { ...COMMON, stage: STAGE_OPTION, record: { type: 'string' }, decision: { type: 'string' }, reason: { type: 'string' }, method: { type: 'string' }, note: { type: 'string' } });
  const [projectId] = positionals;
  if (!projectId || values.record === undefined || values.decision === undefined) throw new ExoError('EXO_ERR_CLI_USAGE', 'review resolve <project> --record ID --decision include|exclude');
  return withReviewContext(io, values, async (ctx) => {
    const resolution = await ctx.service.resolve(await actAs(ctx, io, values.as), projectId, intOption('record', values.record, 1)!, { stage: stageOf(values.stage), decision: values.decision, reason: values.reason, method: values.method, note: values.note });
    if (values.json) out(io, resolution);
    else io.stdout(`record ${resolution.recordId}: resolved as ${resolution.decision} by ${resolution.resolver} (${resolution.method})\n`);
    return 0;
  });
}

export const SCREENING_SUBCOMMANDS: Record<string, ReviewSubcommand> = { import: importSearches, screen, retrieval, stop, resume, conflicts, resolve };
