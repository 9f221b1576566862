import { useMemo } from 'react';
import { paths, type ApiResponses } from '../api/client';
import type { EvidenceMap, LinkedStudy, Overview } from '../api/types';
import { HeatMap, cellKey } from '../components/HeatMap';
import { ProvenanceList } from '../components/ProvenanceQuote';
import { Async } from '../components/StatusMessage';
import { useApi } from '../hooks/useApi';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { CELL_SOURCE_LABELS, DISEASE_AREA_LABELS, RESULT_LABELS, SPECIES_LABELS, label, shortCellSource } from '../lib/labels';
import { provenanceReferenceNumbers } from '../lib/references';
import { Link } from '../router/Link';
import { withQuery } from '../router/router';
import { RefNumbers } from '../components/RefNumbers';

/** What the atlas covers, the review's key messages, and the evidence map with comparisons and gaps. */
export function OverviewPage() {
  useDocumentTitle(undefined);
  const overview = useApi<ApiResponses['overview']>(paths.overview());
  const map = useApi<ApiResponses['map']>(paths.map());
  return (
    <>
      <section className="hero" aria-labelledby="page-title">
        <h1 id="page-title">Exosomes from iPSC-derived mesenchymal stem cells: the evidence atlas</h1>
        <p className="lead">
          ExoAtlas turns the 2023 review by Zhou et al. of exosome therapies from induced-pluripotent-stem-cell-derived mesenchymal stem cells (iMSCs)
          into structured, citable data: every study, mechanism, isolation method and limitation, each traced to the review's own words and references.
        </p>
      </section>

      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading">What the atlas covers</h2>
        <Async state={overview} what="The atlas summary">
          {(o) => <Counts overview={o} />}
        </Async>
      </section>

      <section aria-labelledby="map-heading">
        <h2 id="map-heading">Evidence map</h2>
        <p>
          Studies by disease area and by the cells the vesicles came from. Select a number to see those studies; cells marked <em>gap</em> are gaps the
          review names.
        </p>
        <Async state={map} what="The evidence map">
          {(m) => <EvidenceMapView map={m} />}
        </Async>
      </section>

      <section aria-labelledby="messages-heading">
        <h2 id="messages-heading">The review's key messages</h2>
        <Async state={overview} what="Key messages">
          {(o) => <KeyMessages overview={o} />}
        </Async>
      </section>

      <section aria-labelledby="tested-heading">
        <h2 id="tested-heading">Where iMSC exosomes have been tested</h2>
        <p>Studies of vesicles (exosomes or extracellular vesicles) from iPSC-derived MSCs only; cell therapies and other sources are listed below the table.</p>
        <TestedIn />
        {overview.data?.whereTested && <NotImscExosomes whereTested={overview.data.whereTested} />}
      </section>

      {map.data && (
        <>
          <section aria-labelledby="comparisons-heading">
            <h2 id="comparisons-heading">Where iMSC exosomes were compared with adult MSC exosomes</h2>
            <Comparisons map={map.data} />
          </section>
          <section aria-labelledby="gaps-heading">
            <h2 id="gaps-heading">Evidence gaps the review names</h2>
            <Gaps map={map.data} />
          </section>
        </>
      )}
      {/* The biology (a few KB of its own endpoint, not the whole export) once the page's main content is in. */}
      {overview.data && map.data && <Biology />}
    </>
  );
}

function Counts({ overview: o }: { overview: Overview }) {
  const c = o.counts;
  const items: { n: number | undefined; label: string; to: string; detail?: string }[] = [
    { n: c.studies, label: 'studies', to: '/studies', detail: c.table1Studies !== undefined ? `${c.table1Studies} in Table 1, ${c.textStudies ?? '?'} in the text${c.projectStudies ? `, ${c.projectStudies} from living-review projects` : ''}` : undefined },
    { n: c.diseases, label: 'diseases', to: '/entities?kind=disease', detail: c.diseaseAreas !== undefined ? `in ${c.diseaseAreas} disease areas` : undefined },
    { n: c.mechanisms ?? c.claims, label: 'mechanisms', to: '/mechanisms', detail: c.claims !== undefined ? `${c.claims} causal claims` : undefined },
    { n: c.entities, label: 'molecules, cells and pathways', to: '/entities' },
    { n: c.isolationMethods, label: 'isolation methods', to: '/methods' },
    { n: c.references, label: 'references', to: '/references' },
  ];
  return (
    <ul className="stat-grid">
      {items
        .filter((i) => i.n !== undefined)
        .map((i) => (
          <li key={i.label} className="stat">
            <Link to={i.to}>
              <span className="stat-number">{i.n}</span> <span className="stat-label">{i.label}</span>
            </Link>
            {i.detail && <span className="stat-detail">{i.detail}</span>}
          </li>
        ))}
    </ul>
  );
}

function KeyMessages({ overview: o }: { overview: Overview }) {
  if (o.keyMessages.length === 0) return <p className="muted">No key message recorded.</p>;
  return (
    <ol className="key-messages">
      {o.keyMessages.map((m) => (
        <li key={m.id} id={`direction-${m.id}`}>
          <h3 className="key-message-title">{m.title}</h3>
          <p>
            {m.text} <RefNumbers numbers={provenanceReferenceNumbers(m.provenance)} />
          </p>
          <details>
            <summary>The review's words</summary>
            <ProvenanceList provenance={m.provenance} />
          </details>
        </li>
      ))}
    </ol>
  );
}

/** Rows and columns of the evidence map with labels; cell counts and gaps as HeatMap wants them. */
export function heatMapModel(m: EvidenceMap) {
  const counts = new Map(m.cells.map((c) => [cellKey(c.row, c.col), c.count]));
  const fromProjects = new Map(m.cells.map((c) => [cellKey(c.row, c.col), c.fromProjects ?? 0]));
  const gaps = new Set<string>();
  for (const g of m.gaps) {
    const row = g.row ?? g.diseaseArea;
    const col = g.col ?? g.cellSource;
    if (row && col) gaps.add(cellKey(row, col));
  }
  return {
    rows: m.rows.map((r) => ({ key: r, label: label(DISEASE_AREA_LABELS, r) })),
    cols: m.cols.map((c) => ({ key: c, label: shortCellSource(c), description: label(CELL_SOURCE_LABELS, c) })),
    counts,
    gaps,
    fromProjects,
  };
}

function EvidenceMapView({ map }: { map: EvidenceMap }) {
  const model = useMemo(() => heatMapModel(map), [map]);
  return (
    <HeatMap
      caption="Number of studies by disease area (rows) and by the cell source of the vesicles (columns)"
      rowHeader="Disease area"
      {...model}
      hrefFor={(row, col) => withQuery('/studies', { diseaseArea: row, cellSource: col, vesicle: map.vesicle === 'all' ? undefined : (map.vesicle ?? 'exosome') })}
      describe={(r, c, n) => `${n} ${n === 1 ? 'study' : 'studies'} in ${r.label} with vesicles from ${c.description ?? c.label}`}
    />
  );
}

function Comparisons({ map }: { map: EvidenceMap }) {
  if (map.comparisons.length === 0) return <p className="muted">No head-to-head comparison recorded.</p>;
  return (
    <div className="table-wrap" role="region" aria-label="Table of head-to-head comparisons" tabIndex={0}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Study</th>
            <th scope="col">Disease area</th>
            <th scope="col">Vesicles</th>
            <th scope="col">Compared with</th>
            <th scope="col">Result</th>
            <th scope="col">What was found</th>
            <th scope="col">Refs</th>
          </tr>
        </thead>
        <tbody>
          {map.comparisons.map((c, i) => (
            <tr key={`${c.studyId}-${i}`}>
              <th scope="row">
                <Link to={`/studies/${c.studyId}`}>{c.title}</Link>
              </th>
              <td>{label(DISEASE_AREA_LABELS, c.diseaseArea)}</td>
              <td>{c.source}</td>
              <td>{c.comparator}</td>
              <td>
                <span className={`result result-${c.result}`}>{label(RESULT_LABELS, c.result)}</span>
              </td>
              <td>{c.summary}</td>
              <td>
                <RefNumbers numbers={c.referenceNumbers ?? []} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Gaps({ map }: { map: EvidenceMap }) {
  if (map.gaps.length === 0) return <p className="muted">No gap recorded.</p>;
  return (
    <ul className="gap-list">
      {map.gaps.map((g) => (
        <li key={g.id} id={`gap-${g.id}`}>
          <p>
            <strong>{g.text}</strong> <RefNumbers numbers={provenanceReferenceNumbers(g.provenance)} />
          </p>
          <details>
            <summary>The review's words</summary>
            <ProvenanceList provenance={g.provenance} />
          </details>
        </li>
      ))}
    </ul>
  );
}

/** The conditions and animals in which iMSC-derived vesicles were studied, by disease area, each with its study. */
function TestedIn() {
  // Vesicle studies only: iMSC cell therapies (e.g. a phase I trial of the cells) are not exosome evidence.
  const studies = useApi<ApiResponses['studies']>(paths.studies({ cellSource: 'iMSC', vesicle: 'exosome' }));
  return (
    <Async state={studies} what="iMSC studies">
      {(r) => {
        const byArea = new Map<string, LinkedStudy[]>();
        for (const s of r.items) byArea.set(s.diseaseArea, [...(byArea.get(s.diseaseArea) ?? []), s]);
        const areas = Object.keys(DISEASE_AREA_LABELS).filter((a) => byArea.has(a));
        return (
          <div className="table-wrap" role="region" aria-label="Table of conditions and models of iMSC vesicle studies" tabIndex={0}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Disease area</th>
                  <th scope="col">Condition</th>
                  <th scope="col">Model and species</th>
                  <th scope="col">Study</th>
                  <th scope="col">Refs</th>
                </tr>
              </thead>
              <tbody>
                {areas.flatMap((a) =>
                  byArea.get(a)!.map((s, i) => (
                    <tr key={s.id}>
                      {i === 0 ? (
                        <th scope="rowgroup" rowSpan={byArea.get(a)!.length}>
                          <Link to={withQuery('/studies', { diseaseArea: a, cellSource: 'iMSC', vesicle: 'exosome' })}>{label(DISEASE_AREA_LABELS, a)}</Link>
                        </th>
                      ) : null}
                      <td>{s.condition}</td>
                      <td>
                        {s.model}
                        {s.species.length > 0 && <span className="muted"> ({s.species.map((x) => label(SPECIES_LABELS, x)).join(', ')})</span>}
                      </td>
                      <td>
                        <Link to={`/studies/${s.id}`}>{s.title}</Link>
                      </td>
                      <td>
                        <RefNumbers numbers={s.referenceNumbers} />
                      </td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        );
      }}
    </Async>
  );
}

/** What the review presents near iMSC exosomes but is not: iMSC cell therapies, and vesicles the curators traced to other cells. */
function NotImscExosomes({ whereTested: w }: { whereTested: NonNullable<Overview['whereTested']> }) {
  if (w.imscCells.length === 0 && w.printedAsImsc.length === 0) return null;
  return (
    <div className="not-imsc-exosomes">
      <h3 id="not-imsc-heading">Not iMSC exosomes</h3>
      <ul>
        {w.imscCells.map((s) => (
          <li key={s.id}>
            <Link to={`/studies/${s.id}`}>{s.title}</Link> — <strong>iMSC cell therapy</strong> (the cells, not their vesicles)
          </li>
        ))}
        {w.printedAsImsc.map((s) => (
          <li key={s.id}>
            <Link to={`/studies/${s.id}`}>{s.title}</Link> — <strong>vesicles from {label(CELL_SOURCE_LABELS, s.cellSource)}</strong>
            {s.cellSourceAsPrinted && <span className="muted"> (the review prints: {s.cellSourceAsPrinted})</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Exosome biology as the review states it: definitions, size, markers, cargo, biogenesis. */
function Biology() {
  const biology = useApi<ApiResponses['biology']>(paths.biology());
  const items = biology.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="biology-heading">
      <h2 id="biology-heading">Exosomes in brief</h2>
      <ul className="biology-list">
        {items.map((b) => (
          <li key={b.id} id={`biology-${b.id}`}>
            <span className="badge">{b.topic}</span> {b.text} <RefNumbers numbers={provenanceReferenceNumbers(b.provenance)} />
          </li>
        ))}
      </ul>
    </section>
  );
}
