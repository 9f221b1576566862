import { useEffect, useId, useMemo, useState } from 'react';
import { paths, type ApiResponses } from '../api/client';
import { ExportButtons } from '../components/ExportButtons';
import { ReferenceEntry } from '../components/ReferenceEntry';
import { Async } from '../components/StatusMessage';
import { useApi } from '../hooks/useApi';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { referenceMatches } from '../lib/references';
import { navigate, withQuery, type Route } from '../router/router';

/** The review's reference list, searchable, exportable as BibTeX, RIS and CSL-JSON. */
export function ReferencesPage({ route }: { route: Route }) {
  useDocumentTitle('References');
  const q = route.query.get('q') ?? '';
  const [text, setText] = useState(q);
  const id = useId();
  useEffect(() => setText(q), [q]);
  useEffect(() => {
    if (text === q) return;
    const t = window.setTimeout(() => navigate(withQuery('/references', { q: text.trim() }), { replace: true }), 250);
    return () => window.clearTimeout(t);
  }, [text, q]);
  const refs = useApi<ApiResponses['references']>(paths.references());
  const shown = useMemo(() => (refs.data?.items ?? []).filter((r) => referenceMatches(r, q)), [refs.data, q]);
  return (
    <>
      <h1>References</h1>
      <p className="lead">The {refs.data?.total ?? 116} references of the review, numbered as the review numbers them. Each links to the studies and claims that cite it.</p>
      <div className="toolbar">
        <div className="field field-grow">
          <label htmlFor={id}>Find a reference</label>
          <input id={id} type="search" value={text} placeholder="Author, title words, journal or number" onChange={(e) => setText(e.target.value)} />
        </div>
        <ExportButtons />
      </div>
      <Async state={refs} what="References">
        {(r) => (
          <>
            <p className="result-count" role="status" aria-live="polite">
              {q ? `${shown.length} of ${r.total} references match “${q}”` : `${r.total} references`}
            </p>
            <ol className="reference-list plain">
              {shown.map((ref) => (
                <li key={ref.id} id={`ref-${ref.reviewNumber}`}>
                  <ReferenceEntry reference={ref} />
                </li>
              ))}
            </ol>
          </>
        )}
      </Async>
    </>
  );
}
