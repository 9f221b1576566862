import { useMemo } from 'react';
import { paths, type ApiResponses } from '../api/client';
import type { Reference } from '../api/types';
import { ProvenanceList } from '../components/ProvenanceQuote';
import { Async, Loading } from '../components/StatusMessage';
import { useApi } from '../hooks/useApi';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { formatAuthors, formatSource, referenceLinks, shortCitation } from '../lib/references';
import { Link } from '../router/Link';
import { withQuery } from '../router/router';

/** One reference of the review: formatted, as printed, links out, and what in the atlas cites it. */
export function ReferencePage({ n }: { n: string }) {
  const ref = useApi<ApiResponses['reference']>(/^\d{1,3}$/.test(n) ? paths.reference(n) : paths.reference(n.replace(/^ref-/, '')));
  useDocumentTitle(ref.data ? `[${ref.data.reviewNumber}] ${shortCitation(ref.data)}` : ref.error ? 'Reference not found' : 'Reference');
  return (
    <Async asPage state={ref} what="Reference" loading={<Loading label="Loading the reference…" />}>
      {(r) => <ReferenceView reference={r} />}
    </Async>
  );
}

function ReferenceView({ reference: r }: { reference: Reference }) {
  const studies = useApi<ApiResponses['studies']>(paths.studies());
  const claims = useApi<ApiResponses['claims']>(paths.claims());
  const citing = useMemo(() => (studies.data?.items ?? []).filter((s) => s.referenceNumbers.includes(r.reviewNumber)), [studies.data, r.reviewNumber]);
  const citingClaims = useMemo(() => (claims.data?.items ?? []).filter((c) => c.referenceNumbers.includes(r.reviewNumber)), [claims.data, r.reviewNumber]);
  const links = referenceLinks(r);
  return (
    <article>
      <p className="breadcrumb">
        <Link to="/references">References</Link> › [{r.reviewNumber}]
      </p>
      <h1>
        <span className="ref-badge">[{r.reviewNumber}]</span> {r.title}
      </h1>
      <dl className="fields">
        <dt>Authors</dt>
        <dd>{formatAuthors(r) || 'Not printed'}</dd>
        <dt>Source</dt>
        <dd>{formatSource(r) || r.publisher || '–'}</dd>
        <dt>Type</dt>
        <dd>{r.type.replace('article-journal', 'Journal article')}</dd>
        {r.accessed && (
          <>
            <dt>Accessed</dt>
            <dd>{r.accessed}</dd>
          </>
        )}
        <dt>Links</dt>
        <dd>
          {links.length === 0 ? (
            <>
              The review prints no DOI or PubMed id for this reference.{' '}
              <a href={`https://pubmed.ncbi.nlm.nih.gov/?term=${encodeURIComponent(r.title)}`} rel="noopener noreferrer" target="_blank">
                Search PubMed for its title<span className="visually-hidden"> (opens in a new tab)</span>
              </a>
            </>
          ) : (
            links.map((l) => (
              <span key={l.href}>
                <a href={l.href} rel="noopener noreferrer" target="_blank">
                  {l.label}
                  <span className="visually-hidden"> (opens in a new tab)</span>
                </a>{' '}
              </span>
            ))
          )}
        </dd>
      </dl>
      <h2>As printed in the review</h2>
      <blockquote className="printed">
        <p>
          {r.reviewNumber}. {r.printed}
        </p>
      </blockquote>
      {r.curationNote && (
        <aside className="curation-note" aria-label="Curator's note">
          <h3>Curator's note</h3>
          <p>{r.curationNote}</p>
        </aside>
      )}
      <ProvenanceList provenance={r.provenance} heading="Where the review quotes it" />
      <h2>Studies citing [{r.reviewNumber}]</h2>
      {!studies.data ? (
        <Loading />
      ) : citing.length === 0 ? (
        <p className="muted">No study record of the atlas cites this reference.</p>
      ) : (
        <ul className="related-list">
          {citing.map((s) => (
            <li key={s.id}>
              <Link to={`/studies/${s.id}`}>{s.title}</Link>
            </li>
          ))}
        </ul>
      )}
      {citingClaims.length > 0 && (
        <>
          <h2>Mechanism claims citing [{r.reviewNumber}]</h2>
          <ul className="related-list">
            {citingClaims.map((c) => (
              <li key={c.id}>
                <Link to={withQuery('/mechanisms', { claim: c.id })}>
                  {c.subject} {c.predicate} {c.object}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <nav className="pager" aria-label="Neighbouring references">
        {r.reviewNumber > 1 && <Link to={`/references/${r.reviewNumber - 1}`}>← [{r.reviewNumber - 1}]</Link>}
        {r.reviewNumber < 116 && <Link to={`/references/${r.reviewNumber + 1}`}>[{r.reviewNumber + 1}] →</Link>}
      </nav>
    </article>
  );
}
