import { useMemo } from 'react';
import { paths, type ApiResponses } from '../api/client';
import type { Entity, EntityDetail } from '../api/types';
import { ClaimCard } from '../components/ClaimCard';
import { ProvenanceList } from '../components/ProvenanceQuote';
import { ReferenceEntry } from '../components/ReferenceEntry';
import { Async, Loading } from '../components/StatusMessage';
import { useApi } from '../hooks/useApi';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { DISEASE_AREA_LABELS, ENTITY_KIND_LABELS, label } from '../lib/labels';
import { Link } from '../router/Link';
import { withQuery } from '../router/router';

const XREF_URLS: Record<string, (id: string) => string> = {
  miRBase: (id) => `https://www.mirbase.org/mature/${id}`,
  HGNC: (id) => `https://www.genenames.org/data/gene-symbol-report/#!/hgnc_id/${id.replace(/^HGNC:/, '')}`,
  NCBITaxon: (id) => `https://www.ncbi.nlm.nih.gov/Taxonomy/Browser/wwwtax.cgi?id=${id.replace(/^NCBITaxon:/, '')}`,
  MONDO: (id) => `https://monarchinitiative.org/${id.includes(':') ? id : `MONDO:${id}`}`,
  DOID: (id) => `https://disease-ontology.org/?id=${id.includes(':') ? id : `DOID:${id}`}`,
  KEGG: (id) => `https://www.kegg.jp/entry/${id}`,
  Reactome: (id) => `https://reactome.org/content/detail/${id}`,
  CL: (id) => `https://www.ebi.ac.uk/ols4/search?q=${encodeURIComponent(id)}`,
  GO: (id) => `https://amigo.geneontology.org/amigo/term/${id}`,
  UBERON: (id) => `https://www.ebi.ac.uk/ols4/search?q=${encodeURIComponent(id)}`,
  CHEBI: (id) => `https://www.ebi.ac.uk/chebi/searchId.do?chebiId=${id}`,
  MeSH: (id) => `https://meshb.nlm.nih.gov/record/ui?ui=${id}`,
  UniProt: (id) => `https://www.uniprot.org/uniprotkb/${id}`,
};

/** A miRNA, gene, pathway, cell type or disease: what the review says about it, grouped by disease area. */
export function EntityPage({ id }: { id: string }) {
  const detail = useApi<ApiResponses['entity']>(paths.entity(id));
  useDocumentTitle(detail.data?.entity.name ?? (detail.error ? 'Entity not found' : 'Entity'));
  return (
    <Async asPage state={detail} what="Entity" loading={<Loading label="Loading…" />}>
      {(d) => <EntityView detail={d} />}
    </Async>
  );
}

function EntityView({ detail: d }: { detail: EntityDetail }) {
  const e = d.entity;
  const all = useApi<ApiResponses['entities']>(paths.entities());
  const names = useMemo(() => new Map<string, string>([...(all.data?.items ?? []).map((x) => [x.id, x.name] as [string, string]), [e.id, e.name]]), [all.data, e]);
  const claimsById = new Map(d.claims.map((c) => [c.id, c]));
  const studiesById = new Map(d.studies.map((s) => [s.id, s]));
  const areas = Object.entries(d.byDiseaseArea ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const placed = new Set(areas.flatMap(([, v]) => v.claims));
  const unplaced = d.claims.filter((c) => !placed.has(c.id));
  return (
    <article>
      <p className="breadcrumb">
        <Link to="/entities">Entities</Link> › <Link to={withQuery('/entities', { kind: e.kind })}>{label(ENTITY_KIND_LABELS, e.kind)}</Link>
      </p>
      <h1>
        {e.name} <span className="badge">{label(ENTITY_KIND_LABELS, e.kind)}</span>
      </h1>
      {e.description && <p className="lead">{e.description}</p>}
      <dl className="fields">
        {e.synonyms.length > 0 && (
          <>
            <dt>Also written</dt>
            <dd>{e.synonyms.join(', ')}</dd>
          </>
        )}
        {e.xrefs.length > 0 && (
          <>
            <dt>Identifiers</dt>
            <dd>
              {e.xrefs.map((x) => {
                const url = XREF_URLS[x.db]?.(x.id);
                return (
                  <span key={`${x.db}:${x.id}`} className="xref">
                    {url ? (
                      <a href={url} rel="noopener noreferrer" target="_blank">
                        {x.db} {x.id}
                        <span className="visually-hidden"> (opens in a new tab)</span>
                      </a>
                    ) : (
                      `${x.db} ${x.id}`
                    )}{' '}
                  </span>
                );
              })}
            </dd>
          </>
        )}
        <dt>In the atlas</dt>
        <dd>
          {d.claims.length} mechanism {d.claims.length === 1 ? 'claim' : 'claims'}, {d.studies.length} {d.studies.length === 1 ? 'study' : 'studies'} ·{' '}
          <Link to={withQuery('/mechanisms', { focus: e.id })}>See it in the mechanism graph</Link> ·{' '}
          <Link to={withQuery('/studies', { entity: e.id })}>List its studies</Link>
        </dd>
        {d.diseases && d.diseases.length > 0 && (
          <>
            <dt>Diseases</dt>
            <dd>
              {d.diseases.map((x, i) => {
                const ent: Pick<Entity, 'id' | 'name'> = typeof x === 'string' ? { id: x, name: names.get(x) ?? x } : x;
                return (
                  <span key={ent.id}>
                    {i > 0 && ', '}
                    <Link to={`/entities/${ent.id}`}>{ent.name}</Link>
                  </span>
                );
              })}
            </dd>
          </>
        )}
      </dl>
      <ProvenanceList provenance={e.provenance} heading="Where the review names it" />

      {areas.map(([area, v]) => (
        <section key={area} aria-labelledby={`area-${area}`} className="area-section">
          <h2 id={`area-${area}`}>{label(DISEASE_AREA_LABELS, area)}</h2>
          {v.studies.length > 0 && (
            <>
              <h3>Studies</h3>
              <ul className="related-list">
                {v.studies.map((sid) => (
                  <li key={sid}>
                    <Link to={`/studies/${sid}`}>{studiesById.get(sid)?.title ?? sid}</Link>
                  </li>
                ))}
              </ul>
            </>
          )}
          {v.claims.length > 0 && (
            <>
              <h3>What the review says</h3>
              {v.claims.map((cid) => {
                const c = claimsById.get(cid);
                return c ? <ClaimCard key={cid} claim={c} names={names} /> : null;
              })}
            </>
          )}
        </section>
      ))}
      {unplaced.length > 0 && (
        <section aria-labelledby="area-general">
          <h2 id="area-general">Not tied to one disease area</h2>
          {unplaced.map((c) => (
            <ClaimCard key={c.id} claim={c} names={names} />
          ))}
        </section>
      )}
      {areas.length === 0 && unplaced.length === 0 && d.studies.length > 0 && (
        <section aria-labelledby="studies-heading">
          <h2 id="studies-heading">Studies</h2>
          <ul className="related-list">
            {d.studies.map((s) => (
              <li key={s.id}>
                <Link to={`/studies/${s.id}`}>{s.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {d.references.length > 0 && (
        <section aria-labelledby="refs-heading">
          <h2 id="refs-heading">References</h2>
          <ol className="reference-list plain">
            {d.references.map((r) => (
              <li key={r.id}>
                <ReferenceEntry reference={r} />
              </li>
            ))}
          </ol>
        </section>
      )}
    </article>
  );
}
