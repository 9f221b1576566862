/** Saving a study's form: what every form is given, and the one request that saves it whole or not at all. */
import { ApiError } from '../../api/client';
import { reviewApi, reviewPaths, type FieldIssue, type FormKind, type FormsView } from '../../api/review';
import { explain } from '../../hooks/review-session';

export interface FormProps {
  project: string;
  record: number;
  version: number;
  data: unknown;
  onSaved: () => void;
  others: FormsView;
  /** the consensus form (saved with consensus: true), not the user's own */
  consensus: boolean;
}

export type SaveResult = { ok: true; version: number } | { ok: false; stale: boolean; fields: FieldIssue[]; text: string };

/** Saves a form over expectedVersion; a newer save elsewhere (409) comes back as stale rather than being overwritten. */
export async function saveForm(project: string, record: number, kind: FormKind, data: unknown, expectedVersion: number, consensus: boolean): Promise<SaveResult> {
  try {
    const r = await reviewApi.put<{ version: number }>(reviewPaths.forms(project, record, kind), { data, expectedVersion, ...(consensus ? { consensus: true } : {}) });
    return { ok: true, version: r.version };
  } catch (error) {
    if (error instanceof ApiError && error.status === 409 && error.code === 'EXO_ERR_EXTRACT_STALE') return { ok: false, stale: true, fields: [], text: 'Not saved: the form is out of date.' };
    const fields = error instanceof ApiError && Array.isArray(error.context.fields) ? (error.context.fields as FieldIssue[]) : [];
    return { ok: false, stale: false, fields, text: fields.length ? `Not saved: ${fields.length === 1 ? 'one value needs' : `${fields.length} values need`} correcting (see the messages at the fields). Nothing was saved.` : `Not saved: ${explain(error)}` };
  }
}
