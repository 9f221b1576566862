/** The studies included after full-text screening, each with where its three forms stand and links to them. */
import type { StudyStatus } from '../../api/review';
import { Link } from '../../router/Link';
import { withQuery } from '../../router/router';
import { pct } from './ReviewParts';

/** base is the extraction page's path; a study's form is base?record=…&form=…. */
export function IncludedStudiesTable({ studies, base }: { studies: StudyStatus[]; base: string }) {
  return (
    <div className="table-wrap" role="region" aria-label="Included studies" tabIndex={0}>
      <table className="data-table">
        <caption>Included studies and where their forms stand</caption>
        <thead>
          <tr>
            <th scope="col">Study</th>
            <th scope="col">Extraction</th>
            <th scope="col">SYRCLE</th>
            <th scope="col">MISEV (ExoAtlas score)</th>
            <th scope="col">Outcomes</th>
          </tr>
        </thead>
        <tbody>
          {studies.map((s) => (
            <tr key={s.recordId}>
              <th scope="row">
                <Link to={withQuery(base, { record: s.recordId, form: 'extraction' })}>{s.label}</Link>
                <div className="muted">{s.title}</div>
              </th>
              <td>
                <Link to={withQuery(base, { record: s.recordId, form: 'extraction' })} aria-label={`Extraction form of ${s.label}: ${s.extraction.status}`}>
                  {s.extraction.status}
                </Link>{' '}
                ({s.extraction.reviewers} reviewer{s.extraction.reviewers === 1 ? '' : 's'})
              </td>
              <td>
                <Link to={withQuery(base, { record: s.recordId, form: 'rob' })} aria-label={`SYRCLE assessment of ${s.label}: ${s.rob.status}`}>
                  {s.rob.status}
                </Link>
                {s.rob.overall ? ` · ${s.rob.overall} risk` : ''}
              </td>
              <td>
                <Link to={withQuery(base, { record: s.recordId, form: 'misev' })} aria-label={`MISEV checklist of ${s.label}: ${s.misev.status}`}>
                  {s.misev.status}
                </Link>
                {s.misev.score !== null ? ` · ${pct(s.misev.score)}` : ''}
              </td>
              <td>{s.outcomes.join('; ') || '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
