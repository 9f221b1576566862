import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { highlightTerms } from '@exoatlas/review/highlight';
import { ApiError } from '../../api/client';
import { reviewApi, reviewPaths, STAGE_LABELS, type DecisionValue, type NextRecord, type RecordView, type Stage } from '../../api/review';
import { CriteriaList, RecordCard, StoppingView } from '../../components/review/ReviewParts';
import { FormMessage, type FormMessageValue } from '../../components/review/FormMessage';
import { Async, ErrorState, Loading } from '../../components/StatusMessage';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { Link } from '../../router/Link';
import { navigate, withQuery, type Route } from '../../router/router';
import { ProjectNav } from './ProjectPage';
import { explain, useFresh } from '../../hooks/review-session';

export const stageOf = (route: Route): Stage => (route.query.get('stage') === 'full-text' ? 'full-text' : 'title-abstract');

/** Keys typed into a text field, a select or an editable region are the user's, not shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  return false;
}

interface Stale {
  recordId: number;
  currentVersion: number | undefined;
  attempted: DecisionValue;
}

/** Screening: the next top-ranked record with the criteria beside it; include / exclude / maybe by button or key. */
export function ScreeningPage({ project, route }: { project: string; route: Route }) {
  const stage = stageOf(route);
  const recordParam = route.query.get('record');
  const recordId = recordParam && /^\d+$/.test(recordParam) ? Number(recordParam) : null;
  useDocumentTitle(`Screening (${STAGE_LABELS[stage].toLowerCase()})`);
  const next = useFresh<NextRecord>(reviewPaths.next(project, stage));
  const chosen = useFresh<RecordView>(recordId !== null ? reviewPaths.record(project, recordId) : null);
  const list = useFresh<{ total: number; items: RecordView[] }>(reviewPaths.records(project, stage));
  const record = recordId !== null ? chosen.data : next.data?.record;

  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<FormMessageValue | null>(null);
  const [stale, setStale] = useState<Stale | null>(null);
  /** the record just decided: the next one is on its way, a second key press must not decide it again */
  const [justDecided, setJustDecided] = useState<number | null>(null);
  /** E pressed with no reason chosen: the next number key names the reason (1–9, as numbered beside the list). */
  const [armed, setArmed] = useState(false);
  /** The record decided last, for Z (back to it to change the decision). */
  const [lastDecided, setLastDecided] = useState<number | null>(null);
  const reasonRef = useRef<HTMLSelectElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const excludeRef = useRef<HTMLButtonElement>(null);
  /** Where focus goes when it leaves the note (Escape): a group of buttons, where a letter types nothing. */
  const barRef = useRef<HTMLDivElement>(null);
  const ids = { reason: useId(), note: useId(), keys: useId() };
  const go = (params: Record<string, string | number | undefined>): void => navigate(withQuery(`/reviews/${encodeURIComponent(project)}/screen`, { stage, ...params }));

  // a new record: a clean form, prefilled with your own latest decision's reason and note
  const shownId = record?.id;
  useEffect(() => {
    const mine = record?.stages[stage].mine;
    setReason(mine?.reason ?? '');
    setNote(mine?.note ?? '');
    setArmed(false);
  }, [shownId, stage]);

  const reasons = next.data?.exclusionReasons ?? [];
  const decide = async (decision: DecisionValue, reasonGiven?: string): Promise<void> => {
    if (!record || busy || (recordId === null && record.id === justDecided)) return;
    const why = reasonGiven ?? reason;
    if (decision === 'exclude' && !why) {
      // Keyboard: the next number key names the reason; pointer: the list beside Exclude.
      setArmed(true);
      setMessage({ text: `Exclude: press the reason's number (1–${Math.min(reasons.length, 9)}) or choose it from the list; Escape cancels.`, isError: false });
      return;
    }
    setArmed(false);
    setBusy(true);
    setMessage(null);
    setStale(null);
    const expectedVersion = record.stages[stage].mine?.version ?? 0;
    try {
      await reviewApi.post(reviewPaths.decide(project, record.id), { stage, decision, expectedVersion, ...(decision === 'exclude' ? { reason: why } : {}), ...(note.trim() ? { note: note.trim() } : {}) });
      setMessage({ text: `Recorded: ${decision}${decision === 'exclude' ? ` (${why})` : ''} for record ${record.id} “${record.title.slice(0, 80)}”. Z goes back to it.`, isError: false });
      setNote('');
      setReason('');
      setJustDecided(record.id);
      setLastDecided(record.id);
      if (recordId !== null) go({});
      next.reload();
      list.reload();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'EXO_ERR_REVIEW_STALE_DECISION') {
        setStale({ recordId: record.id, currentVersion: typeof error.context.currentVersion === 'number' ? error.context.currentVersion : undefined, attempted: decision });
      } else setMessage({ text: `Not recorded: ${explain(error)}`, isError: true });
    } finally {
      setBusy(false);
    }
  };

  // Keyboard (issue 20, one-key screening): I include; E then a number, or the number alone, excludes for that reason;
  // M or U maybe; Z back to the record just decided; N into the note, Escape out of it; ← → previous or next record.
  // Never while typing in a field: a letter typed into the note is text.
  const handler = useRef<(e: KeyboardEvent) => void>(() => undefined);
  handler.current = (e: KeyboardEvent): void => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (isTypingTarget(e.target)) {
      if (e.key === 'Escape' && e.target === noteRef.current) {
        e.preventDefault();
        barRef.current?.focus();
      }
      return;
    }
    const key = e.key.toLowerCase();
    if (/^[1-9]$/.test(e.key) && reasons[Number(e.key) - 1] !== undefined) {
      e.preventDefault();
      void decide('exclude', reasons[Number(e.key) - 1]);
    } else if (e.key === 'Escape' && armed) {
      setArmed(false);
      setMessage(null);
    } else if (key === 'i' || key === 'e' || key === 'm' || key === 'u') {
      e.preventDefault();
      void decide(key === 'i' ? 'include' : key === 'e' ? 'exclude' : 'maybe');
    } else if (key === 'z' && lastDecided !== null && !busy) {
      e.preventDefault();
      go({ record: lastDecided });
    } else if (key === 'n' && noteRef.current) {
      e.preventDefault();
      noteRef.current.focus();
    } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const items = list.data?.items ?? [];
      if (!record || items.length === 0) return;
      const at = items.findIndex((r) => r.id === record.id);
      const to = e.key === 'ArrowRight' ? items[at + 1] : at > 0 ? items[at - 1] : undefined;
      if (to) {
        e.preventDefault();
        go({ record: to.id });
      }
    }
  };
  useEffect(() => {
    const h = (e: KeyboardEvent): void => handler.current(e);
    window.addEventListener('keydown', h);
    return () => window.removeEventListener('keydown', h);
  }, []);

  const items = list.data?.items ?? [];
  const at = record ? items.findIndex((r) => r.id === record.id) : -1;
  const [isHighlighting, setHighlighting] = useHighlightSetting();
  const terms = useMemo(() => (next.data && isHighlighting ? highlightTerms(next.data.question, next.data.criteria) : undefined), [next.data, isHighlighting]);
  return (
    <>
      <h1>Screening: {STAGE_LABELS[stage].toLowerCase()}</h1>
      <ProjectNav project={project} current="/screen" />
      <p className="stage-switch">
        Stage:{' '}
        {(['title-abstract', 'full-text'] as const).map((s) => (
          <Link key={s} className="stage-link" to={withQuery(`/reviews/${encodeURIComponent(project)}/screen`, { stage: s })} aria-current={s === stage ? 'page' : undefined}>
            {STAGE_LABELS[s]}
          </Link>
        ))}
      </p>
      <p className="highlight-switch">
        <label>
          <input type="checkbox" checked={isHighlighting} onChange={(e) => setHighlighting(e.target.checked)} /> Highlight the criteria’s words: <mark className="hl hl-include">question and inclusion</mark>,{' '}
          <mark className="hl hl-exclude">exclusion</mark>
        </label>
      </p>
      <details className="shortcuts" open>
        <summary>Keyboard shortcuts</summary>
        <p id={ids.keys}>
          <kbd>I</kbd> include · <kbd>E</kbd> then <kbd>1</kbd>–<kbd>9</kbd> exclude for the reason of that number (shown beside the reasons; the number alone does the
          same, so an exclusion is one or two keys) · <kbd>M</kbd> or <kbd>U</kbd> maybe · <kbd>Z</kbd> back to the record you just decided, to change your decision ·{' '}
          <kbd>N</kbd> write a note, <kbd>Escape</kbd> to leave it · <kbd>←</kbd> <kbd>→</kbd> previous or next record in ranked order. The keys do nothing while you type in
          the note or choose from a list.
        </p>
      </details>
      <Async state={next} what="The next record">
        {(n) => (
          <div className="screening">
            <div className="screening-main">
              <section aria-labelledby="record-heading">
                <h2 id="record-heading" className="visually-hidden">
                  The record
                </h2>
                {recordId !== null && chosen.error ? (
                  <ErrorState error={chosen.error} what="The record" />
                ) : recordId !== null && !chosen.data ? (
                  <Loading label="Loading the record…" />
                ) : record ? (
                  <>
                    <p className="muted" aria-live="polite">
                      {recordId === null ? 'The next record for you, the highest ranked you have not decided' : `Record ${at + 1} of ${items.length} in ranked order`}
                      {recordId !== null && (
                        <>
                          {' '}
                          · <Link to={withQuery(`/reviews/${encodeURIComponent(project)}/screen`, { stage })}>back to the next undecided record</Link>
                        </>
                      )}
                    </p>
                    <RecordCard record={record} stage={stage} headingLevel={3} highlight={terms} />
                  </>
                ) : (
                  <div className="notice notice-info" role="status">
                    <h3 className="notice-title">Nothing left for you to screen at this stage</h3>
                    {n.progress.excludedByAutomation > 0 && (
                      <p>
                        Screening was stopped: the {n.progress.excludedByAutomation} records nobody had screened count as excluded by automation tools. An owner can resume
                        it from the <Link to={`/reviews/${encodeURIComponent(project)}`}>dashboard</Link>.
                      </p>
                    )}
                    <p>
                      Every record here has your decision (or enough reviewers). See the <Link to={`/reviews/${encodeURIComponent(project)}/conflicts?stage=${stage}`}>conflicts</Link> or the{' '}
                      <Link to={`/reviews/${encodeURIComponent(project)}/prisma`}>PRISMA flow</Link>.
                    </p>
                  </div>
                )}
              </section>
              {record && stage === 'full-text' && (
                <RetrievalForm
                  project={project}
                  record={record}
                  onDone={() => {
                    next.reload();
                    chosen.reload();
                    list.reload();
                  }}
                />
              )}
              {record && (
                <form
                  className="decision-form"
                  aria-label="Your decision"
                  onSubmit={(e) => {
                    e.preventDefault();
                  }}
                >
                  {record.stages[stage].mine && (
                    <p className="muted">
                      Your decision so far: {record.stages[stage].mine!.decision} (version {record.stages[stage].mine!.version}); a new one replaces it.
                    </p>
                  )}
                  {/* On a phone this bar stays at the bottom of the screen (review.css), not below the whole abstract. */}
                  <div className="decision-buttons decision-bar" role="group" aria-label="Decide" aria-describedby={ids.keys} ref={barRef} tabIndex={-1}>
                    <button type="button" className="button decide-include" disabled={busy} onClick={() => void decide('include')}>
                      Include <kbd>I</kbd>
                    </button>
                    <button
                      type="button"
                      ref={excludeRef}
                      className="button decide-exclude"
                      disabled={busy}
                      onClick={() => {
                        void decide('exclude');
                        if (!reason) reasonRef.current?.focus();
                      }}
                    >
                      Exclude <kbd>E</kbd>
                    </button>
                    <button type="button" className="button button-secondary" disabled={busy} onClick={() => void decide('maybe')}>
                      Maybe <kbd>M</kbd>
                    </button>
                  </div>
                  <div className="field">
                    <label htmlFor={ids.reason}>Reason for exclusion</label>
                    <select
                      id={ids.reason}
                      ref={reasonRef}
                      value={reason}
                      onChange={(e) => {
                        setReason(e.target.value);
                        // Out of the list once a reason is chosen: in a list a letter picks an option; on Exclude, E excludes.
                        if (e.target.value) excludeRef.current?.focus();
                      }}
                    >
                      <option value="">Choose a reason…</option>
                      {n.exclusionReasons.map((r, i) => (
                        <option key={r} value={r}>
                          {i < 9 ? `${i + 1}. ` : ''}
                          {r}
                        </option>
                      ))}
                    </select>
                  </div>
                  <ol className={`reason-keys${armed ? ' reason-keys-armed' : ''}`} aria-label="Exclusion reasons by number key">
                    {n.exclusionReasons.slice(0, 9).map((r, i) => (
                      <li key={r}>
                        <kbd>{i + 1}</kbd> {r}
                      </li>
                    ))}
                  </ol>
                  <div className="field">
                    <label htmlFor={ids.note}>
                      Note (optional) <kbd>N</kbd>
                    </label>
                    <textarea id={ids.note} ref={noteRef} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
                  </div>
                  <FormMessage message={message} />
                  {stale && (
                    <div className="notice notice-warning" role="alert">
                      <h3 className="notice-title">Your decision was not saved: the form was out of date</h3>
                      <p>
                        Record {stale.recordId} already has a newer decision of yours{stale.currentVersion !== undefined ? ` (version ${stale.currentVersion})` : ''}, made in another tab or
                        window after this page loaded it. ExoAtlas does not overwrite it silently. Reload the record to see your current decision, then decide again if you still want “
                        {stale.attempted}”.
                      </p>
                      <button
                        type="button"
                        className="button"
                        onClick={() => {
                          setStale(null);
                          next.reload();
                          chosen.reload();
                          list.reload();
                        }}
                      >
                        Reload the record
                      </button>
                    </div>
                  )}
                </form>
              )}
            </div>
            <aside className="screening-side" aria-labelledby="side-heading">
              <h2 id="side-heading">Eligibility criteria</h2>
              <CriteriaList criteria={n.criteria} question={n.question} />
              <h2>Progress and stopping guidance</h2>
              <p>
                You have decided {n.progress.mine.decided}; {n.progress.mine.remaining} remain for you. Included {n.progress.included}, excluded {n.progress.excluded}, conflicts{' '}
                {n.progress.conflicts}.
              </p>
              {n.stopping && <StoppingView stopping={n.stopping} />}
              {n.ranking && (
                <p className="hint">
                  Ranked by {n.ranking.description} (refit in {Math.round(n.ranking.millis)} ms).
                </p>
              )}
            </aside>
          </div>
        )}
      </Async>
    </>
  );
}

/**
 * Full text only: an owner or a reviewer marks a sought report as not retrieved (PRISMA counts it under "reports not
 * retrieved" and it leaves full-text screening), or as retrieved after all.
 */
export function RetrievalForm({ project, record, onDone }: { project: string; record: RecordView; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<FormMessageValue | null>(null);
  const headingId = useId();
  const set = async (isNotRetrieved: boolean): Promise<void> => {
    setBusy(true);
    setMessage(null);
    try {
      await reviewApi.put(reviewPaths.retrieval(project, record.id), { isNotRetrieved });
      setMessage({
        text: isNotRetrieved
          ? `Marked: the full text of record ${record.id} was not retrieved. PRISMA counts it under “reports not retrieved”; it leaves full-text screening.`
          : `Marked: the full text of record ${record.id} is retrieved; it is back in full-text screening.`,
        isError: false,
      });
      onDone();
    } catch (error) {
      const text =
        error instanceof ApiError && error.status === 409
          ? `Not changed: record ${record.id} was not included on title and abstract, so its full text is not sought (${error.message}).`
          : `Not changed: ${explain(error)}`;
      setMessage({ text, isError: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="retrieval-form" aria-labelledby={headingId}>
      <h3 id={headingId}>Full-text retrieval</h3>
      <p>
        {record.isNotRetrieved
          ? 'This full text is marked as not retrieved: it is not screened at full text and PRISMA counts it under “reports not retrieved”.'
          : 'If the full text cannot be obtained, mark it as not retrieved: PRISMA counts it under “reports not retrieved”.'}
      </p>
      <button type="button" className="button button-secondary" disabled={busy} onClick={() => void set(!record.isNotRetrieved)}>
        {record.isNotRetrieved ? 'Mark the full text as retrieved' : 'Mark the full text as not retrieved'}
      </button>
      <FormMessage message={message} />
    </section>
  );
}

const HIGHLIGHT_KEY = 'exoatlas.review.highlight';

/** Whether to highlight the criteria's words, remembered in this browser (on unless turned off). */
function useHighlightSetting(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => {
    try {
      return localStorage.getItem(HIGHLIGHT_KEY) !== 'off';
    } catch {
      return true;
    }
  });
  const set = (value: boolean): void => {
    setOn(value);
    try {
      localStorage.setItem(HIGHLIGHT_KEY, value ? 'on' : 'off');
    } catch {
      // Private windows may refuse storage: the setting then lasts for this page only.
    }
  };
  return [on, set];
}
