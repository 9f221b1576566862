import { reviewPaths, type ExtractionSchema, type FormKind, type StudyStatus } from '../../api/review';
import { AppraisalSummaryView } from '../../components/review/AppraisalSummaryView';
import { KIND_LABELS } from '../../components/review/form-kind-labels';
import { IncludedStudiesTable } from '../../components/review/IncludedStudiesTable';
import { StudyForm } from '../../components/review/StudyForm';
import { Async } from '../../components/StatusMessage';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { Link } from '../../router/Link';
import { withQuery, type Route } from '../../router/router';
import { ProjectNav } from './ProjectPage';
import { useFresh } from '../../hooks/review-session';

export { MISEV_NOTICE } from '../../components/review/form-kind-labels';

/** /reviews/:p/extraction: the included studies and the appraisal summaries; ?record=&form= opens a study's form. */
export function ExtractionPage({ project, route }: { project: string; route: Route }) {
  const record = Number(route.query.get('record') ?? '') || null;
  const kindParam = route.query.get('form');
  const kind: FormKind = kindParam === 'rob' || kindParam === 'misev' ? kindParam : 'extraction';
  const asConsensus = route.query.get('as') === 'consensus';
  useDocumentTitle(record ? `${asConsensus ? 'Consensus: ' : ''}${KIND_LABELS[kind]} of record ${record}` : 'Extraction and appraisal');
  const studies = useFresh<{ items: StudyStatus[] }>(reviewPaths.extraction(project));
  const schema = useFresh<ExtractionSchema>(reviewPaths.extractionSchema());
  const base = `/reviews/${encodeURIComponent(project)}/extraction`;
  if (record) {
    const study = studies.data?.items.find((s) => s.recordId === record);
    return (
      <>
        <h1>
          {asConsensus ? 'Consensus — ' : ''}
          {KIND_LABELS[kind]}: {study ? `${study.label} — ${study.title}` : `record ${record}`}
        </h1>
        <ProjectNav project={project} current="/extraction" />
        <p>
          <Link to={base}>All included studies</Link>
        </p>
        <nav className="form-tabs" aria-label="Forms of this study">
          <ul>
            {(['extraction', 'rob', 'misev'] as const).map((k) => (
              <li key={k}>
                <Link to={withQuery(base, { record, form: k })} aria-current={k === kind ? 'page' : undefined}>
                  {KIND_LABELS[k]}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <Async state={schema} what="The form definitions">
          {(s) => <StudyForm key={`${record}-${kind}-${asConsensus}`} project={project} record={record} kind={kind} schema={s} asConsensus={asConsensus} base={base} />}
        </Async>
      </>
    );
  }
  return (
    <>
      <h1>Extraction and appraisal</h1>
      <ProjectNav project={project} current="/extraction" />
      <p className="lead">
        Studies included after full-text screening. Each reviewer fills in the data-extraction form, the SYRCLE risk-of-bias assessment and the MISEV reporting checklist; a form is
        checked as you type and saved whole, or not at all.
      </p>
      <Async state={studies} what="The included studies">
        {(d) =>
          d.items.length === 0 ? (
            <p>No study is included after full-text screening yet.</p>
          ) : (
            <IncludedStudiesTable studies={d.items} base={base} />
          )
        }
      </Async>
      <AppraisalSummaryView project={project} />
      <p>
        <Link to={`/reviews/${encodeURIComponent(project)}/synthesis`}>Pool the extracted data (synthesis)</Link>
      </p>
    </>
  );
}
