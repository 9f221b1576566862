import { useState, type FormEvent } from 'react';
import { reviewApi, reviewPaths, type ProjectView, type StoppingGuidance } from '../../api/review';
import { FormMessage, type FormMessageValue } from '../../components/review/FormMessage';
import { explain } from '../../hooks/review-session';
import { Link } from '../../router/Link';
import { TextField } from './SignIn';

/**
 * Stopping prioritised title/abstract screening, on the dashboard: the records nobody has screened then count as
 * excluded by automation tools in the PRISMA diagram (PRISMA 2020 asks to report them apart from a human's exclusions).
 * Owners stop and resume; everyone sees whether screening was stopped.
 */
export function StopScreening({ view, onDone }: { view: ProjectView; onDone: () => void }) {
  const project = view.project.id;
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<FormMessageValue | null>(null);
  const isOwner = view.role === 'owner';
  const { unscreened, excludedByAutomation } = view.progress['title-abstract'];
  const act = async (what: 'stop' | 'resume', e?: FormEvent): Promise<void> => {
    e?.preventDefault();
    setBusy(true);
    try {
      if (what === 'stop') {
        const r = await reviewApi.post<{ excluded: number; stopping: StoppingGuidance }>(reviewPaths.stopScreening(project), note ? { note } : {});
        setMessage({ text: `Screening stopped: ${r.excluded} unscreened records now count as excluded by automation tools. At this point: ${r.stopping.note}`, isError: false });
        setNote('');
      } else {
        const r = await reviewApi.post<{ restored: number }>(reviewPaths.resumeScreening(project), {});
        setMessage({ text: `Screening resumed: ${r.restored} records are back in the queue.`, isError: false });
      }
      onDone();
    } catch (error) {
      setMessage({ text: explain(error), isError: true });
    } finally {
      setBusy(false);
    }
  };
  const stopped = excludedByAutomation > 0 && (
    <div className="stop-screening">
      <p>
        <strong>Title and abstract screening was stopped.</strong> The {excludedByAutomation} records nobody had screened count as excluded by automation tools in the{' '}
        <Link to={`/reviews/${encodeURIComponent(project)}/prisma`}>PRISMA diagram</Link>; the stopping guidance at that moment is in the{' '}
        <Link to={`/reviews/${encodeURIComponent(project)}/audit`}>audit log</Link>.{unscreened > 0 ? ` ${unscreened} records came in later (a newer search) and are screened as usual.` : ''}
      </p>
      {isOwner && (
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => void act('resume')}>
          Resume screening
        </button>
      )}
    </div>
  );
  // Stopping again covers records that came in after the last stop.
  const form = isOwner && unscreened > 0 && (
    <form className="review-form stop-screening" aria-label="Stop title and abstract screening" onSubmit={(e) => void act('stop', e)}>
      <p>
        Prioritised screening finds most includes early. When the <Link to={`/reviews/${encodeURIComponent(project)}/screen`}>stopping guidance</Link> and your protocol’s stopping rule say so, stop here: the{' '}
        {unscreened} records nobody has screened will count as excluded by automation tools (records half-screened or in conflict still need their decisions).
      </p>
      <TextField label="Why stop now (kept in the audit log)" value={note} onChange={setNote} multiline hint="For example: 200 records screened since the last include; estimated recall 96%." />
      <button type="submit" className="button button-secondary" disabled={busy}>
        Stop title and abstract screening
      </button>
    </form>
  );
  if (!stopped && !form && !message) return null;
  return (
    <>
      {stopped}
      {form}
      <FormMessage message={message} />
    </>
  );
}
