import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ExoError } from '@exoatlas/schema';
import { OUTPUT_FORMATS, writeCitations, type OutputFormat } from '@exoatlas/literature';
import { prismaCsv, prismaSvg, RECORD_STATUSES, screeningLogCsv, STAGES, type AgreementStats, type RecordStatus, type RecordView, type Stage } from '@exoatlas/review';
import { intOption, parseCommandArgs, optionsAfterCommand } from '../args.js';
import type { CommandIO } from '../command-io.js';
import { REVIEW_COMMON_OPTIONS, actAs, openReviewContext as open } from '../review-context.js';

export const REVIEW_HELP = `Usage: exoatlas review <subcommand> [options]

  user add <name> --password-stdin [--display-name N] [--admin]
                                    create a reviewer account (password read from standard input)
  create --name N [--id ID] [--question Q] [--dual] [--population …] [--intervention …]
         [--comparator …] [--outcomes …] [--study-designs …] [--inclusion …] [--exclusion …]
                                    create a review project; you become its owner
  member <project> <user> --role owner|reviewer|viewer
                                    add a member or change a role
  import <project> <files…> --database D --date YYYY-MM-DD [--query Q]
                                    import search exports (RIS, PubMed XML, nbib, BibTeX, CSV, CSL-JSON),
                                    de-duplicated; all files or none
  screen <project> [--stage S]      show your next record (highest ranked) with its score and the criteria
  screen <project> --record ID --decision include|exclude|maybe [--reason R] [--note T]
         [--stage S] [--expected-version V]
                                    record a decision (V defaults to your current version of it)
  retrieval <project> --record ID --not-retrieved|--retrieved
                                    mark a sought full text as not retrieved (PRISMA's "reports not
                                    retrieved") or as retrieved after all
  stop <project> [--note T]         stop prioritised title/abstract screening (owners): records nobody has
                                    screened count as excluded by automation tools in PRISMA
  resume <project>                  put them back in the screening queue
  conflicts <project> [--stage S]   records where reviewers disagree
  resolve <project> --record ID --decision include|exclude [--reason R]
          [--method third-reviewer|discussion] [--note T] [--stage S]
  agreement <project> [--stage S]   percent agreement and Cohen's kappa
  prisma <project> [--svg out.svg] [--png-svg out.svg] [--csv out.csv]
                                    PRISMA 2020 counts; diagram as SVG (or PNG-ready SVG); CSV for the PRISMA2020 tool
  export <project> [--format ris|bibtex|csl-json|csv] [--stage S] [--status ST] [-o FILE]
                                    records with one outcome (default: full-text included, RIS), for a
                                    reference manager
  log <project> [-o FILE]           the screening log (CSV): every record's decisions, reasons, resolutions
  list | show <project> | audit <project> [--record ID] [--user NAME] [--stage S] [--limit N]

Every subcommand takes --as USER (or EXOATLAS_USER): the account to act as. Without it the CLI acts as the
local account "local" (created on first use, an admin with no password: whoever can open the database file is
trusted, as with any local file). --json prints JSON; --db FILE picks the database.
`;

const STAGE_OPTION = { type: 'string' } as const;
const COMMON = REVIEW_COMMON_OPTIONS;

function stageOf(value: string | undefined): Stage | undefined {
  if (value === undefined) return undefined;
  if (!(STAGES as readonly string[]).includes(value)) throw new ExoError('EXO_ERR_CLI_USAGE', `--stage must be one of ${STAGES.join(', ')}`);
  return value as Stage;
}




/** Standard input, whole (file descriptor 0 reads pipes, files and sockets alike). */
function readStdin(): string {
  try {
    return readFileSync(0, 'utf8');
  } catch (error) {
    throw new ExoError('EXO_ERR_CLI_FILE', `cannot read the password from standard input: ${(error as Error).message}`);
  }
}

const out = (io: CommandIO, value: unknown) => io.stdout(JSON.stringify(value, null, 2) + '\n');

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

/** `exoatlas review …`: review projects from the command line (see REVIEW_HELP). */
export async function reviewCommand(args: string[], io: CommandIO): Promise<number> {
  const [sub, ...rest] = optionsAfterCommand(args);
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout(REVIEW_HELP);
    return sub === undefined ? 2 : 0;
  }
  switch (sub) {
    case 'user': {
      const { values, positionals } = parseCommandArgs('review user', rest, { ...COMMON, 'password-stdin': { type: 'boolean', default: false }, 'display-name': { type: 'string' }, admin: { type: 'boolean', default: false } });
      const [action, name] = positionals;
      if (action !== 'add' || name === undefined) throw new ExoError('EXO_ERR_CLI_USAGE', 'review user add <name> --password-stdin');
      if (!values['password-stdin']) throw new ExoError('EXO_ERR_CLI_USAGE', 'review user add: give the password on standard input with --password-stdin (never on the command line)');
      const password = readStdin().replace(/\r?\n$/, '');
      const ctx = open(io, values);
      try {
        const actor = actAs(ctx, io, values.as);
        const user = await ctx.service.createUser(actor, { username: name, password, displayName: values['display-name'], isAdmin: values.admin });
        if (values.json) out(io, { user });
        else io.stdout(`user ${user.username} created${user.isAdmin ? ' (admin)' : ''}\n`);
        return 0;
      } finally {
        ctx.close();
      }
    }
    case 'create': {
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
      const ctx = open(io, values);
      try {
        const actor = actAs(ctx, io, values.as);
        const criteria = Object.fromEntries(
          Object.entries({ population: values.population, intervention: values.intervention, comparator: values.comparator, outcomes: values.outcomes, studyDesigns: values['study-designs'], inclusion: values.inclusion, exclusion: values.exclusion }).filter(([, v]) => v !== undefined),
        );
        const project = ctx.service.createProject(actor, { id: values.id, name: values.name, question: values.question, criteria, mode: values.dual ? 'dual' : 'single' });
        if (values.json) out(io, project);
        else io.stdout(`review project ${project.id} created (${project.mode} screening); owner ${actor.username}\n`);
        return 0;
      } finally {
        ctx.close();
      }
    }
    case 'member': {
      const { values, positionals } = parseCommandArgs('review member', rest, { ...COMMON, role: { type: 'string' } });
      const [projectId, username] = positionals;
      if (!projectId || !username || !values.role) throw new ExoError('EXO_ERR_CLI_USAGE', 'review member <project> <user> --role owner|reviewer|viewer');
      const ctx = open(io, values);
      try {
        const members = ctx.service.addMember(actAs(ctx, io, values.as), projectId, { username, role: values.role });
        if (values.json) out(io, { members });
        else for (const m of members) io.stdout(`${m.role.padEnd(9)} ${m.username}\n`);
        return 0;
      } finally {
        ctx.close();
      }
    }
    case 'import': {
      const { values, positionals } = parseCommandArgs('review import', rest, { ...COMMON, database: { type: 'string' }, date: { type: 'string' }, query: { type: 'string' } });
      const [projectId, ...files] = positionals;
      if (!projectId || files.length === 0) throw new ExoError('EXO_ERR_CLI_USAGE', 'review import <project> <files…> --database D --date YYYY-MM-DD [--query Q]');
      const data = await Promise.all(files.map(async (f) => ({ name: basename(f), data: await io.readBytes(f) })));
      const ctx = open(io, values);
      try {
        const result = await ctx.service.importSearches(actAs(ctx, io, values.as), projectId, data, { database: values.database, date: values.date, query: values.query });
        if (values.json) out(io, result);
        else {
          for (const s of result.searches) io.stdout(`${s.fileName}: ${s.identified} records (${s.format}), ${s.duplicates} duplicates, ${s.added} new\n`);
          io.stdout(`imported ${result.identified} records from ${values.database}: ${result.added} new, ${result.duplicates} duplicates removed\n`);
          for (const w of result.warnings.slice(0, 10)) io.stderr(`warning: ${w}\n`);
        }
        return 0;
      } finally {
        ctx.close();
      }
    }
    case 'screen': {
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
      const ctx = open(io, values);
      try {
        const actor = actAs(ctx, io, values.as);
        if (values.record !== undefined || values.decision !== undefined) {
          if (values.record === undefined || values.decision === undefined) throw new ExoError('EXO_ERR_CLI_USAGE', 'review screen: --record and --decision go together');
          const recordId = intOption('record', values.record, 1)!;
          const expected = intOption('expected-version', values['expected-version']) ?? ctx.service.getRecord(actor, projectId, recordId).stages[stage].mine?.version ?? 0;
          const { decision, record } = ctx.service.decide(actor, projectId, recordId, { stage, decision: values.decision, reason: values.reason, note: values.note, expectedVersion: expected });
          if (values.json) out(io, { decision, record });
          else io.stdout(`record ${recordId}: ${decision.decision}${decision.reason ? ` (${decision.reason})` : ''} by ${decision.reviewer}, version ${decision.version}; ${stage} status ${record.stages[stage].status}\n`);
          return 0;
        }
        const next = ctx.service.next(actor, projectId, stage);
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
          return 0;
        }
        printRecord(io, next.record, stage);
        if (next.stopping) io.stdout(`\nStopping guidance: ${next.stopping.note}\n`);
        io.stdout(`\nDecide with: exoatlas review screen ${projectId} --as ${actor.username} --record ${next.record.id} --decision include|exclude|maybe [--reason "…"]\n`);
        io.stdout(`Exclusion reasons: ${next.exclusionReasons.join('; ')}\n`);
        return 0;
      } finally {
        ctx.close();
      }
    }
    case 'retrieval': {
      const { values, positionals } = parseCommandArgs('review retrieval', rest, { ...COMMON, record: { type: 'string' }, 'not-retrieved': { type: 'boolean', default: false }, retrieved: { type: 'boolean', default: false } });
      const [projectId] = positionals;
      const usage = 'review retrieval <project> --record ID --not-retrieved|--retrieved';
      if (!projectId || values.record === undefined) throw new ExoError('EXO_ERR_CLI_USAGE', usage);
      if (values['not-retrieved'] === values.retrieved) throw new ExoError('EXO_ERR_CLI_USAGE', `${usage}: give exactly one of --not-retrieved and --retrieved`);
      const ctx = open(io, values);
      try {
        const record = ctx.service.setNotRetrieved(actAs(ctx, io, values.as), projectId, intOption('record', values.record, 1)!, values['not-retrieved']);
        if (values.json) out(io, record);
        else io.stdout(`record ${record.id}: full text ${record.isNotRetrieved ? 'not retrieved (counted under "reports not retrieved")' : 'retrieved; it can be screened at full text'}\n`);
        return 0;
      } finally {
        ctx.close();
      }
    }
    case 'stop': {
      const { values, positionals } = parseCommandArgs('review stop', rest, { ...COMMON, note: { type: 'string' } });
      const [projectId] = positionals;
      if (!projectId) throw new ExoError('EXO_ERR_CLI_USAGE', 'review stop <project> [--note T]');
      const ctx = open(io, values);
      try {
        const result = ctx.service.stopScreening(actAs(ctx, io, values.as), projectId, { note: values.note });
        if (values.json) out(io, result);
        else io.stdout(`title/abstract screening stopped: ${result.excluded} record${result.excluded === 1 ? '' : 's'} nobody screened now count as excluded by automation tools\nStopping guidance at this point: ${result.stopping.note}\n`);
        return 0;
      } finally {
        ctx.close();
      }
    }
    case 'resume': {
      const { values, positionals } = parseCommandArgs('review resume', rest, COMMON);
      const [projectId] = positionals;
      if (!projectId) throw new ExoError('EXO_ERR_CLI_USAGE', 'review resume <project>');
      const ctx = open(io, values);
      try {
        const result = ctx.service.resumeScreening(actAs(ctx, io, values.as), projectId);
        if (values.json) out(io, result);
        else io.stdout(`title/abstract screening resumed: ${result.restored} record${result.restored === 1 ? '' : 's'} back in the screening queue\n`);
        return 0;
      } finally {
        ctx.close();
      }
    }
    case 'conflicts': {
      const { values, positionals } = parseCommandArgs('review conflicts', rest, { ...COMMON, stage: STAGE_OPTION });
      const [projectId] = positionals;
      if (!projectId) throw new ExoError('EXO_ERR_CLI_USAGE', 'review conflicts <project> [--stage S]');
      const ctx = open(io, values);
      try {
        const result = ctx.service.conflicts(actAs(ctx, io, values.as), projectId, stageOf(values.stage));
        if (values.json) out(io, result);
        else {
          for (const c of result.items) io.stdout(`record ${c.recordId}: ${c.decisions.map((d) => `${d.reviewer} ${d.decision}${d.reason ? ` (${d.reason})` : ''}`).join(' vs ')}\n  ${c.record.title}\n`);
          io.stdout(`${result.items.length} conflict${result.items.length === 1 ? '' : 's'} at ${result.stage}\n`);
        }
        return 0;
      } finally {
        ctx.close();
      }
    }
    case 'resolve': {
      const { values, positionals } = parseCommandArgs('review resolve', rest, { ...COMMON, stage: STAGE_OPTION, record: { type: 'string' }, decision: { type: 'string' }, reason: { type: 'string' }, method: { type: 'string' }, note: { type: 'string' } });
      const [projectId] = positionals;
      if (!projectId || values.record === undefined || values.decision === undefined) throw new ExoError('EXO_ERR_CLI_USAGE', 'review resolve <project> --record ID --decision include|exclude');
      const ctx = open(io, values);
      try {
        const resolution = ctx.service.resolve(actAs(ctx, io, values.as), projectId, intOption('record', values.record, 1)!, { stage: stageOf(values.stage), decision: values.decision, reason: values.reason, method: values.method, note: values.note });
        if (values.json) out(io, resolution);
        else io.stdout(`record ${resolution.recordId}: resolved as ${resolution.decision} by ${resolution.resolver} (${resolution.method})\n`);
        return 0;
      } finally {
        ctx.close();
      }
    }
    case 'agreement': {
      const { values, positionals } = parseCommandArgs('review agreement', rest, { ...COMMON, stage: STAGE_OPTION });
      const [projectId] = positionals;
      if (!projectId) throw new ExoError('EXO_ERR_CLI_USAGE', 'review agreement <project> [--stage S]');
      const ctx = open(io, values);
      try {
        const items = ctx.service.agreement(actAs(ctx, io, values.as), projectId, stageOf(values.stage));
        if (values.json) out(io, { items });
        else items.forEach((a) => printAgreement(io, a));
        return 0;
      } finally {
        ctx.close();
      }
    }
    case 'prisma': {
      const { values, positionals } = parseCommandArgs('review prisma', rest, { ...COMMON, svg: { type: 'string' }, 'png-svg': { type: 'string' }, csv: { type: 'string' } });
      const [projectId] = positionals;
      if (!projectId) throw new ExoError('EXO_ERR_CLI_USAGE', 'review prisma <project> [--svg out.svg] [--png-svg out.svg] [--csv out.csv]');
      const ctx = open(io, values);
      try {
        const counts = ctx.service.prisma(actAs(ctx, io, values.as), projectId);
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
      } finally {
        ctx.close();
      }
    }
    case 'export': {
      const { values, positionals } = parseCommandArgs('review export', rest, { ...COMMON, format: { type: 'string', default: 'ris' }, stage: STAGE_OPTION, status: { type: 'string', default: 'included' }, output: { type: 'string', short: 'o' } });
      const [projectId] = positionals;
      if (!projectId) throw new ExoError('EXO_ERR_CLI_USAGE', 'review export <project> [--format ris|bibtex|csl-json|csv] [--stage S] [--status ST] [-o FILE]');
      if (!(OUTPUT_FORMATS as readonly string[]).includes(values.format)) throw new ExoError('EXO_ERR_CLI_USAGE', `--format must be one of ${OUTPUT_FORMATS.join(', ')}`);
      if (!(RECORD_STATUSES as readonly string[]).includes(values.status)) throw new ExoError('EXO_ERR_CLI_USAGE', `--status must be one of ${RECORD_STATUSES.join(', ')}`);
      const stage = stageOf(values.stage) ?? 'full-text';
      const ctx = open(io, values);
      try {
        const items = ctx.service.exportRecords(actAs(ctx, io, values.as), projectId, { stage, status: values.status as RecordStatus });
        const text = writeCitations(items.map((i) => i.citation), values.format as OutputFormat);
        if (values.output) {
          await io.writeFile(values.output, text);
          io.stderr(`wrote ${items.length} record${items.length === 1 ? '' : 's'} (${stage}, ${values.status}) to ${values.output}\n`);
        } else io.stdout(text);
        return 0;
      } finally {
        ctx.close();
      }
    }
    case 'log': {
      const { values, positionals } = parseCommandArgs('review log', rest, { ...COMMON, output: { type: 'string', short: 'o' } });
      const [projectId] = positionals;
      if (!projectId) throw new ExoError('EXO_ERR_CLI_USAGE', 'review log <project> [-o FILE]');
      const ctx = open(io, values);
      try {
        const items = ctx.service.exportRecords(actAs(ctx, io, values.as), projectId);
        const csv = screeningLogCsv(items.map((i) => i.view));
        if (values.output) {
          await io.writeFile(values.output, csv);
          io.stderr(`wrote the screening log of ${items.length} record${items.length === 1 ? '' : 's'} to ${values.output}\n`);
        } else io.stdout(csv);
        return 0;
      } finally {
        ctx.close();
      }
    }
    case 'list': {
      const { values } = parseCommandArgs('review list', rest, COMMON, false);
      const ctx = open(io, values);
      try {
        const items = ctx.service.listProjects(actAs(ctx, io, values.as));
        if (values.json) out(io, { items });
        else for (const p of items) io.stdout(`${p.id.padEnd(32)} ${p.role.padEnd(9)} ${p.mode.padEnd(7)} ${String(p.records).padStart(6)} records  ${p.name}\n`);
        return 0;
      } finally {
        ctx.close();
      }
    }
    case 'show': {
      const { values, positionals } = parseCommandArgs('review show', rest, COMMON);
      const [projectId] = positionals;
      if (!projectId) throw new ExoError('EXO_ERR_CLI_USAGE', 'review show <project>');
      const ctx = open(io, values);
      try {
        const view = ctx.service.getProject(actAs(ctx, io, values.as), projectId);
        if (values.json) out(io, view);
        else {
          io.stdout(`${view.project.name} (${view.project.id}), ${view.project.mode} screening; you are ${view.role}\n`);
          io.stdout(`Members: ${view.members.map((m) => `${m.username} (${m.role})`).join(', ')}\n`);
          for (const s of view.searches) io.stdout(`Search ${s.id}: ${s.database} ${s.date} ${s.fileName}: ${s.identified} records, ${s.added} new\n`);
          for (const stage of STAGES) {
            const p = view.progress[stage];
            io.stdout(`${stage}: ${p.eligible} records; ${p.included} included, ${p.excluded} excluded, ${p.conflicts} conflicts, ${p.partial} half-screened, ${p.unscreened} unscreened\n`);
          }
        }
        return 0;
      } finally {
        ctx.close();
      }
    }
    case 'audit': {
      const { values, positionals } = parseCommandArgs('review audit', rest, { ...COMMON, record: { type: 'string' }, user: { type: 'string' }, stage: { type: 'string' }, limit: { type: 'string' } });
      const [projectId] = positionals;
      if (!projectId) throw new ExoError('EXO_ERR_CLI_USAGE', 'review audit <project> [--record ID] [--user NAME] [--stage S] [--limit N]');
      const ctx = open(io, values);
      try {
        const log = ctx.service.audit(actAs(ctx, io, values.as), projectId, {
          recordId: intOption('record', values.record, 1),
          username: values.user,
          stage: stageOf(values.stage),
          limit: intOption('limit', values.limit, 1) ?? 50,
        });
        if (values.json) out(io, log);
        else for (const e of log.items) io.stdout(`${e.at} ${e.username} ${e.action}${e.recordId ? ` record ${e.recordId}` : ''}${e.stage ? ` (${e.stage})` : ''}: ${JSON.stringify(e.before)} → ${JSON.stringify(e.after)}\n`);
        return 0;
      } finally {
        ctx.close();
      }
    }
    default:
      throw new ExoError('EXO_ERR_CLI_USAGE', `review: unknown subcommand '${sub}' (see exoatlas review --help)`);
  }
}
