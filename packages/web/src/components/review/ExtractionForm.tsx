/** The data-extraction form of a study: characteristics and outcomes, checked by the server as typed and saved whole. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { reviewApi, reviewPaths, type ExtractionSchema, type FieldIssue } from '../../api/review';
import { emptyDraft, emptyOutcome, fromData, toData, type ExtractionDraft, type GroupDraft, type OutcomeDraft } from './extraction-draft';
import type { FieldContext } from './FormFields';
import { OutcomeFieldset } from './OutcomeFieldset';
import { issuesByPath } from './ReviewParts';
import type { FormMessageValue } from './FormMessage';
import { SaveState } from './SaveState';
import { saveForm, type FormProps } from './save-form';
import { StudyCharacteristicsFieldset } from './StudyCharacteristicsFieldset';

export function ExtractionForm({ project, record, version, data, onSaved, schema, others, consensus }: FormProps & { schema: ExtractionSchema }) {
  const [draft, setDraft] = useState<ExtractionDraft>(() => (data ? fromData(data) : emptyDraft()));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<FormMessageValue | null>(null);
  const [stale, setStale] = useState(false);
  const [loadedVersion, setLoadedVersion] = useState(version);
  const payload = useMemo(() => toData(draft), [draft]);
  const issueMap = useMemo(() => issuesByPath(issues), [issues]);
  const ctx: FieldContext = { issues: issueMap, touched, showAll, touch: (p) => setTouched((t) => (t.has(p) ? t : new Set(t).add(p))) };

  // validated as typed: the server's schema, a moment after the last keystroke (nothing is saved)
  const seq = useRef(0);
  useEffect(() => {
    const n = ++seq.current;
    const t = window.setTimeout(() => {
      reviewApi.post<{ ok: boolean; issues: FieldIssue[] }>(reviewPaths.validate(project), { kind: 'extraction', data: payload }).then(
        (r) => n === seq.current && setIssues(r.issues),
        () => undefined,
      );
    }, 250);
    return () => window.clearTimeout(t);
  }, [payload, project]);

  const setC = (k: keyof ExtractionDraft['characteristics'], v: string | string[]): void => setDraft((d) => ({ ...d, characteristics: { ...d.characteristics, [k]: v } }));
  const setO = (i: number, patch: Partial<OutcomeDraft>): void => setDraft((d) => ({ ...d, outcomes: d.outcomes.map((o, j) => (j === i ? { ...o, ...patch } : o)) }));
  const setG = (i: number, gi: number, patch: Partial<GroupDraft>): void => setDraft((d) => ({ ...d, outcomes: d.outcomes.map((o, j) => (j === i ? { ...o, groups: o.groups.map((g, k) => (k === gi ? { ...g, ...patch } : g)) } : o)) }));

  const submit = async (): Promise<void> => {
    setShowAll(true);
    setSaving(true);
    setMessage(null);
    setStale(false);
    const r = await saveForm(project, record, 'extraction', payload, loadedVersion, consensus);
    setSaving(false);
    if (r.ok) {
      setLoadedVersion(r.version);
      setMessage({ text: `Saved: version ${r.version} of ${consensus ? 'the consensus' : 'your'} extraction form.`, isError: false });
      setShowAll(false);
      onSaved();
    } else {
      if (r.fields.length) setIssues(r.fields);
      setStale(r.stale);
      setMessage({ text: r.text, isError: true });
    }
  };
  const unplaced = showAll ? issues.filter((i) => !/^(characteristics\.|outcomes\[\d+\]\.(outcome|label|timePoint|days|unit|quote|groups\[\d+\]\.\w+)$)/.test(i.path)) : [];
  return (
    <form
      className="extraction-form"
      aria-label={consensus ? 'Consensus data extraction form' : 'Data extraction form'}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {consensus ? (
        <p className="muted">
          {loadedVersion > 0 ? `Editing the consensus form (version ${loadedVersion}).` : 'A new consensus form, prefilled from the current value; settle the discrepancies above and save it.'} Synthesis uses the
          consensus form once it is saved.
        </p>
      ) : (
        <p className="muted">
          {loadedVersion > 0 ? `Editing your saved form (version ${loadedVersion}).` : 'A new form: nothing of yours is saved for this study yet.'} Other reviewers' forms:{' '}
          {Math.max(0, others.forms.length - (data ? 1 : 0))} visible · status {others.status}
          {others.discrepancies.length > 0 ? ` · ${others.discrepancies.length} discrepancies` : ''}
        </p>
      )}
      <StudyCharacteristicsFieldset characteristics={draft.characteristics} schema={schema} onChange={setC} ctx={ctx} />
      {draft.outcomes.map((o, i) => (
        <OutcomeFieldset
          key={i}
          outcome={o}
          index={i}
          ctx={ctx}
          onChange={(patch) => setO(i, patch)}
          onChangeGroup={(gi, patch) => setG(i, gi, patch)}
          onRemove={() => setDraft((d) => ({ ...d, outcomes: d.outcomes.filter((_, j) => j !== i) }))}
        />
      ))}
      <button type="button" className="button button-secondary" onClick={() => setDraft((d) => ({ ...d, outcomes: [...d.outcomes, emptyOutcome()] }))}>
        Add an outcome or time point
      </button>
      {unplaced.length > 0 && (
        <ul className="field-error form-issues">
          {unplaced.map((i) => (
            <li key={i.path + i.message}>
              {i.path || 'The form'}: {i.message}
            </li>
          ))}
        </ul>
      )}
      <div className="button-row">
        <button type="submit" className="button" disabled={saving}>
          {consensus ? 'Save the consensus extraction form' : 'Save the extraction form'}
        </button>
      </div>
      <SaveState saving={saving} message={message} stale={stale} />
    </form>
  );
}
