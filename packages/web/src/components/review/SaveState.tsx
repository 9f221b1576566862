/** Under a form's save button: saving, saved or why not, and the warning when a newer version was saved elsewhere. */
import { FormMessage, type FormMessageValue } from './FormMessage';

export function SaveState({ saving, message, stale }: { saving: boolean; message: FormMessageValue | null; stale: boolean }) {
  return (
    <>
      <FormMessage message={saving ? { text: 'Saving…', isError: false } : message} />
      {stale && (
        <div className="notice notice-warning" role="alert">
          <h2 className="notice-title">Not saved: someone saved a newer version of this form</h2>
          <p>
            Your form was loaded before another save (in another tab or window). ExoAtlas does not overwrite it: nothing of yours was saved. Copy what you need, reload the page to
            see the current version, and save again.
          </p>
        </div>
      )}
    </>
  );
}
