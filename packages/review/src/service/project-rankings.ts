import type { Classifier, Label } from '../ranking/classifier.js';
import type { ModelName } from '../ranking/models.js';
import { Ranker, type Ranking } from '../ranking/ranker.js';
import { criteriaText, recordText } from '../ranking/record-text.js';
import { isBlinded } from '../visibility/index.js';
import { latestByReviewer, type RecordStatus } from '../screening/decisions.js';
import type { ScreeningState } from './screening-state.js';

interface ProjectRanking {
  recordsKey: string;
  ranker: Ranker;
  rowOf: Map<number, number>;
  byUser: Map<number, { classifier: Classifier; key?: string; ranking?: Ranking }>;
}

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

/** The rankers of the projects a service has seen: TF-IDF features per project (rebuilt after an import), a classifier per user. */
export class ProjectRankings {
  private readonly projects = new Map<string, ProjectRanking>();

  constructor(private readonly model?: ModelName) {}

  /** This user's ranking of the project's records, refitted only when a decision or resolution changed the state. */
  for(state: ScreeningState, userId: number): Ranking {
    // Keyed by what the database holds, not by forget(): another server process may have imported records (which are
    // only ever appended, so count and last id identify them) or changed the question and criteria.
    const query = criteriaText(state.project.question, state.project.criteria);
    const recordsKey = `${state.records.length}:${state.records[state.records.length - 1]?.id ?? 0}:${query}`;
    let project = this.projects.get(state.project.id);
    if (!project || project.recordsKey !== recordsKey) {
      const ranker = new Ranker(
        state.records.map((r) => recordText(r.citation)),
        { model: this.model, query },
      );
      project = { recordsKey, ranker, rowOf: new Map(state.records.map((r, i) => [r.id, i])), byUser: new Map() };
      this.projects.set(state.project.id, project);
    }
    let mine = project.byUser.get(userId);
    if (!mine) {
      mine = { classifier: project.ranker.newClassifier() };
      project.byUser.set(userId, mine);
    }
    if (mine.ranking && mine.key === state.version) return mine.ranking;
    const { labels } = labelsFor(state, userId);
    const rows = new Map<number, Label>();
    for (const [recordId, label] of labels) rows.set(project.rowOf.get(recordId)!, label);
    mine.ranking = project.ranker.rank(rows, mine.classifier);
    mine.key = state.version;
    return mine.ranking;
  }

  /** A record's score in a ranking of its project. */
  scoreOf(state: ScreeningState, ranking: Ranking, recordId: number): number {
    const row = this.projects.get(state.project.id)!.rowOf.get(recordId)!;
    return ranking.scores[row]!;
  }

  /** Forgets a project's ranker early (its records or criteria changed here); for() notices such changes anyway. */
  forget(projectId: string): void {
    this.projects.delete(projectId);
  }
}
