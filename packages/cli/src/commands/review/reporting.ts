// `exoatlas review` subcommands. Reporting: `review agreement`, `prisma`, `curve`, `export`, `log`, `list`, `show`, `audit`.
import { ExoError } from '@exoatlas/schema';
import { OUTPUT_FORMATS, writeCitations, type OutputFormat } from '@exoatlas/literature';
import { discoveryCurveSvg, prismaCsv, prismaSvg, RECORD_STATUSES, screeningLogCsv, STAGES, type AgreementStats, type RecordStatus } from '@exoatlas/review';
import { intOption, parseCommandArgs } from '../../args.js';
import type { CommandIO } from '../../command-io.js';
import { actAs, withReviewContext } from '../../review-context.js';
import { COMMON, STAGE_OPTION, out, stageOf, writeOrPrint, type ReviewSubcommand } from './shared.js';

function pct(v: number | undefined): string {
  return v === undefined ? '—' : `${(v * 100).toFixed(1)}%`;
}

/** κ with its 95% interval: "0.584 (95% CI 0.329 to 0.840)". */
function kappaText(kappa: number | undefined, ci: [number, number] | undefined): string {
  if (kappa === undefined) return '—';
  return ci ? `${kappa.toFixed(3)} (95% CI ${ci[0].toFixed(3)} to ${ci[1].toFixed(3)})` : kappa.toFixed(3);
}

function printAgreement(io: CommandIO, a: AgreementStats): void {
  io.stdout(`${a.stage}: ${a.records} record${a.records === 1 ? '' : 's'} screened by two reviewers\n`);
  io.stdout(`  percent agreement ${pct(a.percentAgreement)}   Cohen's kappa ${kappaText(a.kappa, a.kappaCi)}   (include/exclude only: ${kappaText(a.kappaIncludeExclude, a.kappaIncludeExcludeCi)})\n`);
  for (const p of a.pairs) io.stdout(`  ${p.reviewers.join(' × ')}: ${p.records} records, ${pct(p.percentAgreement)}, κ ${kappaText(p.kappa, p.kappaCi)}\n`);
}

async function agreement(rest: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('review agreement', rest, { ...COMMON, stage: STAGE_OPTION });
  const [projectId] = positionals;
  if (!projectId) throw new ExoError('EXO_ERR_CLI_USAGE', 'review agreement <project> [--stage S]');
  return withReviewContext(io, values, async (ctx) => {
    const items = await ctx.service.agreement(await actAs(ctx, io, values.as), projectId, stageOf(values.stage));
    if (values.json) out(io, { items });
    else items.forEach((a) => printAgreement(io, a));
    return 0;
  });
}

async function prisma(rest: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('review prisma', rest, { ...COMMON, svg: { type: 'string' }, 'png-svg': { type: 'string' }, csv: { type: 'string' } });
  const [projectId] = positionals;
  if (!projectId) throw new ExoError('EXO_ERR_CLI_USAGE', 'review prisma <project> [--svg out.svg] [--png-svg out.svg] [--csv out.csv]');
  return withReviewContext(io, values, async (ctx) => {
    const counts = await ctx.service.prisma(await actAs(ctx, io, values.as), projectId);
    if (values.svg) await io.writeFile(values.svg, prismaSvg(counts));
    if (values['png-svg']) await io.writeFile(values['png-svg'], prismaSvg(counts, { isStandalone: true }));
    if (values.csv) await io.writeFile(values.csv, prismaCsv(counts));
    if (values.json) out(io, counts);
    else {
      io.stdout(`Identified ${counts.identified} (${counts.identifiedBySource.map((s) => `${s.source} ${s.count}`).join(', ')}); duplicates removed ${counts.duplicatesRemoved}\n`);
      io.stdout(`Screened ${counts.screened}: excluded ${counts.excludedAtScreening}, awaiting ${counts.awaitingScreening}\n`);
      for (const r of counts.excludedAtScreeningReasons) io.stdout(`  ${r.reason}: ${r.count}\n`);
      io.stdout(`Reports sought ${counts.soughtForRetrieval}, not retrieved ${counts.notRetrieved}, assessed ${counts.assessedForEligibility}: excluded ${counts.excludedAtFullText}, awaiting ${counts.awaitingAssessment}\n`);
      for (const r of counts.excludedAtFullTextReasons) io.stdout(`  ${r.reason}: ${r.count}\n`);
      io.stdout(`Included ${counts.included}\n`);
    }
    return 0;
  });
}

async function exportRecords(rest: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('review export', rest, { ...COMMON, format: { type: 'string', default: 'ris' }, stage: STAGE_OPTION, status: { type: 'string', default: 'included' }, output: { type: 'string', short: 'o' } });
  const [projectId] = positionals;
  if (!projectId) throw new ExoError('EXO_ERR_CLI_USAGE', 'review export <project> [--format ris|bibtex|csl-json|csv] [--stage S] [--status ST] [-o FILE]');
  if (!(OUTPUT_FORMATS as readonly string[]).includes(values.format)) throw new ExoError('EXO_ERR_CLI_USAGE', `--format must be one of ${OUTPUT_FORMATS.join(', ')}`);
  if (!(RECORD_STATUSES as readonly string[]).includes(values.status)) throw new ExoError('EXO_ERR_CLI_USAGE', `--status must be one of ${RECORD_STATUSES.join(', ')}`);
  const stage = stageOf(values.stage) ?? 'full-text';
  return withReviewContext(io, values, async (ctx) => {
    const items = await ctx.service.exportRecords(await actAs(ctx, io, values.as), projectId, { stage, status: values.status as RecordStatus });
    const text = writeCitations(items.map((i) => i.citation), values.format as OutputFormat);
    await writeOrPrint(io, values.output, text, `${items.length} record${items.length === 1 ? '' : 's'} (${stage}, ${values.status})`);
    return 0;
  });
}

async function curve(rest: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('review curve', rest, { ...COMMON, output: { type: 'string', short: 'o' } });
  const [projectId] = positionals;
  if (!projectId) throw new ExoError('EXO_ERR_CLI_USAGE', 'review curve <project> [-o FILE.svg]');
  return withReviewContext(io, values, async (ctx) => {
    const { sequence, total, pending } = await ctx.service.discovery(await actAs(ctx, io, values.as), projectId);
    if (values.json) out(io, { screened: sequence.length, total, included: sequence.reduce<number>((n, v) => n + v, 0), pending, sequence });
    else await writeOrPrint(io, values.output, discoveryCurveSvg(sequence, total, pending) + '\n', `the discovery curve (${sequence.length} of ${total} records screened)`);
    return 0;
  });
}

async function log(rest: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('review log', rest, { ...COMMON, output: { type: 'string', short: 'o' } });
  const [projectId] = positionals;
  if (!projectId) throw new ExoError('EXO_ERR_CLI_USAGE', 'review log <project> [-o FILE]');
  return withReviewContext(io, values, async (ctx) => {
    const items = await ctx.service.exportRecords(await actAs(ctx, io, values.as), projectId);
    const csv = screeningLogCsv(items.map((i) => i.view));
    await writeOrPrint(io, values.output, csv, `the screening log of ${items.length} record${items.length === 1 ? '' : 's'}`);
    return 0;
  });
}

async function list(rest: string[], io: CommandIO): Promise<number> {
  const { values } = parseCommandArgs('review list', rest, COMMON, false);
  return withReviewContext(io, values, async (ctx) => {
    const items = await ctx.service.listProjects(await actAs(ctx, io, values.as));
    if (values.json) out(io, { items });
    else for (const p of items) io.stdout(`${p.id.padEnd(32)} ${p.role.padEnd(9)} ${p.mode.padEnd(7)} ${String(p.records).padStart(6)} records  ${p.name}\n`);
    return 0;
  });
}

async function show(rest: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('review show', rest, COMMON);
  const [projectId] = positionals;
  if (!projectId) throw new ExoError('EXO_ERR_CLI_USAGE', 'review show <project>');
  return withReviewContext(io, values, async (ctx) => {
    const view = await ctx.service.getProject(await actAs(ctx, io, values.as), projectId);
    if (values.json) out(io, view);
    else {
      io.stdout(`${view.project.name} (${view.project.id}), ${view.project.mode} screening; you are ${view.role}\n`);
      io.stdout(`Members: ${view.members.map((m) => `${m.username} (${m.role})`).join(', ')}\n`);
      for (const s of view.searches) io.stdout(`Search ${s.id}: ${s.database} ${s.date} ${s.fileName}: ${s.identified} records, ${s.added} new\n`);
      for (const stage of STAGES) {
        const p = view.progress[stage];
        io.stdout(`${stage}: ${p.eligible} records; ${p.included} included, ${p.excluded} excluded${p.excludedByAutomation > 0 ? ` (${p.excludedByAutomation} by automation tools: screening stopped)` : ''}, ${p.conflicts} conflicts, ${p.partial} half-screened, ${p.unscreened} unscreened\n`);
      }
    }
    return 0;
  });
}

async function audit(rest: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('review audit', rest, { ...COMMON, record: { type: 'string' }, user: { type: 'string' }, stage: { type: 'string' }, limit: { type: 'string' } });
  const [projectId] = positionals;
  if (!projectId) throw new ExoError('EXO_ERR_CLI_USAGE', 'review audit <project> [--record ID] [--user NAME] [--stage S] [--limit N]');
  return withReviewContext(io, values, async (ctx) => {
    const log = await ctx.service.audit(await actAs(ctx, io, values.as), projectId, {
      recordId: intOption('record', values.record, 1),
      username: values.user,
      stage: stageOf(values.stage),
      limit: intOption('limit', values.limit, 1) ?? 50,
    });
    if (values.json) out(io, log);
    else for (const e of log.items) io.stdout(`${e.at} ${e.username} ${e.action}${e.recordId ? ` record ${e.recordId}` : ''}${e.stage ? ` (${e.stage})` : ''}: ${JSON.stringify(e.before)} → ${JSON.stringify(e.after)}\n`);
    return 0;
  });
}

export const REPORTING_SUBCOMMANDS: Record<string, ReviewSubcommand> = { agreement, prisma, curve, export: exportRecords, log, list, show, audit };
