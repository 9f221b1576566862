import { automatedOutcome } from '../screening/automation.js';
import { stageOutcome, type StageOutcome } from '../screening/decisions.js';
import { STAGES, type Decision, type Project, type Resolution, type ReviewRecord, type Stage } from '../types.js';
import type { ReviewStore, ScreeningLogDelta } from './review-store.js';
import type { ScreeningState } from './screening-state.js';

/** How many projects' screening states one service keeps (each holds its decisions, resolutions and outcomes). */
const DEFAULT_PROJECTS = 4;

/** The outcome of a record nobody has decided or resolved (shared, so frozen). */
const UNSCREENED: StageOutcome = Object.freeze({ status: 'unscreened', decidedBy: 0, isResolved: false });

type ByStage<T> = Record<Stage, T>;

/** A project's settled screening, and what it was built from (so the next request only reads what is new). */
interface Entry {
  records: ReviewRecord[];
  byId: Map<number, ReviewRecord>;
  mode: Project['mode'];
  automationKey: string;
  decisions: ByStage<Map<number, Decision[]>>;
  resolutions: ByStage<Map<number, Resolution[]>>;
  outcomes: ByStage<Map<number, StageOutcome>>;
  /** Per stage, everyone with a decision there (an owner among them no longer supervises it). */
  deciders: ByStage<Set<number>>;
  maxDecision: number;
  maxResolution: number;
  decisionCount: number;
  resolutionCount: number;
}

/**
 * Each project's screening state, kept between requests and brought up to date from the database: decisions and
 * resolutions are append-only, so a request reads only the rows after the last ids it holds, and the counts read
 * after them prove nothing was missed (else everything is read again). Keyed by what the database says, never by this
 * process's own writes, so it holds with several server processes and the CLI writing. A new records array (an
 * import, a stop's exclusions, retrieval flags) or a new screening mode builds the state afresh. States handed out
 * are never changed afterwards: an update copies the maps it touches.
 */
export class ScreeningStateCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly store: ReviewStore,
    private readonly records: (projectId: string) => Promise<ReviewRecord[]>,
    private readonly maxProjects = DEFAULT_PROJECTS,
  ) {}

  async load(project: Project): Promise<ScreeningState> {
    const records = await this.records(project.id);
    const cached = this.entries.get(project.id);
    const base = cached && cached.records === records && cached.mode === project.mode ? cached : undefined;
    const delta = await this.store.screeningLogSince(project.id, { decision: base?.maxDecision ?? 0, resolution: base?.maxResolution ?? 0 });
    let entry: Entry;
    if (!base) entry = build(project, records, delta);
    else if (isComplete(base, delta)) entry = delta.decisions.length + delta.resolutions.length > 0 ? extend(base, delta) : base;
    // A row committed after one with a larger id (PostgreSQL, concurrent writers): read everything again.
    else entry = build(project, records, await this.store.screeningLogSince(project.id, { decision: 0, resolution: 0 }));
    this.entries.delete(project.id);
    this.entries.set(project.id, entry);
    while (this.entries.size > this.maxProjects) this.entries.delete(this.entries.keys().next().value!);
    const owners = (await this.store.members(project.id)).filter((m) => m.role === 'owner').map((m) => m.userId);
    const supervisors = {} as ByStage<ReadonlySet<number>>;
    for (const stage of STAGES) supervisors[stage] = new Set(owners.filter((id) => !entry.deciders[stage].has(id)));
    return {
      project,
      records,
      decisions: entry.decisions,
      resolutions: entry.resolutions,
      outcomes: entry.outcomes,
      supervisors,
      version: `${records.length}:${entry.decisionCount}.${entry.maxDecision}:${entry.resolutionCount}.${entry.maxResolution}:${project.mode}:${entry.automationKey}`,
    };
  }

  /** Drops a project's state (its records changed here); the records array would show it anyway, this frees memory sooner. */
  forget(projectId: string): void {
    this.entries.delete(projectId);
  }
}

function isComplete(base: Entry, delta: ScreeningLogDelta): boolean {
  return base.decisionCount + delta.decisions.length === delta.decisionCount && base.resolutionCount + delta.resolutions.length === delta.resolutionCount;
}

/** Groups every decision and resolution by stage and record, and settles each record's outcome. */
function build(project: Project, records: ReviewRecord[], log: ScreeningLogDelta): Entry {
  const entry: Entry = {
    records,
    byId: new Map(records.map((r) => [r.id, r])),
    mode: project.mode,
    automationKey: automationKey(records),
    decisions: { 'title-abstract': new Map(), 'full-text': new Map() },
    resolutions: { 'title-abstract': new Map(), 'full-text': new Map() },
    outcomes: { 'title-abstract': new Map(), 'full-text': new Map() },
    deciders: { 'title-abstract': new Set(), 'full-text': new Set() },
    maxDecision: 0,
    maxResolution: 0,
    decisionCount: 0,
    resolutionCount: 0,
  };
  add(entry, log);
  for (const stage of STAGES) for (const record of records) entry.outcomes[stage].set(record.id, settle(entry, record, stage));
  return entry;
}

/** A copy of `base` with the new rows added and the outcomes of the records they touch settled again. */
function extend(base: Entry, delta: ScreeningLogDelta): Entry {
  const touched = new Set<Stage>([...delta.decisions.map((d) => d.stage), ...delta.resolutions.map((r) => r.stage)]);
  const entry: Entry = { ...base, decisions: { ...base.decisions }, resolutions: { ...base.resolutions }, outcomes: { ...base.outcomes }, deciders: { ...base.deciders } };
  for (const stage of touched) {
    entry.decisions[stage] = new Map(base.decisions[stage]);
    entry.resolutions[stage] = new Map(base.resolutions[stage]);
    entry.outcomes[stage] = new Map(base.outcomes[stage]);
    entry.deciders[stage] = new Set(base.deciders[stage]);
  }
  add(entry, delta);
  for (const row of [...delta.decisions, ...delta.resolutions]) {
    const record = entry.byId.get(row.recordId);
    // A decision on a record newer than these records settles nothing here; the next request has the new records.
    if (record) entry.outcomes[row.stage].set(record.id, settle(entry, record, row.stage));
  }
  return entry;
}

/** Appends the rows to the entry's (already copied) maps; the lists are new arrays, never the ones handed out. */
function add(entry: Entry, log: ScreeningLogDelta): void {
  for (const d of log.decisions) {
    entry.decisions[d.stage].set(d.recordId, [...(entry.decisions[d.stage].get(d.recordId) ?? []), d]);
    entry.deciders[d.stage].add(d.reviewerId);
    entry.maxDecision = Math.max(entry.maxDecision, d.id);
  }
  for (const r of log.resolutions) {
    entry.resolutions[r.stage].set(r.recordId, [...(entry.resolutions[r.stage].get(r.recordId) ?? []), r]);
    entry.maxResolution = Math.max(entry.maxResolution, r.id);
  }
  entry.decisionCount += log.decisions.length;
  entry.resolutionCount += log.resolutions.length;
}

/** One record's outcome at one stage (a record left unscreened by a stop is excluded by automation tools). */
function settle(entry: Entry, record: ReviewRecord, stage: Stage): StageOutcome {
  const own = entry.decisions[stage].get(record.id);
  const settled = entry.resolutions[stage].get(record.id);
  const isAutomated = stage === 'title-abstract' && record.isExcludedByAutomation && !own;
  // Most records of a large project are unscreened: one shared outcome for them keeps the full build to a few ms.
  if (!own && !settled && !isAutomated) return UNSCREENED;
  return isAutomated ? automatedOutcome() : stageOutcome(own ?? [], settled ?? [], entry.mode);
}

/** Which records a stop excluded, in short: their count and the sum of their ids. */
function automationKey(records: readonly ReviewRecord[]): string {
  let count = 0;
  let sum = 0;
  for (const r of records) {
    if (!r.isExcludedByAutomation) continue;
    count++;
    sum += r.id;
  }
  return `${count}+${sum}`;
}
