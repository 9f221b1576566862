/** One form of a study: the consensus view, then the user's own form or the consensus form, as the role allows. */
import { reviewPaths, type ExtractionSchema, type FormKind, type FormsView, type ProjectView } from '../../api/review';
import { Async } from '../StatusMessage';
import { useFresh, useMe } from '../../hooks/review-session';
import { withQuery } from '../../router/router';
import { AppraisalForm } from './AppraisalForm';
import { ConsensusView } from './ConsensusView';
import { ExtractionForm } from './ExtractionForm';

export function StudyForm({ project, record, kind, schema, asConsensus, base }: { project: string; record: number; kind: FormKind; schema: ExtractionSchema; asConsensus: boolean; base: string }) {
  const me = useMe();
  const forms = useFresh<FormsView>(reviewPaths.forms(project, record, kind));
  // the role is known only from the dashboard; viewers cannot save a consensus
  const view = useFresh<ProjectView>(reviewPaths.project(project));
  const canResolve = view.data?.role === 'owner' || view.data?.role === 'reviewer';
  return (
    <Async state={forms} what="The forms">
      {(f) => {
        const mine = f.forms.find((x) => x.reviewer === me?.username);
        // the consensus form starts from the consensus, else the value synthesis uses, else a reviewer's form
        const props = asConsensus
          ? { project, record, version: f.consensus?.version ?? 0, data: f.consensus?.data ?? f.effective ?? mine?.data ?? f.forms[0]?.data, onSaved: forms.reload, others: f, consensus: true }
          : { project, record, version: mine?.version ?? 0, data: mine?.data, onSaved: forms.reload, others: f, consensus: false };
        return (
          <>
            <ConsensusView forms={f} kind={kind} schema={schema} asConsensus={asConsensus} canResolve={canResolve} link={(as) => withQuery(base, { record, form: kind, as })} />
            {asConsensus && !canResolve && view.data ? (
              <p className="notice notice-info">Your role ({view.data.role}) does not allow saving the consensus form: only owners and reviewers can.</p>
            ) : kind === 'extraction' ? (
              <ExtractionForm {...props} schema={schema} />
            ) : (
              <AppraisalForm {...props} kind={kind} schema={schema} />
            )}
          </>
        );
      }}
    </Async>
  );
}
