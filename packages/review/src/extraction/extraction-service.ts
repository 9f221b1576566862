/**
 * Extraction, appraisal and synthesis with their policy, on top of part 1's ReviewService (accounts, projects,
 * roles, screening): only studies included at full text are extracted; reviewers and owners write their own forms,
 * owners and reviewers save the consensus (the "resolve" right), viewers read; every form is validated whole before
 * one atomic save. The HTTP API and the CLI both call it.
 */
import { DiseaseArea, ExoError, type Study } from '@exoatlas/schema';
import { requireRole, type Action } from '../auth/roles.js';
import type { RecordView, ReviewService } from '../service/review-service.js';
import type { Project, Role, User } from '../types.js';
import { areFormsBlinded, isBlindedToAnyForm, readerOf, visibleForms, type Reader } from '../visibility/index.js';
import { compareJudgements, effectiveValue, type AgreementSummary, type ConsensusStatus } from '../appraisal/consensus.js';
import { MISEV_ITEM_IDS, MisevAppraisal, misevRuleIssues, misevScore, type MisevScore } from '../appraisal/misev.js';
import { RobAssessment, SYRCLE_ITEM_IDS, robJudgements, robOverall, type RobJudgement, type SyrcleItemId } from '../appraisal/syrcle.js';
import { robSummarySvg } from '../appraisal/rob-summary-svg.js';
import { robTrafficLightSvg } from '../appraisal/rob-traffic-light-svg.js';
import { misevSummarySvg } from '../appraisal/misev-summary-svg.js';
import { studyLabels } from './study-labels.js';
import { projectAtlasStudies, type ProjectAtlasStudy } from '../synthesis/atlas-records.js';
import { synthesise, type SynthesisOptions, type SynthesisResult } from '../synthesis/synthesise.js';
import { synthesisToJson } from '../synthesis/export.js';
import type { SynthesisStudy } from '../synthesis/study-input.js';
import { compareForms, type Discrepancy } from './discrepancies.js';
import { ExtractionForm } from './form-schema.js';
import { type FieldIssue, formatIssues, validateWith } from './validate.js';
import { FORM_KINDS, type ExtractionStore, type FormKind, type SavedForm } from './extraction-store.js';

const SCHEMAS = { extraction: ExtractionForm, rob: RobAssessment, misev: MisevAppraisal } as const;

export interface FormsView {
  recordId: number;
  kind: FormKind;
  /** the latest form of each reviewer the reader may see (visibility/: in dual mode others' forms stay hidden until two reviewers saved one) */
  forms: SavedForm[];
  consensus: SavedForm | null;
  /** where the reviewers' forms differ (extraction: field paths; appraisals: items) */
  discrepancies: Discrepancy[];
  agreement: AgreementSummary<string> | null;
  status: ConsensusStatus;
  /** the value synthesis uses (consensus, else agreed, else a single reviewer's) */
  effective: unknown;
  /** for MISEV: the effective appraisal's score */
  score?: MisevScore | null;
}

export interface StudyStatus {
  recordId: number;
  label: string;
  title: string;
  year?: number;
  doi?: string;
  pmid?: string;
  extraction: { status: ConsensusStatus; reviewers: number; mine: number | null };
  rob: { status: ConsensusStatus; reviewers: number; mine: number | null; overall: 'low' | 'unclear' | 'high' | null };
  misev: { status: ConsensusStatus; reviewers: number; mine: number | null; score: number | null };
  outcomes: string[];
}

const withRecord = (r: { label: string; recordId: number }): string => `${r.label} · record ${r.recordId}`;

/** Validates a form as typed, without saving: every issue with its field path (MISEV also against the study's characteristics). */
export function validateForm(kind: FormKind, data: unknown, characteristics?: unknown): { ok: boolean; issues: FieldIssue[] } {
  const r = validateWith(SCHEMAS[kind], data);
  if (!r.ok) return { ok: false, issues: r.issues };
  if (kind === 'misev' && characteristics !== undefined) {
    const c = ExtractionForm.shape.characteristics.safeParse(characteristics);
    const issues = misevRuleIssues(r.value as MisevAppraisal, c.success ? c.data : undefined);
    return { ok: issues.length === 0, issues };
  }
  return { ok: true, issues: [] };
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export class ExtractionService {
  private readonly pool: SynthesisRunner;

  constructor(
    readonly review: ReviewService,
    readonly store: ExtractionStore,
    /** Where the pooling runs: the server passes its worker pool (an analysis with leave-one-out over many studies is CPU); default this thread. */
    options: { synthesise?: SynthesisRunner } = {},
  ) {
    this.pool = options.synthesise ?? (async (studies, o) => synthesise(studies, o));
  }

  /** Throws unless the actor may do the action in the project (non-members: not found; others: forbidden). */
  async requireAccess(actor: User | undefined, projectId: string, action: Action): Promise<Role> {
    return (await this.access(actor, projectId, action)).role;
  }

  private async access(actor: User | undefined, projectId: string, action: Action): Promise<{ user: User; project: Project; role: Role }> {
    const user = this.review.requireUser(actor);
    const project = await this.review.store.getProject(projectId);
    const role = project ? await this.review.store.memberRole(projectId, user.id) : undefined;
    requireRole(role, action, projectId);
    return { user, project: project!, role: role! };
  }

  private async included(actor: User | undefined, projectId: string): Promise<RecordView[]> {
    return (await this.review.listRecords(actor, projectId, { stage: 'full-text', status: 'included', limit: 100_000 })).items;
  }

  private async requireIncluded(actor: User | undefined, projectId: string, recordId: number): Promise<RecordView> {
    const r = (await this.included(actor, projectId)).find((x) => x.id === recordId);
    if (!r) {
      if (!(await this.review.store.getRecord(projectId, recordId))) throw new ExoError('EXO_ERR_REVIEW_NOT_FOUND_RECORD', `project '${projectId}' has no record ${recordId}`, { id: String(recordId) });
      throw new ExoError('EXO_ERR_EXTRACT_NOT_INCLUDED', `record ${recordId} is not included after full-text screening: only included studies are extracted and appraised`, { id: String(recordId) });
    }
    return r;
  }

  static checkKind(kind: unknown): FormKind {
    if (typeof kind !== 'string' || !(FORM_KINDS as readonly string[]).includes(kind)) throw new ExoError('EXO_ERR_EXTRACT_BAD_OPTION', `unknown form kind "${String(kind)}"; use ${FORM_KINDS.join(', ')}`, { field: 'kind' });
    return kind as FormKind;
  }

  /** Validates a form as typed, without saving (see validateForm). */
  validate(kind: FormKind, data: unknown, characteristics?: unknown): { ok: boolean; issues: FieldIssue[] } {
    return validateForm(kind, data, characteristics);
  }

  /** The forms' reader (visibility/policy.ts): an owner supervises the kinds of form they have not filled in. */
  private async readerOf(user: User, project: Project, role: Role): Promise<Reader> {
    const mine = new Set((await this.store.latestForms(project.id)).filter((f) => f.reviewerId === user.id).map((f) => f.kind));
    return readerOf(user.id, project.mode, role, FORM_KINDS, (kind) => mine.has(kind as FormKind));
  }

  /** The forms this reader may see (visibility/: others' hidden while blinded); everything shown is computed from them. */
  private async visibleLatest(projectId: string, reader: Reader, filter?: { recordId?: number; kind?: FormKind }): Promise<SavedForm[]> {
    return visibleForms(await this.store.latestForms(projectId, filter), reader);
  }

  private async effectiveExtraction(projectId: string, recordId: number, reader: Reader): Promise<ExtractionForm | undefined> {
    const forms = await this.visibleLatest(projectId, reader, { recordId, kind: 'extraction' });
    return this.effective(forms).value as ExtractionForm | undefined;
  }

  private effective(forms: readonly SavedForm[]): { status: ConsensusStatus; value: unknown } {
    const consensus = forms.find((f) => f.reviewerId === null);
    return effectiveValue(
      forms.filter((f) => f.reviewerId !== null).map((f) => f.data),
      consensus?.data,
      sameJson,
    );
  }

  /**
   * Saves a reviewer's form (or, with `consensus: true`, the consensus form) after validating it whole: a bad value
   * throws EXO_ERR_EXTRACT_INVALID / EXO_ERR_APPRAISAL_INVALID with every field's message and nothing is saved.
   */
  async saveForm(actor: User | undefined, projectId: string, recordId: number, kindInput: unknown, input: { data?: unknown; expectedVersion?: unknown; consensus?: unknown }): Promise<SavedForm> {
    const kind = ExtractionService.checkKind(kindInput);
    const isConsensus = input.consensus === true;
    const { user, project, role } = await this.access(actor, projectId, isConsensus ? 'resolve' : 'screen');
    await this.requireIncluded(actor, projectId, recordId);
    if (isConsensus && areFormsBlinded(await this.store.latestForms(projectId, { recordId, kind }), project.mode)) {
      throw new ExoError('EXO_ERR_REVIEW_BLINDED', `record ${recordId}: in a dual project the ${kind} consensus follows two reviewers' own forms; until then each form stays hidden from the other reviewer`, { id: String(recordId) });
    }
    const expectedVersion = input.expectedVersion ?? 0;
    if (typeof expectedVersion !== 'number' || !Number.isInteger(expectedVersion) || expectedVersion < 0) {
      throw new ExoError('EXO_ERR_EXTRACT_BAD_OPTION', 'expectedVersion must be the version of the form you loaded (0 for a new form)', { field: 'expectedVersion' });
    }
    const characteristics = kind === 'misev' ? (await this.effectiveExtraction(projectId, recordId, await this.readerOf(user, project, role)))?.characteristics : undefined;
    const r = validateWith(SCHEMAS[kind], input.data);
    // MISEV applicability follows the study's extracted characteristics; before extraction every answer is accepted
    const issues = r.ok ? (kind === 'misev' && characteristics !== undefined ? misevRuleIssues(r.value as MisevAppraisal, characteristics) : []) : r.issues;
    if (!r.ok || issues.length > 0) {
      const what = kind === 'extraction' ? 'The extraction form' : kind === 'rob' ? 'The risk-of-bias assessment' : 'The MISEV appraisal';
      throw new ExoError(kind === 'extraction' ? 'EXO_ERR_EXTRACT_INVALID' : 'EXO_ERR_APPRAISAL_INVALID', `${what} has ${issues.length === 1 ? 'a bad value' : `${issues.length} bad values`}; nothing was saved:\n${formatIssues(issues)}`, { fields: issues });
    }
    return this.store.saveForm({ projectId, recordId, kind, reviewerId: isConsensus ? null : user.id, data: r.value, expectedVersion, userId: user.id });
  }

  /** The forms of one study and kind this reader may see, their discrepancies and the value synthesis uses. */
  async forms(actor: User | undefined, projectId: string, recordId: number, kindInput: unknown): Promise<FormsView> {
    const kind = ExtractionService.checkKind(kindInput);
    const { user, project, role } = await this.access(actor, projectId, 'read');
    await this.requireIncluded(actor, projectId, recordId);
    const all = await this.visibleLatest(projectId, await this.readerOf(user, project, role), { recordId, kind });
    const visible = all.filter((f) => f.reviewerId !== null);
    const consensus = all.find((f) => f.reviewerId === null) ?? null;
    const eff = this.effective(all);
    let discrepancies: Discrepancy[] = [];
    let agreement: AgreementSummary<string> | null = null;
    if (visible.length >= 2) {
      if (kind === 'extraction') discrepancies = compareForms(visible[0]!.data as ExtractionForm, visible[1]!.data as ExtractionForm);
      else {
        const ids: readonly string[] = kind === 'rob' ? SYRCLE_ITEM_IDS : MISEV_ITEM_IDS;
        const by: Record<string, Record<string, string>> = {};
        for (const f of visible) {
          const items = (f.data as { items: Record<string, { judgement?: string; answer?: string }> }).items;
          by[f.reviewer ?? String(f.reviewerId)] = Object.fromEntries(ids.map((id) => [id, items[id]?.judgement ?? items[id]?.answer ?? '']));
        }
        agreement = compareJudgements(by, ids);
        discrepancies = agreement.disagreements.map((d) => {
          const [a, b] = Object.values(d.judgements);
          return { path: `items.${d.item}`, a, b };
        });
      }
    }
    const view: FormsView = { recordId, kind, forms: visible, consensus, discrepancies, agreement, status: eff.status, effective: eff.value ?? null };
    if (kind === 'misev') view.score = eff.value ? misevScore(eff.value as MisevAppraisal) : null;
    return view;
  }

  async history(actor: User | undefined, projectId: string, recordId: number, kindInput: unknown): Promise<SavedForm[]> {
    const kind = ExtractionService.checkKind(kindInput);
    const { user, project, role } = await this.access(actor, projectId, 'read');
    // blinded or not is decided on the latest forms: the history holds the same reviewers and consensus
    return visibleForms(await this.store.formHistory(projectId, recordId, kind), await this.readerOf(user, project, role));
  }

  /** Every included study with where its extraction and appraisals stand. */
  async studies(actor: User | undefined, projectId: string): Promise<StudyStatus[]> {
    const { user, project, role } = await this.access(actor, projectId, 'read');
    const forms = await this.store.latestForms(projectId);
    const seen = visibleForms(forms, await this.readerOf(user, project, role));
    const included = await this.included(actor, projectId);
    const labels = studyLabels(included);
    return included.map((r) => {
      const of = (list: SavedForm[], kind: FormKind): SavedForm[] => list.filter((f) => f.recordId === r.id && f.kind === kind);
      const part = (kind: FormKind) => {
        // how many reviewers saved one may be known (like decidedBy); what they saved only once visible
        const eff = this.effective(of(seen, kind));
        return { status: eff.status, reviewers: of(forms, kind).filter((f) => f.reviewerId !== null).length, mine: of(forms, kind).find((f) => f.reviewerId === user.id)?.version ?? null, value: eff.value };
      };
      const ex = part('extraction');
      const rb = part('rob');
      const mv = part('misev');
      return {
        recordId: r.id,
        label: labels.get(r.id)!,
        title: r.title,
        ...(r.year !== undefined ? { year: r.year } : {}),
        ...(r.doi ? { doi: r.doi } : {}),
        ...(r.pmid ? { pmid: r.pmid } : {}),
        extraction: { status: ex.status, reviewers: ex.reviewers, mine: ex.mine },
        rob: { status: rb.status, reviewers: rb.reviewers, mine: rb.mine, overall: rb.value ? robOverallOf(rb.value as RobAssessment) : null },
        misev: { status: mv.status, reviewers: mv.reviewers, mine: mv.mine, score: mv.value ? misevScore(mv.value as MisevAppraisal).score : null },
        outcomes: ex.value ? [...new Set((ex.value as ExtractionForm).outcomes.map((o) => `${o.outcome} @ ${o.timePoint}`))] : [],
      };
    });
  }

  /** The studies synthesis reads: effective extraction forms (conflicts left out with a warning) and appraisals. */
  private async synthesisStudies(actor: User | undefined, projectId: string, reader: Reader): Promise<{ studies: (SynthesisStudy & { record: RecordView })[]; warnings: string[] }> {
    const forms = await this.visibleLatest(projectId, reader);
    const warnings: string[] = [];
    const studies: (SynthesisStudy & { record: RecordView })[] = [];
    const included = await this.included(actor, projectId);
    const labels = studyLabels(included);
    for (const r of included) {
      const of = (kind: FormKind) => this.effective(forms.filter((f) => f.recordId === r.id && f.kind === kind));
      const ex = of('extraction');
      const label = labels.get(r.id)!;
      if (ex.status === 'conflict') warnings.push(`${label}: the reviewers' extraction forms differ and there is no consensus form; left out.`);
      if (!ex.value) continue;
      if (ex.status === 'single') warnings.push(`${label}: extracted by one reviewer only.`);
      const rob = of('rob');
      if (rob.status === 'conflict') warnings.push(`${label}: risk-of-bias assessments differ without consensus; its judgements are not used.`);
      const mv = of('misev');
      studies.push({
        studyId: String(r.id),
        // forest plots, the analysis table and warnings name the record (what --record takes) beside the label
        label: withRecord({ label, recordId: r.id }),
        ...(r.year !== undefined ? { year: r.year } : {}),
        form: ex.value as ExtractionForm,
        ...(rob.value ? { rob: robJudgements(rob.value as RobAssessment) } : {}),
        misevScore: mv.value ? misevScore(mv.value as MisevAppraisal).score : null,
        record: r,
      });
    }
    return { studies, warnings };
  }

  /** Pools an outcome of the project's extracted data; with `save`, stores the synthesis (reviewers and owners). */
  async synthesise(actor: User | undefined, projectId: string, options: SynthesisOptions, save = false): Promise<{ id: number | null; synthesis: SynthesisResult }> {
    const { user, project, role } = await this.access(actor, projectId, save ? 'screen' : 'read');
    const { studies, warnings } = await this.synthesisStudies(actor, projectId, await this.readerOf(user, project, role));
    if (studies.length === 0) throw new ExoError('EXO_ERR_EXTRACT_NO_DATA', `project '${projectId}' has no extracted included study yet`, { id: projectId });
    const s = await this.pool(studies.map(withoutRecord), options);
    s.warnings.unshift(...warnings);
    let id: number | null = null;
    if (save) id = (await this.store.saveSynthesis({ projectId, options, result: JSON.parse(synthesisToJson(s, { projectId })), userId: user.id })).id;
    return { id, synthesis: s };
  }

  async syntheses(actor: User | undefined, projectId: string) {
    await this.access(actor, projectId, 'read');
    return this.store.syntheses(projectId);
  }

  /** A saved synthesis, withheld while another member's form of one of its studies is hidden from the reader (it may be computed from it). */
  async getSynthesis(actor: User | undefined, projectId: string, id: number) {
    const { user, project, role } = await this.access(actor, projectId, 'read');
    const s = await this.store.getSynthesis(projectId, id);
    if (!s) throw new ExoError('EXO_ERR_EXTRACT_NOT_FOUND', `project '${projectId}' has no synthesis ${id}`, { id: String(id) });
    const studies = synthesisRecordIds(s.result);
    const used = (await this.store.latestForms(projectId)).filter((f) => !studies || studies.has(f.recordId));
    if (isBlindedToAnyForm(used, await this.readerOf(user, project, role))) {
      throw new ExoError('EXO_ERR_REVIEW_BLINDED', `synthesis ${id} may use forms another reviewer saved that are still hidden from you: save your own forms (or wait for the consensus) first`, { id: String(id) });
    }
    return s;
  }

  /** The appraisal summaries and plots of a project (effective assessments of included studies). */
  async appraisalSummary(actor: User | undefined, projectId: string): Promise<{ rob: { recordId: number; label: string; judgements: Partial<Record<SyrcleItemId, RobJudgement>> }[]; misev: { recordId: number; label: string; score: MisevScore }[]; svg: { robSummary: string; robTrafficLight: string; misevSummary: string } }> {
    const { user, project, role } = await this.access(actor, projectId, 'read');
    const forms = await this.visibleLatest(projectId, await this.readerOf(user, project, role));
    const rob: { recordId: number; label: string; judgements: Partial<Record<SyrcleItemId, RobJudgement>> }[] = [];
    const misev: { recordId: number; label: string; appraisal: MisevAppraisal }[] = [];
    const included = await this.included(actor, projectId);
    const labels = studyLabels(included);
    for (const r of included) {
      const label = labels.get(r.id)!;
      const rb = this.effective(forms.filter((f) => f.recordId === r.id && f.kind === 'rob'));
      if (rb.value) rob.push({ recordId: r.id, label, judgements: robJudgements(rb.value as RobAssessment) });
      const mv = this.effective(forms.filter((f) => f.recordId === r.id && f.kind === 'misev'));
      if (mv.value) misev.push({ recordId: r.id, label, appraisal: mv.value as MisevAppraisal });
    }
    return {
      rob,
      misev: misev.map((m) => ({ recordId: m.recordId, label: m.label, score: misevScore(m.appraisal) })),
      // plot rows name the record (what --record takes) beside the label (issue 18 item 8)
      svg: { robSummary: robSummarySvg(rob), robTrafficLight: robTrafficLightSvg(rob.map((r) => ({ ...r, label: withRecord(r) }))), misevSummary: misevSummarySvg(misev.map((m) => ({ ...m, label: withRecord(m) }))) },
    };
  }

  /**
   * Publishes a saved synthesis to the atlas (owners): the project's included, extracted studies become atlas Study
   * records whose origin names the project, each with the pooled results it entered, re-computed from the stored
   * forms. The store writes them into the atlas and its search index in one audited transaction; publishing again
   * makes a new version (the atlas shows the latest). A dual project publishes only when every included study has a
   * consensus extraction form and a consensus risk-of-bias assessment (EXO_ERR_EXTRACT_NO_CONSENSUS names the rest).
   */
  async publish(actor: User | undefined, projectId: string, synthesisId: number, diseaseAreaInput?: unknown): Promise<{ synthesisId: number; version: number; studies: ProjectAtlasStudy[] }> {
    const { user, project, role } = await this.access(actor, projectId, 'manage');
    const stored = await this.getSynthesis(actor, projectId, synthesisId);
    const forms = await this.store.latestForms(projectId);
    if (project.mode === 'dual') await this.requireConsensus(actor, projectId, forms);
    const { studies } = await this.synthesisStudies(actor, projectId, await this.readerOf(user, project, role));
    const area = diseaseAreaInput === undefined ? undefined : DiseaseArea.safeParse(diseaseAreaInput);
    if (area && !area.success) throw new ExoError('EXO_ERR_EXTRACT_BAD_OPTION', `unknown disease area "${String(diseaseAreaInput)}"; use one of ${DiseaseArea.options.join(', ')}`, { field: 'diseaseArea' });
    const missing = studies.filter((x) => x.form.characteristics.diseaseArea === undefined);
    if (!area && missing.length > 0) throw new ExoError('EXO_ERR_EXTRACT_BAD_OPTION', `give the disease area for the atlas (diseaseArea): ${missing.map((x) => x.label).join(', ')} record none`, { field: 'diseaseArea' });
    const diseaseArea: DiseaseArea = area?.data ?? studies[0]!.form.characteristics.diseaseArea!;
    const s = await this.pool(studies.map(withoutRecord), stored.options as SynthesisOptions);
    const of = (recordId: number) => forms.filter((f) => f.recordId === recordId && (f.kind === 'extraction' || f.kind === 'rob'));
    const atlas = projectAtlasStudies(
      { id: project.id, name: project.name, question: project.question, synthesisId, diseaseArea },
      studies.map((x) => {
        const own = of(x.record.id);
        const consensusAt = own.filter((f) => f.reviewerId === null).map((f) => f.createdAt).sort().at(-1);
        const reviewers = [...new Set(own.filter((f) => f.reviewerId !== null).map((f) => f.reviewer ?? `user ${f.reviewerId}`))].sort();
        return { studyId: x.studyId, label: x.label, title: x.record.title, firstAuthor: x.record.authors[0], year: x.year, doi: x.record.doi, pmid: x.record.pmid, form: x.form, reviewers, ...(consensusAt ? { consensusAt } : {}) };
      }),
      [s],
    );
    const details = atlas.map((a) => ({ studyId: a.study.id, ...(a.doi ? { doi: a.doi } : {}), ...(a.pmid ? { pmid: a.pmid } : {}), pooled: a.pooled }));
    const publication = await this.store.publishSynthesis(projectId, synthesisId, { studies: atlas.map((a) => a.study), claims: [], details }, user.id);
    const published = publication.studies as Study[];
    return { synthesisId, version: publication.version, studies: atlas.map((a, i) => ({ ...a, study: published[i] ?? a.study })) };
  }

  /** Refuses to publish a dual project while an included study lacks a consensus extraction or risk-of-bias form. */
  private async requireConsensus(actor: User | undefined, projectId: string, forms: readonly SavedForm[]): Promise<void> {
    const lacking: string[] = [];
    const included = await this.included(actor, projectId);
    const labels = studyLabels(included);
    for (const r of included) {
      const has = (kind: FormKind) => forms.some((f) => f.recordId === r.id && f.kind === kind && f.reviewerId === null);
      const what = [has('extraction') ? null : 'extraction', has('rob') ? null : 'risk of bias'].filter((x): x is string => x !== null);
      if (what.length > 0) lacking.push(`record ${r.id} (${labels.get(r.id)!}): no consensus ${what.join(' and no consensus ')}`);
    }
    if (lacking.length > 0) {
      throw new ExoError(
        'EXO_ERR_EXTRACT_NO_CONSENSUS',
        `project '${projectId}' screens in dual mode, so every included study needs a consensus extraction form and a consensus risk-of-bias assessment before it is published; nothing was published:\n${lacking.map((l) => `  ${l}`).join('\n')}`,
        { id: projectId, records: lacking },
      );
    }
  }

  /** Withdraws the project's studies from the atlas (owners; audited). Publishing again brings them back as a new version. */
  async unpublish(actor: User | undefined, projectId: string): Promise<{ projectId: string; version: number; withdrawnAt: string; studies: number }> {
    const { user } = await this.access(actor, projectId, 'manage');
    const p = await this.store.unpublish(projectId, user.id);
    return { projectId, version: p.version, withdrawnAt: p.withdrawnAt!, studies: p.studies.length };
  }

  /** Every version of the project's publication into the atlas (members), oldest first, without the records. */
  async publications(actor: User | undefined, projectId: string) {
    await this.access(actor, projectId, 'read');
    return (await this.store.publications(projectId)).map(({ studies, claims: _claims, details: _details, ...p }) => ({ ...p, studies: studies.length }));
  }

  /** Public: every study the atlas shows from a project (each project's latest publication), with its pooled results. */
  async atlasStudies(): Promise<(ProjectAtlasStudy & { synthesisId: number; publishedAt: string; version: number })[]> {
    const out: (ProjectAtlasStudy & { synthesisId: number; publishedAt: string; version: number })[] = [];
    for (const p of await this.store.currentPublications()) {
      const details = new Map(((p.details as { studyId: string; doi?: string; pmid?: string; pooled: ProjectAtlasStudy['pooled'] }[] | null) ?? []).map((d) => [d.studyId, d]));
      for (const study of p.studies as Study[]) {
        const d = details.get(study.id);
        out.push({ study, ...(d?.doi ? { doi: d.doi } : {}), ...(d?.pmid ? { pmid: d.pmid } : {}), pooled: d?.pooled ?? [], synthesisId: p.synthesisId, publishedAt: p.publishedAt, version: p.version });
      }
    }
    return out;
  }
}

/** The records a stored synthesis draws on (its table's studyId column and the studies it left out with a reason); undefined when the shape is unknown, so every record counts. */
function synthesisRecordIds(result: unknown): Set<number> | undefined {
  const r = result as { table?: { columns?: unknown[]; rows?: unknown[][] }; excluded?: { studyId?: unknown }[] } | null;
  const col = Array.isArray(r?.table?.columns) ? r.table.columns.indexOf('studyId') : -1;
  if (col < 0 || !Array.isArray(r?.table?.rows)) return undefined;
  const ids = [...r.table.rows.map((row) => (Array.isArray(row) ? row[col] : undefined)), ...(Array.isArray(r.excluded) ? r.excluded.map((e) => e?.studyId) : [])];
  return new Set(ids.map(Number).filter(Number.isInteger));
}

function robOverallOf(a: RobAssessment): 'low' | 'unclear' | 'high' {
  return robOverall(robJudgements(a));
}

/** Runs a synthesis of these studies somewhere (this thread, or the server's worker pool). */
export type SynthesisRunner = (studies: SynthesisStudy[], options: SynthesisOptions) => Promise<SynthesisResult>;

/** A study as the synthesis needs it: the record view stays here (it does not cross to a worker). */
function withoutRecord<T extends SynthesisStudy>(study: T & { record?: unknown }): SynthesisStudy {
  const { record: _record, ...rest } = study;
  return rest;
}
