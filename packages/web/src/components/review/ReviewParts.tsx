/** Pure pieces of the living-review pages: plain props in, markup out (unit-tested with react-dom/server). */
import type { AgreementStats, Criteria, Decision, RecordView, Stage, StageProgress, StoppingGuidance } from '../../api/review';
import { STAGE_LABELS, STAGES } from '../../api/review';
import type { HighlightTerms } from '@exoatlas/review/highlight';
import { Highlighted } from './Highlighted';

const CRITERIA_LABELS: [keyof Criteria, string][] = [
  ['population', 'Population'],
  ['intervention', 'Intervention'],
  ['comparator', 'Comparator'],
  ['outcomes', 'Outcomes'],
  ['studyDesigns', 'Study designs'],
  ['inclusion', 'Include when'],
  ['exclusion', 'Exclude when'],
];

/** The eligibility criteria: PICO fields and free text, as a description list. */
export function CriteriaList({ criteria, question }: { criteria: Criteria; question?: string }) {
  const rows = CRITERIA_LABELS.filter(([k]) => criteria[k]);
  return (
    <div className="criteria">
      {question && (
        <p className="criteria-question">
          <strong>Question:</strong> {question}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="muted">No eligibility criteria recorded.</p>
      ) : (
        <dl className="criteria-list">
          {rows.map(([k, label]) => (
            <div key={k}>
              <dt>{label}</dt>
              <dd>{criteria[k]}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

export const pct = (x: number | undefined | null, digits = 0): string => (x === undefined || x === null || Number.isNaN(x) ? '–' : `${(x * 100).toFixed(digits)}%`);
export const num = (x: number | undefined | null, digits = 2): string => (x === undefined || x === null || Number.isNaN(x) ? '–' : x.toFixed(digits));
/** κ with its 95% interval: "0.58 (0.33 to 0.84)"; "–" when undefined. */
export const kappaText = (kappa: number | undefined, ci: [number, number] | undefined): string => (kappa === undefined ? '–' : ci ? `${num(kappa)} (${num(ci[0])} to ${num(ci[1])})` : num(kappa));

/** Progress per stage: screened, remaining, included, excluded, conflicts (and the signed-in reviewer's share). */
export function ProgressTable({ progress }: { progress: Record<Stage, StageProgress> }) {
  return (
    <div className="table-wrap" role="region" aria-label="Screening progress" tabIndex={0}>
      <table className="data-table progress-table">
        <caption>Screening progress per stage</caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col" className="num">Records</th>
            <th scope="col" className="num">Screened</th>
            <th scope="col" className="num">Remaining</th>
            <th scope="col" className="num">Included</th>
            <th scope="col" className="num">Excluded</th>
            <th scope="col" className="num">Conflicts</th>
            <th scope="col" className="num">Yours to do</th>
          </tr>
        </thead>
        <tbody>
          {STAGES.map((s) => {
            const p = progress[s];
            return (
              <tr key={s}>
                <th scope="row">{STAGE_LABELS[s]}</th>
                <td className="num">{p.eligible}</td>
                <td className="num">{p.eligible - p.unscreened}</td>
                <td className="num">{p.unscreened + p.partial}</td>
                <td className="num">{p.included}</td>
                <td className="num">
                  {p.excluded}
                  {p.excludedByAutomation > 0 ? ` (${p.excludedByAutomation} by automation tools)` : ''}
                </td>
                <td className="num">{p.conflicts}</td>
                <td className="num">{p.mine.remaining}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Agreement between reviewers per stage: percent agreement and Cohen's κ. */
export function AgreementTable({ items }: { items: AgreementStats[] }) {
  return (
    <div className="table-wrap" role="region" aria-label="Agreement between reviewers" tabIndex={0}>
      <table className="data-table">
        <caption>Agreement between reviewers (records decided by two reviewers)</caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col" className="num">Records</th>
            <th scope="col" className="num">Agreement</th>
            <th scope="col" className="num">Cohen's κ (95% CI)</th>
            <th scope="col" className="num">κ, include / exclude (95% CI)</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.stage}>
              <th scope="row">{STAGE_LABELS[a.stage]}</th>
              <td className="num">{a.records}</td>
              <td className="num">{pct(a.percentAgreement, 1)}</td>
              <td className="num">{kappaText(a.kappa, a.kappaCi)}</td>
              <td className="num">{kappaText(a.kappaIncludeExclude, a.kappaIncludeExcludeCi)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const DECISION_LABEL = { include: 'Include', exclude: 'Exclude', maybe: 'Maybe' } as const;

export function DecisionLine({ d }: { d: Decision }) {
  return (
    <li className={`decision decision-${d.decision}`}>
      <strong>{d.reviewer}</strong>: {DECISION_LABEL[d.decision]}
      {d.reason ? ` — ${d.reason}` : ''}
      {d.note ? <span className="muted"> (note: {d.note})</span> : null}
    </li>
  );
}

/** A record as a screener reads it: title, authors, year, journal, abstract, relevance score, the decisions one may see. */
export function RecordCard({ record, stage, headingLevel = 2, highlight }: { record: RecordView; stage: Stage; headingLevel?: 2 | 3; highlight?: HighlightTerms }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const view = record.stages[stage];
  return (
    <article className="record-card" aria-labelledby={`record-${record.id}-title`}>
      <H id={`record-${record.id}-title`} className="record-title">
        <Highlighted text={record.title || '(no title)'} terms={highlight} />
      </H>
      <p className="record-meta">
        {record.authors.length > 0 ? record.authors.join('; ') : 'No authors listed'}
        {record.year !== undefined ? ` · ${record.year}` : ''}
        {record.journal ? ` · ${record.journal}` : ''}
      </p>
      <p className="record-ids muted">
        Record {record.id}
        {record.doi ? ` · DOI ${record.doi}` : ''}
        {record.pmid ? ` · PMID ${record.pmid}` : ''}
        {record.score !== undefined ? ` · relevance score ${record.score.toFixed(3)}` : ''}
      </p>
      {record.abstract ? (
        <p className="record-abstract">
          <Highlighted text={record.abstract} terms={highlight} />
        </p>
      ) : (
        <p className="muted">No abstract.</p>
      )}
      {record.keywords.length > 0 && <p className="muted">Keywords: {record.keywords.join(', ')}</p>}
      <div className="record-status">
        <p>
          Status at {STAGE_LABELS[stage].toLowerCase()}: <strong>{view.status}</strong> ({view.decidedBy} decided)
          {view.isBlinded && view.decidedBy > 0 ? ' — the other reviewer’s decision stays hidden until both have decided.' : ''}
        </p>
        {view.decisions.length > 0 && (
          <ul className="decision-list" aria-label="Decisions you may see">
            {view.decisions.map((d) => (
              <DecisionLine key={d.id} d={d} />
            ))}
          </ul>
        )}
        {view.resolution && (
          <p>
            Resolved: {view.resolution.decision} by {view.resolution.resolver} ({view.resolution.method === 'third-reviewer' ? 'third reviewer' : 'discussion'})
            {view.resolution.reason ? ` — ${view.resolution.reason}` : ''}
          </p>
        )}
      </div>
    </article>
  );
}

/** Stopping guidance: records since the last include and the estimated recall (an estimate, never a rule); counted over your own decisions in dual screening, everyone's in single. */
export function StoppingView({ stopping }: { stopping: StoppingGuidance }) {
  return (
    <div className="stopping">
      <dl>
      <div>
        <dt>Screened</dt>
        <dd>{stopping.screened}</dd>
      </div>
      <div>
        <dt>Since the last include</dt>
        <dd>{stopping.sinceLastInclude}</dd>
      </div>
      <div>
        <dt>Estimated recall</dt>
        <dd>{stopping.estimatedRecall === undefined ? 'not yet estimable' : pct(stopping.estimatedRecall)}</dd>
      </div>
      </dl>
      <p className="hint">{stopping.note}</p>
    </div>
  );
}

/** Messages of a refused form by field path ("outcomes[0].groups[1].sd" → message). */
export function issuesByPath(issues: readonly { path: string; message: string }[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const i of issues) if (!out.has(i.path)) out.set(i.path, i.message);
  return out;
}
