import { useId, useMemo, useState, type FormEvent } from 'react';
import { reviewApi, reviewPaths, STAGE_LABELS, type Conflict, type NextRecord, type Stage } from '../../api/review';
import { DecisionLine, RecordCard } from '../../components/review/ReviewParts';
import { Async } from '../../components/StatusMessage';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { Link } from '../../router/Link';
import { withQuery, type Route } from '../../router/router';
import { ProjectNav } from './ProjectPage';
import { stageOf } from './ScreeningPage';
import { FormMessage, type FormMessageValue } from '../../components/review/FormMessage';
import { explain, useFresh, useMe } from '../../hooks/review-session';

/**
 * Conflicts at a stage as a compact list (issue 20: 10 records ran to 13,000 px): one row per record with the
 * decisions and a one-line resolution form, the abstract folded away; filters by kind and reviewer; several records
 * resolved at once from the bar above the list.
 */
export function ConflictsPage({ project, route }: { project: string; route: Route }) {
  const stage = stageOf(route);
  useDocumentTitle(`Conflicts (${STAGE_LABELS[stage].toLowerCase()})`);
  const state = useFresh<{ stage: Stage; items: Conflict[] }>(reviewPaths.conflicts(project, stage));
  const reasons = useFresh<NextRecord>(reviewPaths.next(project, stage));
  const [done, setDone] = useState<string | null>(null);
  const [kind, setKind] = useState<Conflict['kind'] | ''>('');
  const [reviewer, setReviewer] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const me = useMe();
  const all = state.data?.items ?? [];
  const reviewers = useMemo(() => [...new Set(all.flatMap((c) => c.decisions.map((d) => d.reviewer)))].sort(), [all]);
  const shown = all.filter((c) => (!kind || c.kind === kind) && (!reviewer || c.decisions.some((d) => d.reviewer === reviewer)));
  const ids = { kind: useId(), reviewer: useId() };
  const toggle = (id: number, on: boolean): void => setSelected((s) => (on ? new Set([...s, id]) : new Set([...s].filter((x) => x !== id))));
  return (
    <>
      <h1>Conflicts: {STAGE_LABELS[stage].toLowerCase()}</h1>
      <ProjectNav project={project} current="/conflicts" />
      <p className="stage-switch">
        Stage:{' '}
        {(['title-abstract', 'full-text'] as const).map((s) => (
          <Link
            key={s}
            className="stage-link"
            to={withQuery(`/reviews/${encodeURIComponent(project)}/conflicts`, {
              stage: s,
            })}
            aria-current={s === stage ? 'page' : undefined}
          >
            {STAGE_LABELS[s]}
          </Link>
        ))}
      </p>
      <p className="lead">
        A conflict is a record on which the reviewers disagree, agree on nothing firmer than “maybe”, or exclude for different reasons. Settle it as a third reviewer (someone who did not screen it) or after a
        discussion; the resolution is recorded beside the decisions, which stay as they were.
      </p>
      <p className="form-message" role="status">
        {done ?? ''}
      </p>
      <Async state={state} what="The conflicts">
        {(d) =>
          d.items.length === 0 ? (
            <p>No conflict at this stage.</p>
          ) : (
            <>
              <div className="conflict-filters">
                <div className="field">
                  <label htmlFor={ids.kind}>Kind of conflict</label>
                  <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as Conflict['kind'] | '')}>
                    <option value="">All kinds</option>
                    {(Object.keys(KIND_TEXT) as Conflict['kind'][]).map((k) => (
                      <option key={k} value={k}>
                        {KIND_TEXT[k]}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={ids.reviewer}>Decided by</label>
                  <select id={ids.reviewer} value={reviewer} onChange={(e) => setReviewer(e.target.value)}>
                    <option value="">Any reviewer</option>
                    {reviewers.map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </select>
                </div>
                <p className="muted">
                  Showing {shown.length} of {d.items.length}.
                </p>
              </div>
              <BulkResolution
                project={project}
                stage={stage}
                conflicts={shown}
                selected={shown.filter((c) => selected.has(c.recordId))}
                me={me ?? null}
                reasons={reasons.data?.exclusionReasons ?? []}
                onSelectAll={(on) => setSelected(on ? new Set(shown.map((c) => c.recordId)) : new Set())}
                onDone={(text) => {
                  setDone(text);
                  setSelected(new Set());
                  state.reload();
                }}
              />
              <ol className="conflict-list conflict-list-compact">
                {shown.map((c) => (
                  <li key={c.recordId}>
                    <div className="conflict-row">
                      <input type="checkbox" checked={selected.has(c.recordId)} onChange={(e) => toggle(c.recordId, e.target.checked)} aria-label={`Select record ${c.recordId}: ${c.record.title}`} />
                      <div className="conflict-summary">
                        <h2 className="conflict-title">{c.record.title || '(no title)'}</h2>
                        <p className="muted conflict-meta">
                          Record {c.recordId}
                          {c.record.year !== undefined ? ` · ${c.record.year}` : ''}
                          {c.record.authors[0] ? ` · ${c.record.authors[0]}${c.record.authors.length > 1 ? ' et al.' : ''}` : ''} · <span className="badge">{KIND_TEXT[c.kind]}</span>
                        </p>
                        <ul className="decision-list decision-list-inline" aria-label="The decisions">
                          {c.decisions.map((d) => (
                            <DecisionLine key={d.id} d={d} />
                          ))}
                        </ul>
                      </div>
                    </div>
                    <details className="conflict-details">
                      <summary>Abstract and record details</summary>
                      <RecordCard record={c.record} stage={stage} headingLevel={3} />
                    </details>
                    <ResolutionForm
                      project={project}
                      stage={stage}
                      conflict={c}
                      me={me ?? null}
                      reasons={reasons.data?.exclusionReasons ?? []}
                      onDone={(text) => {
                        setDone(text);
                        state.reload();
                      }}
                    />
                  </li>
                ))}
              </ol>
            </>
          )
        }
      </Async>
    </>
  );
}

/**
 * Resolves the selected conflicts at once with one decision (and reason): as third reviewer when I screened none of
 * them, otherwise by discussion. Each is its own request: one refused (e.g. resolved meanwhile) leaves the others.
 */
function BulkResolution(props: {
  project: string;
  stage: Stage;
  conflicts: Conflict[];
  selected: Conflict[];
  me: { id: number } | null;
  reasons: string[];
  onSelectAll: (on: boolean) => void;
  onDone: (text: string) => void;
}) {
  const { project, stage, selected, me } = props;
  const [decision, setDecision] = useState<'include' | 'exclude'>('include');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<FormMessageValue | null>(null);
  const id = useId();
  const canBeThird = me !== null && selected.length > 0 && selected.every((c) => !c.decisions.some((d) => d.reviewerId === me.id));
  const method = canBeThird ? 'third-reviewer' : 'discussion';
  const needsReason = decision === 'exclude' && selected.some((c) => c.kind === 'reason');
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (selected.length === 0)
      return setMessage({
        text: 'Select the records to resolve first (the boxes beside them).',
        isError: true,
      });
    setBusy(true);
    setMessage(null);
    const failed: string[] = [];
    for (const c of selected) {
      try {
        await reviewApi.post(reviewPaths.resolve(project, c.recordId), {
          stage,
          decision,
          method,
          ...(decision === 'exclude' && reason ? { reason } : {}),
        });
      } catch (error) {
        failed.push(`record ${c.recordId}: ${explain(error)}`);
      }
    }
    setBusy(false);
    const resolved = selected.length - failed.length;
    if (failed.length > 0) setMessage({ text: `Not resolved: ${failed.join('; ')}`, isError: true });
    props.onDone(
      `${resolved} of ${selected.length} selected records resolved: ${decision}${decision === 'exclude' && reason ? ` (${reason})` : ''} (${method === 'third-reviewer' ? 'third reviewer' : 'discussion'}).`,
    );
  };
  const allSelected = props.conflicts.length > 0 && selected.length === props.conflicts.length;
  return (
    <form className="review-form conflict-bulk" aria-label="Resolve the selected conflicts" onSubmit={(e) => void submit(e)}>
      <label className="choice">
        <input type="checkbox" checked={allSelected} onChange={(e) => props.onSelectAll(e.target.checked)} /> Select all shown ({props.conflicts.length})
      </label>
      <fieldset className="choice-group compact">
        <legend>Resolve the {selected.length} selected as</legend>
        <label className="choice">
          <input type="radio" name={`${id}-decision`} checked={decision === 'include'} onChange={() => setDecision('include')} /> Include
        </label>
        <label className="choice">
          <input type="radio" name={`${id}-decision`} checked={decision === 'exclude'} onChange={() => setDecision('exclude')} /> Exclude
        </label>
      </fieldset>
      {decision === 'exclude' && (
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason</label>
          <select id={`${id}-reason`} value={reason} required={needsReason} onChange={(e) => setReason(e.target.value)}>
            <option value="">{needsReason ? 'Choose the reason that counts' : 'No reason given'}</option>
            {props.reasons.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
      )}
      <p className="hint">{selected.length === 0 ? 'Select records below.' : canBeThird ? 'As third reviewer (you screened none of them).' : 'By discussion (you screened some of them).'}</p>
      <button type="submit" className="button" disabled={busy || selected.length === 0}>
        Resolve {selected.length} selected
      </button>
      <FormMessage message={message} />
    </form>
  );
}

const KIND_TEXT: Record<Conflict['kind'], string> = {
  maybe: 'both said maybe',
  disagreement: 'they disagree',
  reason: 'both excluded, for different reasons',
};

/**
 * Issue 18 item 8: "third reviewer" is offered only to someone who did not screen the record (the server refuses
 * it, 400, from anyone who did), so it is never preselected, nor selectable, for them; until we know who is
 * signed in, discussion is the choice.
 */
export function ResolutionForm({
  project,
  stage,
  conflict,
  me,
  reasons,
  onDone,
}: {
  project: string;
  stage: Stage;
  conflict: Conflict;
  me: { id: number } | null;
  reasons: string[];
  onDone: (text: string) => void;
}) {
  const canBeThird = me !== null && !conflict.decisions.some((d) => d.reviewerId === me.id);
  const [decision, setDecision] = useState<'include' | 'exclude'>(conflict.kind === 'reason' ? 'exclude' : 'include');
  const [reason, setReason] = useState('');
  const [chosen, setMethod] = useState<'third-reviewer' | 'discussion' | null>(null);
  const method = chosen === 'third-reviewer' && !canBeThird ? 'discussion' : (chosen ?? (canBeThird ? 'third-reviewer' : 'discussion'));
  // a conflict over the reason is settled by naming one
  const needsReason = conflict.kind === 'reason';
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<FormMessageValue | null>(null);
  const id = useId();
  const name = `resolution-${conflict.recordId}`;
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    try {
      await reviewApi.post(reviewPaths.resolve(project, conflict.recordId), {
        stage,
        decision,
        method,
        ...(decision === 'exclude' && reason ? { reason } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      onDone(`Record ${conflict.recordId} resolved: ${decision} (${method === 'third-reviewer' ? 'third reviewer' : 'discussion'}).`);
    } catch (error) {
      setMessage({ text: `Not resolved: ${explain(error)}`, isError: true });
    }
  };
  return (
    <form className="review-form resolution-form" aria-label={`Resolve the conflict on record ${conflict.recordId}`} onSubmit={(e) => void submit(e)}>
      <fieldset className="choice-group">
        <legend>Resolution</legend>
        <label className="choice">
          <input type="radio" name={`${name}-decision`} checked={decision === 'include'} onChange={() => setDecision('include')} /> Include
        </label>
        <label className="choice">
          <input type="radio" name={`${name}-decision`} checked={decision === 'exclude'} onChange={() => setDecision('exclude')} /> Exclude
        </label>
      </fieldset>
      {decision === 'exclude' && (
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason for exclusion</label>
          <select id={`${id}-reason`} value={reason} required={needsReason} onChange={(e) => setReason(e.target.value)}>
            <option value="">{needsReason ? 'Choose the reason that counts' : 'No reason given'}</option>
            {reasons.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
      )}
      <fieldset className="choice-group">
        <legend>How it was settled</legend>
        <label className="choice">
          <input type="radio" name={`${name}-method`} checked={method === 'third-reviewer'} disabled={!canBeThird} onChange={() => setMethod('third-reviewer')} /> By a third reviewer (me; I did not screen it)
          {!canBeThird && me !== null && <span className="hint"> — not you: you screened this record</span>}
        </label>
        <label className="choice">
          <input type="radio" name={`${name}-method`} checked={method === 'discussion'} onChange={() => setMethod('discussion')} /> By discussion between the reviewers
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-note`}>Note on the resolution</label>
        <textarea id={`${id}-note`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <button type="submit" className="button">
        Record the resolution
      </button>
      <FormMessage message={message} />
    </form>
  );
}
