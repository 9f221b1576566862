import { useId, useState, type FormEvent } from 'react';
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

/** Conflicts at a stage: both decisions, and a form that records the resolution (third reviewer or discussion). */
export function ConflictsPage({ project, route }: { project: string; route: Route }) {
  const stage = stageOf(route);
  useDocumentTitle(`Conflicts (${STAGE_LABELS[stage].toLowerCase()})`);
  const state = useFresh<{ stage: Stage; items: Conflict[] }>(reviewPaths.conflicts(project, stage));
  const reasons = useFresh<NextRecord>(reviewPaths.next(project, stage));
  const [done, setDone] = useState<string | null>(null);
  const me = useMe();
  return (
    <>
      <h1>Conflicts: {STAGE_LABELS[stage].toLowerCase()}</h1>
      <ProjectNav project={project} current="/conflicts" />
      <p className="stage-switch">
        Stage:{' '}
        {(['title-abstract', 'full-text'] as const).map((s) => (
          <Link key={s} className="stage-link" to={withQuery(`/reviews/${encodeURIComponent(project)}/conflicts`, { stage: s })} aria-current={s === stage ? 'page' : undefined}>
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
            <ol className="conflict-list">
              {d.items.map((c) => (
                <li key={c.recordId}>
                  <RecordCard record={c.record} stage={stage} />
                  <h3>The decisions ({KIND_TEXT[c.kind]})</h3>
                  <ul className="decision-list">
                    {c.decisions.map((d) => (
                      <DecisionLine key={d.id} d={d} />
                    ))}
                  </ul>
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
          )
        }
      </Async>
    </>
  );
}

const KIND_TEXT: Record<Conflict['kind'], string> = { maybe: 'both said maybe', disagreement: 'they disagree', reason: 'both excluded, for different reasons' };

/**
 * Issue 18 item 8: "third reviewer" is offered only to someone who did not screen the record (the server refuses
 * it, 400, from anyone who did), so it is never preselected, nor selectable, for them; until we know who is
 * signed in, discussion is the choice.
 */
export function ResolutionForm({ project, stage, conflict, me, reasons, onDone }: { project: string; stage: Stage; conflict: Conflict; me: { id: number } | null; reasons: string[]; onDone: (text: string) => void }) {
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
      await reviewApi.post(reviewPaths.resolve(project, conflict.recordId), { stage, decision, method, ...(decision === 'exclude' && reason ? { reason } : {}), ...(note.trim() ? { note: note.trim() } : {}) });
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
