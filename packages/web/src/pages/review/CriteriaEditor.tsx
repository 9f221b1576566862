import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { reviewApi, reviewPaths, STAGE_LABELS, STAGES, type ReviewProject } from '../../api/review';
import { CRITERIA_FIELDS, draftFromProject, patchFromDraft, type CriteriaDraft } from './criteria-draft';
import { FormMessage, type FormMessageValue } from '../../components/review/FormMessage';
import { TextField } from './SignIn';
import { explain } from '../../hooks/review-session';

/**
 * The owner's editor of the review question, the PICO and free-text criteria and the exclusion reasons of each stage:
 * a button opens the form, Save sends PATCH /api/reviews/:project; a refusal (400, 403) shows the server's message.
 */
export function CriteriaEditor({ project, onSaved }: { project: ReviewProject; onSaved: () => void }) {
  const [draft, setDraft] = useState<CriteriaDraft | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<FormMessageValue | null>(null);
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const isOpen = draft !== null;
  // keyboard users land in the form when it opens, and back on its button when it closes
  const wasOpen = useRef(false);
  useEffect(() => {
    if (isOpen) formRef.current?.querySelector<HTMLElement>('textarea, input')?.focus();
    else if (wasOpen.current) buttonRef.current?.focus();
    wasOpen.current = isOpen;
  }, [isOpen]);
  const open = (): void => {
    setDraft(draftFromProject(project));
    setMessage(null);
  };
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!draft || busy) return;
    setBusy(true);
    setMessage(null);
    try {
      await reviewApi.patch<ReviewProject>(reviewPaths.project(project.id), patchFromDraft(draft));
      setDraft(null);
      setMessage({ text: 'Saved: the question, the criteria and the exclusion reasons are updated.', isError: false });
      onSaved();
    } catch (error) {
      setMessage({ text: `Not saved: ${explain(error)}`, isError: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="criteria-editor">
      {draft === null ? (
        <button ref={buttonRef} type="button" className="button button-secondary" onClick={open}>
          Edit the question and criteria
        </button>
      ) : (
        <form ref={formRef} className="review-form" aria-labelledby={headingId} onSubmit={(e) => void submit(e)}>
          <h3 id={headingId}>Edit the question and criteria</h3>
          <TextField label="Review question" value={draft.question} onChange={(v) => setDraft({ ...draft, question: v })} multiline />
          <fieldset className="choice-group">
            <legend>Eligibility criteria</legend>
            {CRITERIA_FIELDS.map(([k, label]) => (
              <TextField key={k} label={label} value={draft.criteria[k]} onChange={(v) => setDraft({ ...draft, criteria: { ...draft.criteria, [k]: v } })} multiline={k === 'inclusion' || k === 'exclusion'} />
            ))}
          </fieldset>
          <fieldset className="choice-group">
            <legend>Exclusion reasons</legend>
            {STAGES.map((s) => (
              <TextField
                key={s}
                label={`Exclusion reasons: ${STAGE_LABELS[s].toLowerCase()}`}
                hint="One reason a line; reviewers choose one when they exclude a record"
                value={draft.reasons[s]}
                onChange={(v) => setDraft({ ...draft, reasons: { ...draft.reasons, [s]: v } })}
                multiline
              />
            ))}
          </fieldset>
          <div className="button-row">
            <button type="submit" className="button" disabled={busy}>
              {busy ? 'Saving…' : 'Save'}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setDraft(null)} disabled={busy}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <FormMessage message={message} />
    </div>
  );
}
