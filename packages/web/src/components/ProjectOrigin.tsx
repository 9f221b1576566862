import type { Study } from '../api/types';

type ProjectOriginValue = Extract<Study['origin'], { kind: 'project' }>;

const doiUrl = (doi: string): string => `https://doi.org/${encodeURI(doi)}`;

/**
 * Where a study published from a living-review project comes from (issue 18 item 2): the project and its question,
 * who extracted it, the consensus date, the source record and the synthesis — in place of "What the review says",
 * since none of it is the review's.
 */
export function ProjectOrigin({ origin: o }: { origin: ProjectOriginValue }) {
  const r = o.record;
  return (
    <section aria-labelledby="origin-heading" className="project-origin">
      <h2 id="origin-heading">Where this study comes from</h2>
      <p>
        Published into the atlas by the living-review project <strong>{o.projectName ?? o.projectId}</strong> (<code>{o.projectId}</code>), not taken from the
        review: its fields were extracted by the project's reviewers from the study's own report.
      </p>
      <dl className="fields">
        {o.question && (
          <>
            <dt>Review question</dt>
            <dd>{o.question}</dd>
          </>
        )}
        {r && (
          <>
            <dt>Source record</dt>
            <dd>
              {r.title ?? 'Untitled'}
              {r.id !== undefined && <span className="field-detail"> (project record {r.id})</span>}
              {r.doi && (
                <>
                  {' · DOI '}
                  <a href={doiUrl(r.doi)} rel="noreferrer">
                    {r.doi}
                  </a>
                </>
              )}
              {r.pmid && (
                <>
                  {' · PMID '}
                  <a href={`https://pubmed.ncbi.nlm.nih.gov/${encodeURIComponent(r.pmid)}/`} rel="noreferrer">
                    {r.pmid}
                  </a>
                </>
              )}
            </dd>
          </>
        )}
        {o.reviewers && o.reviewers.length > 0 && (
          <>
            <dt>Extracted by</dt>
            <dd>{o.reviewers.join(', ')}</dd>
          </>
        )}
        <dt>Consensus</dt>
        <dd>{o.consensusAt ? `Reached ${o.consensusAt.slice(0, 10)}` : o.reviewers?.length === 1 ? 'No consensus form (extracted by one reviewer)' : 'No consensus form'}</dd>
        {o.synthesisId !== undefined && (
          <>
            <dt>Synthesis</dt>
            <dd>
              Saved synthesis {o.synthesisId}
              {o.version !== undefined ? `, publication version ${o.version}` : ''}
              {o.publishedAt ? `, published ${o.publishedAt.slice(0, 10)}` : ''}
            </dd>
          </>
        )}
        {o.note && (
          <>
            <dt>Extracted details</dt>
            <dd>{o.note}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
