import { ExoError } from '@exoatlas/schema';
import type { Label } from '../ranking/classifier.js';
import type { ModelName } from '../ranking/models.js';
import type { RankJob } from '../ranking/ranker-cache.js';
import type { Ranking } from '../ranking/ranker.js';
import { criteriaText, recordText } from '../ranking/record-text.js';
import type { ReviewRecord } from '../types.js';
import { isBlinded } from '../visibility/index.js';
import { latestByReviewer, type RecordStatus } from '../screening/decisions.js';
import type { RankingEngine } from './ranking-engine.js';
import { mapYielding } from './yielding.js';
import type { ScreeningState } from './screening-state.js';

/** Rankings kept per project and reviewer (each a Float64Array of one score per record). */
const MAX_RANKINGS = 64;
/** After a ranking job ran past its time budget, the project's records are served unranked this long before trying again. */
const UNAVAILABLE_MS = 5 * 60_000;

const labelOf = (status: RecordStatus): Label | undefined => (status === 'included' ? 1 : status === 'excluded' ? 0 : undefined);

/** The labels this user may train on: their own title/abstract decisions, and settled outcomes they may see. */
export function labelsFor(state: ScreeningState, userId: number): { labels: Map<number, Label>; sequence: (0 | 1)[] } {
  const labels = new Map<number, Label>();
  const timed: { id: number; label: Label }[] = [];
  for (const record of state.records) {
    const decisions = state.decisions['title-abstract'].get(record.id) ?? [];
    const outcome = state.outcomes['title-abstract'].get(record.id)!;
    // Nobody screened it: no label to learn from.
    if (outcome.isAutomated) continue;
    const mine = latestByReviewer(decisions).find((d) => d.reviewerId === userId);
    const first = decisions.reduce((m, d) => Math.min(m, d.id), Infinity);
    const settled = labelOf(outcome.status);
    if (settled !== undefined && (outcome.isResolved || !isBlinded(decisions, state.project.mode))) {
      labels.set(record.id, settled);
    } else if (mine) {
      labels.set(record.id, mine.decision === 'exclude' ? 0 : 1);
    } else if (state.project.mode === 'single' && decisions.length > 0) {
      // A single-screening conflict (disagreement or maybe): anything but a unanimous exclude counts as relevant.
      labels.set(record.id, latestByReviewer(decisions).every((d) => d.decision === 'exclude') ? 0 : 1);
    }
    const label = labels.get(record.id);
    if (label !== undefined && (state.project.mode === 'single' || mine)) timed.push({ id: mine?.id ?? first, label });
  }
  return { labels, sequence: timed.sort((a, b) => a.id - b.id).map((t) => t.label) };
}

/**
 * Each reviewer's ranking of a project's records, the request thread's side: which labels a reviewer may train on
 * (blinding, labelsFor) is decided here, and only row → label goes to the engine, which holds the features and
 * classifiers (RankingEngine). A ranking is kept until the screening state's version (read from the database) or the
 * records key changes. If the engine refuses a job (EXO_ERR_JOB_TIMEOUT, EXO_ERR_JOB_BUSY), screening goes on with
 * the records unranked (import order, basis "unavailable", with a warning) rather than failing: a reviewer can still
 * screen, and after a timeout the project is not ranked again for UNAVAILABLE_MS, so no request waits out the budget twice.
 */
export class ProjectRankings {
  /** Row of each record id, per records array (the RecordsCache hands out one array per version). */
  private readonly rows = new WeakMap<readonly ReviewRecord[], Map<number, number>>();
  private readonly rankings = new Map<string, { key: string; ranking: Promise<Ranking> }>();
  /** Records keys whose features the engine was last seen to hold: the texts are sent with the first job of any other. */
  private readonly known = new Set<string>();
  private readonly unavailable = new Map<string, { until: number; warning: { code: string; message: string } }>();

  constructor(
    private readonly engine: RankingEngine,
    private readonly model?: ModelName,
  ) {}

  /** This user's ranking of the project's records, refitted only when a decision or resolution changed the state. */
  for(state: ScreeningState, userId: number): Promise<Ranking> {
    // Keyed by what the database holds, not by forget(): another server process may have imported records (which are
    // only ever appended, so count and last id identify them) or changed the question and criteria.
    const query = criteriaText(state.project.question, state.project.criteria);
    const recordsKey = `${state.records.length}:${state.records[state.records.length - 1]?.id ?? 0}:${query}`;
    const key = `${recordsKey}|${state.version}`;
    const id = `${state.project.id}\u0000${userId}`;
    const kept = this.rankings.get(id);
    if (kept?.key === key) return kept.ranking;
    const down = this.unavailable.get(`${state.project.id}\u0000${recordsKey}`);
    if (down && down.until > Date.now()) return Promise.resolve(unranked(state.records.length, down.warning));
    const ranking = this.refit(state, userId, recordsKey, query);
    this.rankings.delete(id);
    this.rankings.set(id, { key, ranking });
    while (this.rankings.size > MAX_RANKINGS) this.rankings.delete(this.rankings.keys().next().value!);
    // A failed or unavailable ranking is not kept: the next request asks again.
    ranking.then(
      (r) => r.basis === 'unavailable' && this.rankings.get(id)?.ranking === ranking && this.rankings.delete(id),
      () => this.rankings.get(id)?.ranking === ranking && this.rankings.delete(id),
    );
    return ranking;
  }

  /** A record's score in a ranking of its project. */
  scoreOf(state: ScreeningState, ranking: Ranking, recordId: number): number {
    return ranking.scores[this.rowOf(state.records).get(recordId)!]!;
  }

  /** Forgets a project's rankings early (its records or criteria changed here); for() notices such changes anyway. */
  forget(projectId: string): void {
    for (const id of this.rankings.keys()) if (id.startsWith(`${projectId}\u0000`)) this.rankings.delete(id);
    for (const id of this.unavailable.keys()) if (id.startsWith(`${projectId}\u0000`)) this.unavailable.delete(id);
    this.engine.forget(projectId);
  }

  private async refit(state: ScreeningState, userId: number, recordsKey: string, query: string): Promise<Ranking> {
    const rowOf = this.rowOf(state.records);
    const { labels } = labelsFor(state, userId);
    const rows = new Int32Array(labels.size);
    const values = new Uint8Array(labels.size);
    let i = 0;
    for (const [recordId, label] of labels) {
      rows[i] = rowOf.get(recordId)!;
      values[i++] = label;
    }
    const featuresKey = `${state.project.id}\u0000${recordsKey}`;
    const job: RankJob = { projectId: state.project.id, recordsKey, model: this.model, query, userId, rows, labels: values };
    try {
      let reply = await this.engine.rank(this.known.has(featuresKey) ? job : { ...job, texts: await textsOf(state.records) });
      // The engine lost the features (a restarted worker, evicted by other projects): send the texts after all.
      if ('needsTexts' in reply) reply = await this.engine.rank({ ...job, texts: await textsOf(state.records) });
      if ('needsTexts' in reply) throw new Error('the ranking engine asked for the texts it was given');
      this.known.add(featuresKey);
      return reply.ranking;
    } catch (error) {
      if (!(error instanceof ExoError) || !error.code.startsWith('EXO_ERR_JOB_')) throw error;
      this.known.delete(featuresKey);
      const warning = { code: error.code, message: error.message };
      if (error.code === 'EXO_ERR_JOB_TIMEOUT') this.unavailable.set(featuresKey, { until: Date.now() + UNAVAILABLE_MS, warning });
      return unranked(state.records.length, warning);
    }
  }

  private rowOf(records: readonly ReviewRecord[]): Map<number, number> {
    let rowOf = this.rows.get(records);
    if (!rowOf) {
      rowOf = new Map(records.map((r, i) => [r.id, i]));
      this.rows.set(records, rowOf);
    }
    return rowOf;
  }
}

/** The records' texts for the engine's features, built in slices (10,000 records: tens of ms at once). */
function textsOf(records: readonly ReviewRecord[]): Promise<string[]> {
  return mapYielding(records, (r) => recordText(r.citation));
}

/** Every record scored alike, so the queue keeps import order: screening goes on while the ranking is unavailable. */
function unranked(size: number, warning: { code: string; message: string }): Ranking {
  return {
    scores: new Float64Array(size),
    basis: 'unavailable',
    millis: 0,
    description: `nothing: the ranking is unavailable for now (${warning.code}), so records come in import order`,
    warning,
  };
}
