/** The project's appraisal at a glance: SYRCLE summary and traffic-light plots, and the MISEV reporting summary. */
import { reviewPaths, type AppraisalSummary } from '../../api/review';
import { ForestPlotView } from '../ForestPlotView';
import { Async } from '../StatusMessage';
import { useFresh } from '../../hooks/review-session';
import { MISEV_NOTICE } from './form-kind-labels';
import { pct } from './ReviewParts';

export function AppraisalSummaryView({ project }: { project: string }) {
  const state = useFresh<AppraisalSummary>(reviewPaths.appraisal(project));
  return (
    <section aria-labelledby="appraisal-heading">
      <h2 id="appraisal-heading">Appraisal summary</h2>
      <Async state={state} what="The appraisal summary">
        {(a) => (
          <div className="plots">
            <ForestPlotView svg={a.svg.robSummary} title="SYRCLE risk of bias: share of studies per judgement, per item" description={`SYRCLE summary plot of ${a.rob.length} assessed studies.`} />
            <ForestPlotView
              svg={a.svg.robTrafficLight}
              title="SYRCLE traffic-light plot: each study's judgement per item"
              description={`Traffic-light plot: ${a.rob.map((r) => r.label).join(', ') || 'no study assessed yet'}.`}
            />
            <ForestPlotView
              svg={a.svg.misevSummary}
              title={`MISEV reporting — ${MISEV_NOTICE}`}
              description={`MISEV reporting summary (${MISEV_NOTICE}): ${a.misev.map((m) => `${m.label} ${pct(m.score.score)}`).join(', ') || 'no study appraised yet'}.`}
            />
          </div>
        )}
      </Async>
    </section>
  );
}
