import { useEffect, useId, useState } from 'react';
import { paths, type ApiResponses } from '../api/client';
import { SelectField } from '../components/SelectField';
import { Async } from '../components/StatusMessage';
import { useApi } from '../hooks/useApi';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { ENTITY_KIND_LABELS, label } from '../lib/labels';
import { Link } from '../router/Link';
import { navigate, withQuery, type Route } from '../router/router';

const KINDS = ['mirna', 'gene', 'protein', 'pathway', 'cell-type', 'process', 'disease', 'compound', 'anatomy', 'vesicle', 'species'];

/** The molecules, pathways, cells and diseases the review names, with how much it says about each. */
export function EntitiesPage({ route }: { route: Route }) {
  const kind = route.query.get('kind') ?? '';
  const q = route.query.get('q') ?? '';
  useDocumentTitle(kind ? `${label(ENTITY_KIND_LABELS, kind)} entities` : 'Entities');
  const [text, setText] = useState(q);
  const id = useId();
  useEffect(() => setText(q), [q]);
  useEffect(() => {
    if (text === q) return;
    const t = window.setTimeout(() => navigate(withQuery('/entities', { kind, q: text.trim() }), { replace: true }), 250);
    return () => window.clearTimeout(t);
  }, [text, q, kind]);
  const list = useApi<ApiResponses['entities']>(paths.entities({ kind: kind || undefined, q: q || undefined }));
  return (
    <>
      <h1>Entities</h1>
      <p className="lead">miRNAs, genes and proteins, pathways, cell types and diseases: open one to read what the review says about it, grouped by disease area.</p>
      <div className="toolbar">
        <SelectField label="Kind" anyLabel="All kinds" value={kind} options={KINDS.map((k) => ({ value: k, label: label(ENTITY_KIND_LABELS, k) }))} onChange={(v) => navigate(withQuery('/entities', { kind: v, q }))} />
        <div className="field field-grow">
          <label htmlFor={id}>Name contains</label>
          <input id={id} type="search" value={text} placeholder="e.g. miR-21, Akt, macrophage" onChange={(e) => setText(e.target.value)} />
        </div>
      </div>
      <Async state={list} what="Entities">
        {(r) =>
          r.items.length === 0 ? (
            <p className="empty">No entity matches.</p>
          ) : (
            <>
              <p className="result-count" role="status">
                {r.total} {r.total === 1 ? 'entity' : 'entities'}
              </p>
              <div className="table-wrap" role="region" aria-label="Entities" tabIndex={0}>
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Kind</th>
                      <th scope="col" className="num">
                        Claims
                      </th>
                      <th scope="col" className="num">
                        Studies
                      </th>
                      <th scope="col">Also written</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.items.map((e) => (
                      <tr key={e.id}>
                        <th scope="row">
                          <Link to={`/entities/${e.id}`}>{e.name}</Link>
                        </th>
                        <td>{label(ENTITY_KIND_LABELS, e.kind)}</td>
                        <td className="num">{e.claimCount}</td>
                        <td className="num">{e.studyCount}</td>
                        <td>{e.synonyms.join(', ')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      </Async>
    </>
  );
}
