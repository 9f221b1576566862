import { METHODS, UNIVARIATE_TESTS } from '@exoatlas/meta';
import { ExoError } from '@exoatlas/schema';
import {
  ExtractionService,
  FORM_KINDS,
  SUBGROUP_COLUMNS,
  SYNTHESIS_MEASURES,
  formatIssues,
  isSynthesisMeasure,
  resultsToCsv,
  synthesisFromJson,
  synthesisToJson,
  tableToCsv,
  validateForm,
  type FormKind,
  type SynthesisOptions,
  type ReviewStore,
  type SynthesisResult,
} from '@exoatlas/review';
import { intOption, parseCommandArgs, optionsAfterCommand } from '../args.js';
import type { CommandIO } from '../command-io.js';
import { REVIEW_COMMON_OPTIONS, actAs, openReviewContext } from '../review-context.js';

export const SYNTHESIS_HELP = `Usage: exoatlas synthesis <subcommand> [options]

Data extraction, appraisal and meta-analysis of a review project's included studies (after
exoatlas review … screening). Forms are JSON files (exoatlas synthesis schema prints their fields).

  studies <project>                 included studies and where their forms stand
  validate <form.json> --kind extraction|rob|misev
                                    check a form offline: one line per bad field
  extract <project> --record ID --file form.json [--consensus] [--expected-version V]
                                    save your extraction form (or the consensus form) whole
  appraise <project> --record ID (--syrcle file.json | --misev file.json) [--consensus]
           [--expected-version V]   save your SYRCLE risk-of-bias or MISEV appraisal
  forms <project> --record ID [--kind K]
                                    the reviewers' forms, their discrepancies and the value used
  appraisal <project> [--rob-summary f.svg] [--traffic-light f.svg] [--misev f.svg]
                                    SYRCLE and MISEV summaries (ExoAtlas's own MISEV checklist score)
  run <project> --outcome O [--time-point T] [--measure SMD|ROM|NMD|OR|RR] [--method REML]
      [--test z|knha] [--subgroup C] [--exclude-rob high[,unclear]] [--no-bias] [--no-sensitivity] [--save]
      [--forest f.svg] [--funnel f.svg] [--rob-forest f.svg] [--csv table.csv]
      [--results-csv r.csv] [--out synthesis.json]
                                    pool an outcome in one step (random effects, REML by default)
  show <project> --synthesis ID [same output options as run]
                                    a saved synthesis, re-analysed from its stored table
  publish <project> --synthesis ID [--disease-area A]
                                    owners: put the included studies and pooled results in the atlas
                                    (again: a new version; a dual project needs every consensus form)
  unpublish <project>               owners: take the project's studies out of the atlas (audited)
  publications <project>            every version of the project's publication in the atlas
  schema                            the form fields, SYRCLE items and MISEV checklist

Subgroup columns: ${SUBGROUP_COLUMNS.join(', ')}.
Every subcommand takes --as USER (or EXOATLAS_USER; default the local account), --db FILE or
--database-url URL (or DATABASE_URL), --json.
`;

const COMMON = REVIEW_COMMON_OPTIONS;
const OUTPUTS = { forest: { type: 'string' }, funnel: { type: 'string' }, 'rob-forest': { type: 'string' }, csv: { type: 'string' }, 'results-csv': { type: 'string' }, out: { type: 'string' } } as const;

interface Context {
  service: ExtractionService;
  reviews: ReviewStore;
  close(): Promise<void>;
}

async function open(io: CommandIO, values: { db?: string; 'database-url'?: string; data?: string }): Promise<Context> {
  const base = await openReviewContext(io, values);
  return { service: new ExtractionService(base.service, base.stores.extraction), reviews: base.reviews, close: base.close };
}


const out = (io: CommandIO, value: unknown) => io.stdout(JSON.stringify(value, null, 2) + '\n');

async function readJson(io: CommandIO, file: string): Promise<unknown> {
  const text = await io.readFile(file);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ExoError('EXO_ERR_EXTRACT_INVALID', `${file} is not valid JSON: ${(error as Error).message}`, { file });
  }
}

function requireArg<T>(value: T | undefined, usage: string): T {
  if (value === undefined) throw new ExoError('EXO_ERR_CLI_USAGE', usage);
  return value;
}

const fmt = (x: number | null | undefined, d = 2): string => (x === null || x === undefined || !Number.isFinite(x) ? 'NA' : x.toFixed(d));

function printSynthesis(io: CommandIO, s: SynthesisResult, id: number | null): void {
  const r = s.result;
  io.stdout(`${s.options.outcome}${s.options.timePoint ? ` (${s.options.timePoint})` : ''}: ${r.measureLabel}, ${r.method} random-effects model, k = ${r.k}${id !== null ? `  [saved as synthesis ${id}]` : ''}\n`);
  io.stdout(`  measure: ${s.measureReason}\n`);
  // ratio measures are pooled as logs and shown as ratios (issue 18 item 3)
  const e = s.effect;
  const tr = (x: number | null): number | null => (x === null ? null : e.scale === 'ratio' ? Math.exp(x) : x);
  io.stdout(`  scale: ${e.scale === 'ratio' ? `${r.measure} as a ratio (the model pools log ${r.measure}; --json gives both)` : `${r.measure} as analysed`}; ${e.interpretation}\n`);
  for (const [n, row] of r.rowsUsed.entries()) {
    const st = r.studies[row - 1]!;
    const se = Math.sqrt(st.vi ?? NaN);
    const yi = st.yi ?? NaN;
    io.stdout(`  ${r.labels[row - 1]!.padEnd(28)} ${fmt(tr(yi)).padStart(7)} [${fmt(tr(yi - 1.96 * se))}, ${fmt(tr(yi + 1.96 * se))}]  ${fmt(r.weights[n], 1)}%\n`);
  }
  io.stdout(`  pooled ${r.measure} ${fmt(e.estimate, 3)} (${r.level}% CI ${fmt(e.ciLower, 3)} to ${fmt(e.ciUpper, 3)}), p ${r.pval !== null && r.pval < 0.001 ? '< 0.001' : `= ${fmt(r.pval, 3)}`}; tau² ${fmt(r.tau2, 3)}, I² ${fmt(r.i2, 1)}%\n`);
  if (e.treatmentOverControl) {
    const t = e.treatmentOverControl;
    io.stdout(`  treatment over control: ${r.measure} ${fmt(t.estimate, 3)} (${r.level}% CI ${fmt(t.ciLower, 3)} to ${fmt(t.ciUpper, 3)}); below 1 favours treatment\n`);
  }
  if (r.subgroups) {
    for (const g of r.subgroups.groups) io.stdout(`  ${r.subgroups.column} = ${g.level}: k = ${g.k}, ${fmt(tr(g.estimate), 3)} [${fmt(tr(g.ciLower), 3)}, ${fmt(tr(g.ciUpper), 3)}]\n`);
    io.stdout(`  test for subgroup differences: Q(${r.subgroups.test.df}) = ${fmt(r.subgroups.test.qb)}, p = ${fmt(r.subgroups.test.pval, 3)}\n`);
  }
  const eg = r.bias?.egger;
  if (eg) io.stdout(`  Egger's test: ${eg.statisticName} = ${fmt(eg.statistic)}${eg.df !== null ? `, df = ${eg.df}` : ''}, p = ${fmt(eg.pval, 3)}\n`);
  for (const w of s.warnings) io.stdout(`  note: ${w}\n`);
}

async function writeOutputs(io: CommandIO, s: SynthesisResult, values: Partial<Record<keyof typeof OUTPUTS, string | undefined>>, projectId: string): Promise<void> {
  if (values.forest) await io.writeFile(values.forest, s.svg.forest);
  if (values.funnel) await io.writeFile(values.funnel, s.svg.funnel);
  if (values['rob-forest']) await io.writeFile(values['rob-forest'], s.svg.robForest);
  if (values.csv) await io.writeFile(values.csv, tableToCsv(s.analysisTable.table));
  if (values['results-csv']) await io.writeFile(values['results-csv'], resultsToCsv(s));
  if (values.out) await io.writeFile(values.out, synthesisToJson(s, { projectId }));
}

function kindOf(value: string | undefined): FormKind {
  return ExtractionService.checkKind(value ?? 'extraction');
}

/** `exoatlas synthesis …`: extraction, appraisal and one-step meta-analysis of a review project (see SYNTHESIS_HELP). */
export async function synthesisCommand(args: string[], io: CommandIO): Promise<number> {
  const [sub, ...rest] = optionsAfterCommand(args);
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout(SYNTHESIS_HELP);
    return sub === undefined ? 2 : 0;
  }
  if (sub === 'validate') {
    const { values, positionals } = parseCommandArgs('synthesis validate', rest, { kind: { type: 'string' }, json: { type: 'boolean', default: false } });
    const file = requireArg(positionals[0], 'synthesis validate <form.json> --kind extraction|rob|misev');
    const r = validateForm(kindOf(values.kind), await readJson(io, file));
    if (values.json) out(io, r);
    else if (r.ok) io.stdout(`${file}: valid ${values.kind ?? 'extraction'} form\n`);
    else io.stderr(`${formatIssues(r.issues).replace(/^/gm, `${file}: `)}\n`);
    return r.ok ? 0 : 4;
  }
  if (sub === 'schema') {
    const { SYRCLE_ITEMS, MISEV_ITEMS, MISEV_SCORE_LABEL, ISOLATION_METHODS, ExtractionForm, formFields, formatFormFields } = await import('@exoatlas/review');
    const { values } = parseCommandArgs('synthesis schema', rest, { json: { type: 'boolean', default: false } });
    // issue 18 item 8: the extraction form's fields, from the schema that validates it
    const fields = formFields(ExtractionForm);
    const misev = { label: MISEV_SCORE_LABEL, items: MISEV_ITEMS.map(({ applies: _f, ...i }) => i) };
    if (values.json) {
      out(io, { kinds: FORM_KINDS, fields: { extraction: fields }, isolationMethods: ISOLATION_METHODS, measures: SYNTHESIS_MEASURES, subgroups: SUBGROUP_COLUMNS, syrcle: SYRCLE_ITEMS, misev });
      return 0;
    }
    io.stdout(`Extraction form (--kind extraction; JSON, validated field by field):\n${formatFormFields(fields)}\n\n`);
    io.stdout(`Risk of bias (--kind rob): items.<id>.judgement yes | no | unclear, items.<id>.quote (needed for yes or no), items.<id>.comment (optional), for every SYRCLE item:\n${SYRCLE_ITEMS.map((i) => `  ${i.id}: ${i.label}`).join('\n')}\n\n`);
    io.stdout(`MISEV (--kind misev), ${MISEV_SCORE_LABEL}: items.<id>.answer yes | no | na, items.<id>.quote (optional), for every item:\n${misev.items.map((i) => `  ${i.id}: ${i.label}`).join('\n')}\n\n`);
    io.stdout(`Measures: ${SYNTHESIS_MEASURES.join(', ')}; subgroups by: ${SUBGROUP_COLUMNS.join(', ')}\n(--json gives all of it as JSON)\n`);
    return 0;
  }
  const options = {
    ...COMMON,
    ...OUTPUTS,
    record: { type: 'string' },
    file: { type: 'string' },
    kind: { type: 'string' },
    syrcle: { type: 'string' },
    misev: { type: 'string' },
    consensus: { type: 'boolean', default: false },
    'expected-version': { type: 'string' },
    'rob-summary': { type: 'string' },
    'traffic-light': { type: 'string' },
    outcome: { type: 'string' },
    'time-point': { type: 'string' },
    measure: { type: 'string' },
    method: { type: 'string' },
    test: { type: 'string' },
    subgroup: { type: 'string' },
    'exclude-rob': { type: 'string' },
    'no-bias': { type: 'boolean', default: false },
    'no-sensitivity': { type: 'boolean', default: false },
    save: { type: 'boolean', default: false },
    synthesis: { type: 'string' },
    'disease-area': { type: 'string' },
  } as const;
  const { values, positionals } = parseCommandArgs(`synthesis ${sub}`, rest, options);
  const project = requireArg(positionals[0], `synthesis ${sub} <project> … (see exoatlas synthesis --help)`);
  const ctx = await open(io, values);
  try {
    const actor = await actAs(ctx, io, values.as);
    const s = ctx.service;
    const record = (): number => requireArg(intOption('record', values.record, 1), `synthesis ${sub}: --record ID is required`);
    switch (sub) {
      case 'studies': {
        const items = await s.studies(actor, project);
        if (values.json) out(io, { items });
        else {
          if (items.length === 0) io.stdout('no included study yet (screen the full texts first)\n');
          for (const i of items) {
            io.stdout(`${String(i.recordId).padStart(5)}  ${i.label.padEnd(24)} extraction ${i.extraction.status}${i.extraction.mine ? ` (yours v${i.extraction.mine})` : ''}; SYRCLE ${i.rob.status}${i.rob.overall ? ` (${i.rob.overall})` : ''}; MISEV ${i.misev.status}${i.misev.score !== null ? ` (${Math.round(100 * i.misev.score)}%)` : ''}\n`);
            if (i.outcomes.length) io.stdout(`         outcomes: ${i.outcomes.join(', ')}\n`);
          }
        }
        return 0;
      }
      case 'extract':
      case 'appraise': {
        if (sub === 'appraise' && !values.syrcle && !values.misev) throw new ExoError('EXO_ERR_CLI_USAGE', 'synthesis appraise: give --syrcle file.json or --misev file.json');
        const kind: FormKind = sub === 'extract' ? 'extraction' : values.syrcle ? 'rob' : 'misev';
        const file = sub === 'extract' ? requireArg(values.file, 'synthesis extract: --file form.json is required') : (values.syrcle ?? values.misev)!;
        const data = await readJson(io, file);
        const id = record();
        let expectedVersion = intOption('expected-version', values['expected-version']);
        if (expectedVersion === undefined) {
          const mine = await s.forms(actor, project, id, kind);
          const own = values.consensus ? mine.consensus : mine.forms.find((f) => f.reviewerId === actor.id);
          expectedVersion = own?.version ?? 0;
        }
        const saved = await s.saveForm(actor, project, id, kind, { data, expectedVersion, consensus: values.consensus });
        if (values.json) out(io, saved);
        else io.stdout(`record ${id}: ${values.consensus ? 'consensus ' : ''}${kind} form saved (version ${saved.version})\n`);
        return 0;
      }
      case 'forms': {
        const v = await s.forms(actor, project, record(), kindOf(values.kind));
        if (values.json) out(io, v);
        else {
          io.stdout(`record ${v.recordId} ${v.kind}: ${v.status}; ${v.forms.length} reviewer form${v.forms.length === 1 ? '' : 's'}${v.consensus ? `, consensus v${v.consensus.version}` : ''}\n`);
          for (const d of v.discrepancies) io.stdout(`  ${d.path}: ${JSON.stringify(d.a)} ≠ ${JSON.stringify(d.b)}\n`);
          if (v.agreement) io.stdout(`  agreement ${Math.round(100 * (v.agreement.percent ?? 0))}%, kappa ${v.agreement.kappa === null ? '—' : v.agreement.kappa.toFixed(3)}\n`);
        }
        return 0;
      }
      case 'appraisal': {
        const a = await s.appraisalSummary(actor, project);
        if (values['rob-summary']) await io.writeFile(values['rob-summary'], a.svg.robSummary);
        if (values['traffic-light']) await io.writeFile(values['traffic-light'], a.svg.robTrafficLight);
        if (values.misev) await io.writeFile(values.misev, a.svg.misevSummary);
        if (values.json) out(io, { rob: a.rob, misev: a.misev });
        else {
          io.stdout(`SYRCLE risk of bias: ${a.rob.length} stud${a.rob.length === 1 ? 'y' : 'ies'} assessed\n`);
          for (const r of a.rob) io.stdout(`  ${String(r.recordId).padStart(5)}  ${r.label.padEnd(24)} ${Object.values(r.judgements).map((j) => (j === 'yes' ? '+' : j === 'no' ? '-' : '?')).join(' ')}\n`);
          io.stdout(`MISEV reporting (${a.misev[0]?.score.label ?? "ExoAtlas's own checklist score"}):\n`);
          for (const m of a.misev) io.stdout(`  ${String(m.recordId).padStart(5)}  ${m.label.padEnd(24)} ${m.score.score === null ? 'n/a' : `${Math.round(100 * m.score.score)}%`} (${m.score.reported}/${m.score.applicable})\n`);
        }
        return 0;
      }
      case 'run': {
        const measure = values.measure?.toUpperCase();
        if (measure !== undefined && !isSynthesisMeasure(measure)) throw new ExoError('EXO_ERR_EXTRACT_BAD_OPTION', `--measure must be one of ${SYNTHESIS_MEASURES.join(', ')}`, { field: 'measure' });
        const opts: SynthesisOptions = {
          outcome: requireArg(values.outcome, 'synthesis run: --outcome O is required (see synthesis studies for the outcomes)'),
          ...(values['time-point'] ? { timePoint: values['time-point'] } : {}),
          ...(measure ? { measure } : {}),
          ...(values.method ? { method: oneOf(METHODS, values.method.toUpperCase(), 'method') } : {}),
          ...(values.test ? { test: oneOf(UNIVARIATE_TESTS, values.test, 'test') } : {}),
          ...(values.subgroup ? { subgroup: values.subgroup } : {}),
          ...(values['exclude-rob'] ? { excludeRob: values['exclude-rob'].split(',').map((x) => x.trim()) as ('high' | 'unclear')[] } : {}),
          bias: !values['no-bias'],
          sensitivity: !values['no-sensitivity'],
        };
        const { id, synthesis } = await s.synthesise(actor, project, opts, values.save);
        await writeOutputs(io, synthesis, values, project);
        if (values.json) io.stdout(synthesisToJson(synthesis, { projectId: project }));
        else printSynthesis(io, synthesis, id);
        return 0;
      }
      case 'show': {
        const id = requireArg(intOption('synthesis', values.synthesis, 1), 'synthesis show: --synthesis ID is required');
        const synthesis = synthesisFromJson((await s.getSynthesis(actor, project, id)).result);
        await writeOutputs(io, synthesis, values, project);
        if (values.json) io.stdout(synthesisToJson(synthesis, { projectId: project }));
        else printSynthesis(io, synthesis, id);
        return 0;
      }
      case 'publish': {
        const id = requireArg(intOption('synthesis', values.synthesis, 1), 'synthesis publish: --synthesis ID is required');
        const r = await s.publish(actor, project, id, values['disease-area']);
        if (values.json) out(io, r);
        else io.stdout(`synthesis ${id} published as version ${r.version}: ${r.studies.length} studies in the atlas (origin: project ${project})\n`);
        return 0;
      }
      case 'unpublish': {
        const r = await s.unpublish(actor, project);
        if (values.json) out(io, r);
        else io.stdout(`project ${project} unpublished: its ${r.studies} studies (version ${r.version}) are no longer in the atlas\n`);
        return 0;
      }
      case 'publications': {
        const items = await s.publications(actor, project);
        if (values.json) out(io, { items });
        else for (const p of items) io.stdout(`v${p.version}  synthesis ${p.synthesisId}  ${p.studies} studies  published ${p.publishedAt}${p.withdrawnAt ? `  withdrawn ${p.withdrawnAt}` : ''}\n`);
        return 0;
      }
      default:
        throw new ExoError('EXO_ERR_CLI_USAGE', `unknown subcommand 'synthesis ${sub}' (see exoatlas synthesis --help)`);
    }
  } finally {
    await ctx.close();
  }
}

/** A flag's value checked against the library's list (a literal union type): `--method` REML, DL, … */
function oneOf<T extends string>(allowed: readonly T[], value: string, flag: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new ExoError('EXO_ERR_EXTRACT_BAD_OPTION', `--${flag} must be one of ${allowed.join(', ')} (got "${value}")`, { field: flag });
  return value as T;
}
