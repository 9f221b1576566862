import { useMemo, type ReactNode } from 'react';
import { paths, type ApiResponses } from '../api/client';
import type { Claim, LinkedStudy, StudyDetail } from '../api/types';
import { MiniGraph } from '../components/MiniGraph';
import { ProvenanceList } from '../components/ProvenanceQuote';
import { ProjectOrigin } from '../components/ProjectOrigin';
import { ReferenceEntry } from '../components/ReferenceEntry';
import { Async, Loading } from '../components/StatusMessage';
import { useApi } from '../hooks/useApi';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { CELL_SOURCE_LABELS, DISEASE_AREA_LABELS, RESULT_LABELS, SETTING_LABELS, SPECIES_LABELS, label } from '../lib/labels';
import { relatedStudies } from '../lib/related';
import { Link } from '../router/Link';
import { withQuery } from '../router/router';

/** One study: every field, the review's verbatim quotes, its references, related studies and a small mechanism graph. */
export function StudyPage({ id }: { id: string }) {
  const study = useApi<ApiResponses['study']>(paths.study(id));
  useDocumentTitle(study.data?.title ?? (study.error ? 'Study not found' : 'Study'));
  return (
    <Async
      asPage
      state={study}
      what="Study"
      loading={
        <>
          <h1>Study</h1>
          <Loading label="Loading the study…" />
        </>
      }
    >
      {(s) => <StudyView study={s} />}
    </Async>
  );
}

function Field({ name, children }: { name: string; children: ReactNode }) {
  return (
    <>
      <dt>{name}</dt>
      <dd>{children}</dd>
    </>
  );
}

function StudyView({ study: s }: { study: StudyDetail }) {
  const all = useApi<ApiResponses['studies']>(paths.studies());
  const entities = useApi<ApiResponses['entities']>(paths.entities());
  const claims = useApi<ApiResponses['claims']>(paths.claims());
  const names = useMemo(() => new Map((entities.data?.items ?? []).map((e) => [e.id, e.name])), [entities.data]);
  const related = useMemo(() => (all.data ? relatedStudies(s, all.data.items, 6) : []), [s, all.data]);
  const studyClaims = useMemo(() => claimsOfStudy(s, claims.data?.items ?? []), [s, claims.data]);
  const refTitles = new Map(s.references.map((r) => [r.reviewNumber, r.title]));

  return (
    <article className="study">
      <p className="breadcrumb">
        <Link to="/studies">Studies</Link> › <Link to={withQuery('/studies', { diseaseArea: s.diseaseArea })}>{label(DISEASE_AREA_LABELS, s.diseaseArea)}</Link>
      </p>
      <h1>{s.title}</h1>
      <p className="lead">{s.outcome}</p>
      <div className="badges">
        <span className="badge">{s.origin.kind === 'project' ? `From the living-review project ${s.origin.projectName ?? s.origin.projectId}` : s.inTable1 ? `Table 1, row ${s.table1Row}` : 'Discussed in the text'}</span>
        <span className="badge">{s.setting.map((x) => label(SETTING_LABELS, x)).join(' · ')}</span>
        <span className="badge">{s.cellSource} vesicles</span>
      </div>

      <section aria-labelledby="fields-heading">
        <h2 id="fields-heading">The study</h2>
        <dl className="fields">
          {s.firstAuthor && <Field name="First author">{`${s.firstAuthor}${s.year ? ` (${s.year})` : ''}`}</Field>}
          <Field name="Disease area">
            <Link to={withQuery('/studies', { diseaseArea: s.diseaseArea })}>{label(DISEASE_AREA_LABELS, s.diseaseArea)}</Link>
          </Field>
          {s.diseaseType && <Field name="Disease type (Table 1)">{s.diseaseType}</Field>}
          <Field name="Condition">
            <Link to={withQuery('/studies', { condition: s.condition })}>{s.condition}</Link>
          </Field>
          <Field name="Model">{s.model}</Field>
          <Field name="Species">{s.species.length ? s.species.map((x) => label(SPECIES_LABELS, x)).join(', ') : 'Not stated'}</Field>
          <Field name="Setting">{s.setting.map((x) => label(SETTING_LABELS, x)).join(', ')}</Field>
          <Field name="Vesicles from">
            <Link to={withQuery('/studies', { cellSource: s.cellSource })}>{label(CELL_SOURCE_LABELS, s.cellSource)}</Link>
            {s.cellSourceDetail && <span className="field-detail"> — {s.cellSourceDetail}</span>}
          </Field>
          <Field name="Vesicle">{s.vesicle === 'extracellular-vesicle' ? 'Extracellular vesicles' : s.vesicle === 'cell' ? 'Cells (not vesicles)' : 'Exosomes'}</Field>
          <Field name="Outcome">{s.outcome}</Field>
          {s.mechanism && <Field name="Mechanism">{s.mechanism}</Field>}
          <Field name="Molecules and cells named">
            {s.linkedEntities.length === 0 ? (
              'None linked'
            ) : (
              <ul className="inline-list">
                {s.linkedEntities.map((e) => (
                  <li key={e}>
                    <Link to={`/entities/${e}`}>{names.get(e) ?? e}</Link>
                  </li>
                ))}
              </ul>
            )}
          </Field>
          {s.referenceNumbers.length > 0 && (
            <Field name="Cites">
              {s.referenceNumbers.map((n, i) => (
                <span key={n}>
                  {i > 0 && ', '}
                  <Link to={`/references/${n}`}>[{n}]</Link>
                </span>
              ))}
            </Field>
          )}
          <Field name="Record">
            <code>{s.id}</code>
            {s.origin.kind === 'project' ? ` · published from project ${s.origin.projectName ?? s.origin.projectId}` : ' · curated from the review'}
          </Field>
        </dl>
      </section>

      {s.comparisons.length > 0 && (
        <section aria-labelledby="comparisons-heading">
          <h2 id="comparisons-heading">Head-to-head comparisons</h2>
          <div className="table-wrap" role="region" aria-label="Table of head-to-head comparisons" tabIndex={0}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Compared with</th>
                  <th scope="col">Result for {s.cellSource} vesicles</th>
                  <th scope="col">What was found</th>
                </tr>
              </thead>
              <tbody>
                {s.comparisons.map((c, i) => (
                  <tr key={i}>
                    <th scope="row">
                      {label(CELL_SOURCE_LABELS, c.comparator)}
                      {c.comparatorDescription && <span className="field-detail"> ({c.comparatorDescription})</span>}
                    </th>
                    <td>
                      <span className={`result result-${c.result}`}>{label(RESULT_LABELS, c.result)}</span>
                    </td>
                    <td>{c.summary}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {/* issue 18 item 2: a project's study is never shown under what the review says */}
      {s.origin.kind === 'project' ? (
        <ProjectOrigin origin={s.origin} />
      ) : (
        <ReviewSays study={s} />
      )}

      {s.references.length > 0 && (
        <section aria-labelledby="references-heading">
          <h2 id="references-heading">References</h2>
          <ol className="reference-list plain">
            {s.references.map((r) => (
              <li key={r.id}>
                <ReferenceEntry reference={r} />
              </li>
            ))}
          </ol>
        </section>
      )}

      <section aria-labelledby="graph-heading">
        <h2 id="graph-heading">Mechanism graph</h2>
        {claims.error ? (
          <p className="muted">The mechanism claims are not available from this server yet.</p>
        ) : !claims.data ? (
          <Loading label="Loading mechanisms…" />
        ) : studyClaims.length === 0 ? (
          <p className="muted">The review states no mechanism claim that cites this study's references or names its molecules.</p>
        ) : (
          <>
            <MiniGraph claims={studyClaims} names={names} refTitles={refTitles} caption={`Mechanisms the review states with the references of this study (${studyClaims.length} claims)`} />
            <p>
              <Link to={withQuery('/mechanisms', { focus: mainEntity(studyClaims) })}>Explore these mechanisms in the full graph</Link>
            </p>
          </>
        )}
      </section>

      <section aria-labelledby="related-heading">
        <h2 id="related-heading">Related studies</h2>
        {!all.data ? (
          <Loading />
        ) : related.length === 0 ? (
          <p className="muted">No related study.</p>
        ) : (
          <ul className="related-list">
            {related.map(({ study, reasons }) => (
              <li key={study.id}>
                <Link to={`/studies/${study.id}`}>{study.title}</Link>
                <span className="muted"> — {reasons.join(', ')}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

/** The review's own words about a study: its quotes, the curator's note and corrections. */
function ReviewSays({ study: s }: { study: StudyDetail }) {
  return (
    <section aria-labelledby="quotes-heading">
      <h2 id="quotes-heading">What the review says</h2>
      <ProvenanceList provenance={s.provenance} />
      {s.curationNote && (
        <aside className="curation-note" aria-label="Curator's note">
          <h3>Curator's note</h3>
          <p>{s.curationNote}</p>
        </aside>
      )}
      {s.corrections && s.corrections.length > 0 && (
        <aside className="curation-note" aria-label="Corrections">
          <h3>Where the review is corrected</h3>
          <ul>
            {s.corrections.map((c, i) => (
              <li key={i}>
                <strong>{c.field}</strong>: printed “{c.asPrinted}”, read as “{c.reading}”. {c.note}
              </li>
            ))}
          </ul>
        </aside>
      )}
    </section>
  );
}

/** The entity the claims name most often, vesicles aside: the centre for the full graph. */
export function mainEntity(claims: readonly Claim[]): string | undefined {
  const counts = new Map<string, number>();
  for (const c of claims) for (const id of [c.subject, c.object]) if (id !== 'exosome' && id !== 'exosomes') counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? claims[0]?.subject;
}

/** Claims citing one of the study's references; failing that, claims about the molecules it names. */
export function claimsOfStudy(s: LinkedStudy, claims: readonly Claim[]): Claim[] {
  const refs = new Set(s.referenceNumbers);
  const byRef = claims.filter((c) => c.referenceNumbers.some((n) => refs.has(n)) || c.provenance.some((p) => p.referenceNumbers.some((n) => refs.has(n))));
  if (byRef.length > 0) return byRef.slice(0, 24);
  const ents = new Set(s.linkedEntities);
  return claims.filter((c) => ents.has(c.subject) && ents.has(c.object)).slice(0, 24);
}
