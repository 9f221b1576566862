import { reviewPaths, STAGE_LABELS, type AgreementStats } from '../../api/review';
import { PairAgreementTable } from '../../components/review/PairAgreementTable';
import { AgreementTable } from '../../components/review/ReviewParts';
import { Async } from '../../components/StatusMessage';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { ProjectNav } from './ProjectPage';
import { useFresh } from '../../hooks/review-session';

/** /reviews/:project/agreement: percent agreement and Cohen's κ per stage, and for each reviewer pair their cross-table and κ. */
export function AgreementPage({ project }: { project: string }) {
  useDocumentTitle('Agreement between reviewers');
  const state = useFresh<{ items: AgreementStats[] }>(reviewPaths.agreement(project));
  return (
    <>
      <h1>Agreement between reviewers</h1>
      <ProjectNav project={project} current="/agreement" />
      <p className="lead">
        Over the records two reviewers decided independently (each reviewer’s latest decision): the share with the same decision and Cohen’s κ, which discounts the
        agreement expected by chance, with its 95% confidence interval (large-sample standard error of Fleiss, Cohen and Everitt, 1969). κ is undefined (–)
        when both reviewers gave one and the same answer throughout.
      </p>
      <Async state={state} what="Agreement">
        {(d) => (
          <>
            <AgreementTable items={d.items} />
            {d.items.map((s) => (
              <section key={s.stage} aria-labelledby={`pairs-${s.stage}`}>
                <h2 id={`pairs-${s.stage}`}>{STAGE_LABELS[s.stage]}: per reviewer pair</h2>
                {s.pairs.length === 0 ? (
                  <p>No record has been decided by two reviewers at this stage yet.</p>
                ) : (
                  s.pairs.map((p) => <PairAgreementTable key={p.reviewers.join('\u0000')} pair={p} stage={s.stage} />)
                )}
              </section>
            ))}
          </>
        )}
      </Async>
    </>
  );
}
