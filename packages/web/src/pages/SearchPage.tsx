import { paths, type ApiResponses } from '../api/client';
import type { SearchHit } from '../api/types';
import { SelectField } from '../components/SelectField';
import { Snippet } from '../components/Snippet';
import { Async } from '../components/StatusMessage';
import { useApi } from '../hooks/useApi';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { hitHref } from '../lib/hit-links';
import { RECORD_KIND_LABELS } from '../lib/labels';
import { Link } from '../router/Link';
import { navigate, withQuery, type Route } from '../router/router';

const KIND_ORDER = ['study', 'entity', 'claim', 'isolationMethod', 'advantage', 'limitation', 'direction', 'gap', 'fact', 'biology', 'reference'];

const kindRank = (kind: string): number => (KIND_ORDER.includes(kind) ? KIND_ORDER.indexOf(kind) : KIND_ORDER.length);

/** Groups hits by record kind in a fixed order, keeping the ranking inside each group. */
export function groupHits(hits: readonly SearchHit[]): { kind: string; hits: SearchHit[] }[] {
  const groups = new Map<string, SearchHit[]>();
  for (const h of hits) groups.set(h.kind, [...(groups.get(h.kind) ?? []), h]);
  return [...groups.entries()]
    .sort(([a], [b]) => kindRank(a) - kindRank(b))
    .map(([kind, list]) => ({ kind, hits: list }));
}

/** Search results from every record kind, grouped by kind, with the matches highlighted. */
export function SearchPage({ route }: { route: Route }) {
  const q = route.query.get('q')?.trim() ?? '';
  const kind = route.query.get('kind') ?? '';
  useDocumentTitle(q ? `Search: ${q}` : 'Search');
  const result = useApi<ApiResponses['search']>(q ? paths.search(q, kind || undefined, 100) : null);
  return (
    <>
      <h1>{q ? <>Search results for “{q}”</> : 'Search the atlas'}</h1>
      {!q ? (
        <p className="lead">
          Type a word in the search box above: a miRNA (miR-21), a pathway (PI3K/Akt), a disease, a cell source, an author or a phrase the review uses.
        </p>
      ) : (
        <>
          <div className="toolbar">
            <SelectField
              label="Only"
              anyLabel="All kinds of record"
              value={kind}
              options={KIND_ORDER.map((k) => ({ value: k, label: RECORD_KIND_LABELS[k] ?? k }))}
              onChange={(v) => navigate(withQuery('/search', { q, kind: v }))}
            />
          </div>
          <Async state={result} what="Search results">
            {(r) =>
              r.hits.length === 0 ? (
                <p className="empty" role="status">
                  Nothing in the atlas matches “{q}”. Try fewer words or another spelling (e.g. “miR-21” or “microRNA”).
                </p>
              ) : (
                <>
                  <p className="result-count" role="status">
                    {r.total} {r.total === 1 ? 'match' : 'matches'}
                    {r.total > r.hits.length ? ` (showing the best ${r.hits.length})` : ''}
                  </p>
                  {groupHits(r.hits).map((g) => (
                    <section key={g.kind} className="hit-group" aria-labelledby={`hits-${g.kind}`}>
                      <h2 id={`hits-${g.kind}`}>
                        {RECORD_KIND_LABELS[g.kind] ?? g.kind} <span className="count">{g.hits.length}</span>
                      </h2>
                      <ol className="hits">
                        {g.hits.map((h) => (
                          <li key={`${h.kind}:${h.id}`} className="hit">
                            <Link to={hitHref(h)} className="hit-title">
                              {h.title}
                            </Link>
                            <p className="hit-snippet">
                              <Snippet snippet={h.snippet} />
                            </p>
                          </li>
                        ))}
                      </ol>
                    </section>
                  ))}
                </>
              )
            }
          </Async>
        </>
      )}
    </>
  );
}
