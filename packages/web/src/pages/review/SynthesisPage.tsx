import { useEffect, useState } from 'react';
import { getText } from '../../api/client';
import { reviewApi, reviewPaths, type ExtractionSchema, type ProjectView, type StudyStatus, type SynthesisResponse } from '../../api/review';
import { ForestPlotView } from '../../components/ForestPlotView';
import { num } from '../../components/review/ReviewParts';
import { SelectField } from '../../components/SelectField';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { toCsv } from '../../lib/csv';
import { downloadText } from '../../lib/download';
import { navigate, withQuery, type Route } from '../../router/router';
import { enumOf } from '../../components/review/extraction-draft';
import { ProjectNav } from './ProjectPage';
import { explain, useFresh } from '../../hooks/review-session';

const METHODS = ['REML', 'DL', 'PM', 'ML', 'HE', 'HS', 'SJ', 'EB', 'FE'];
const MEASURE_LABELS: Record<string, string> = {
  SMD: 'SMD — standardised mean difference (Hedges g)',
  ROM: 'ROM — log ratio of means',
  NMD: 'NMD — normalised mean difference (needs a sham group)',
  OR: 'OR — log odds ratio',
  RR: 'RR — log risk ratio',
};

/** Synthesis: pick outcome, measure, method and subgroup, pool the extracted data, read and download; owners publish. */
export function SynthesisPage({ project, route }: { project: string; route: Route }) {
  useDocumentTitle('Synthesis');
  const q = route.query;
  const outcome = q.get('outcome') ?? '';
  const timePoint = q.get('timePoint') ?? '';
  const measure = q.get('measure') ?? '';
  const method = q.get('method') ?? 'REML';
  const subgroup = q.get('subgroup') ?? '';
  const base = `/reviews/${encodeURIComponent(project)}/synthesis`;
  const set = (changes: Record<string, string>): void => navigate(withQuery(base, { outcome, timePoint, measure, method: method === 'REML' ? '' : method, subgroup, ...changes }), { replace: true });
  const view = useFresh<ProjectView>(reviewPaths.project(project));
  const studies = useFresh<{ items: StudyStatus[] }>(reviewPaths.extraction(project));
  const schema = useFresh<ExtractionSchema>(reviewPaths.extractionSchema());
  const [result, setResult] = useState<SynthesisResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const canSave = view.data !== undefined && view.data.role !== 'viewer';

  const outcomes = [...new Set((studies.data?.items ?? []).flatMap((s) => s.outcomes))].sort();
  const run = async (save: boolean): Promise<void> => {
    if (!outcome) return;
    setRunning(true);
    setError(null);
    try {
      const body = { outcome, ...(timePoint ? { timePoint } : {}), ...(measure ? { measure } : {}), method, ...(subgroup ? { subgroup } : {}), save };
      setResult(await reviewApi.post<SynthesisResponse>(reviewPaths.synthesis(project), body));
    } catch (e) {
      setResult(null);
      setError(explain(e));
    } finally {
      setRunning(false);
    }
  };
  // a shared link shows its analysis (without saving it again)
  const key = `${outcome}|${timePoint}|${measure}|${method}|${subgroup}`;
  useEffect(() => {
    setResult(null);
    if (outcome) void run(false);
  }, [key]);

  return (
    <>
      <h1>Synthesis</h1>
      <ProjectNav project={project} current="/synthesis" />
      <p className="lead">
        Pool one outcome of the extracted data: random-effects meta-analysis with the same engine as the meta-analysis workbench, forest plot with each study's SYRCLE judgements,
        funnel plot, subgroups by an extracted characteristic or risk of bias.
      </p>
      <form
        className="meta-options synthesis-form"
        aria-label="Synthesis options"
        onSubmit={(e) => {
          e.preventDefault();
          void run(canSave);
        }}
      >
        <SelectField
          label="Outcome (at time point)"
          anyLabel={outcomes.length ? 'Choose an outcome…' : 'No extracted outcome yet'}
          value={outcome ? `${outcome} @ ${timePoint}` : ''}
          options={outcomes.map((o) => ({ value: o, label: o }))}
          onChange={(v) => {
            const [o, t] = v.split(' @ ');
            set({ outcome: o ?? '', timePoint: t ?? '' });
          }}
        />
        <SelectField label="Effect measure" anyLabel="Suggested for the data" value={measure} options={(schema.data?.measures ?? Object.keys(MEASURE_LABELS)).map((m) => ({ value: m, label: MEASURE_LABELS[m] ?? m }))} onChange={(v) => set({ measure: v })} />
        <SelectField label="Heterogeneity estimator" anyLabel="REML (default)" value={method === 'REML' ? '' : method} options={METHODS.filter((m) => m !== 'REML').map((m) => ({ value: m, label: m }))} onChange={(v) => set({ method: v || 'REML' })} />
        <SelectField label="Subgroups by" anyLabel="No subgroups" value={subgroup} options={(schema.data?.subgroups ?? []).map((s) => ({ value: s, label: s }))} onChange={(v) => set({ subgroup: v })} />
        <button type="submit" className="button" disabled={!outcome || running}>
          {running ? 'Pooling…' : canSave ? 'Pool and save' : 'Pool'}
        </button>
      </form>
      <div aria-live="polite">
        {error && (
          <div className="notice notice-warning" role="alert">
            <h2 className="notice-title">The synthesis could not run</h2>
            <p>{error}</p>
          </div>
        )}
        {result && <SynthesisResults project={project} result={result} isOwner={view.data?.role === 'owner'} areas={enumOf(schema.data?.jsonSchema.extraction.properties?.characteristics?.properties?.diseaseArea)} />}
      </div>
    </>
  );
}

function SynthesisResults({ project, result, isOwner, areas }: { project: string; result: SynthesisResponse; isOwner: boolean; areas: string[] }) {
  const r = result.result;
  const used = new Map(r.rowsUsed.map((row, n) => [row, r.weights[n]]));
  const rows = r.labels.map((label, i) => {
    const s = r.studies[i]!;
    const se = s.vi === null ? null : Math.sqrt(s.vi);
    return { label, yi: s.yi, vi: s.vi, lo: s.yi !== null && se !== null ? s.yi - 1.96 * se : null, hi: s.yi !== null && se !== null ? s.yi + 1.96 * se : null, weight: used.get(i + 1) };
  });
  const [message, setMessage] = useState('');
  const [area, setArea] = useState('');
  const name = `synthesis-${result.id ?? 'unsaved'}`;
  const csvResults = (): string => toCsv(['study', 'yi', 'vi', 'ciLower', 'ciUpper', 'weight'], [...rows.map((x) => [x.label, x.yi, x.vi, x.lo, x.hi, x.weight ?? null]), [`pooled (${r.method ?? ''})`, r.estimate, r.se * r.se, r.ciLower, r.ciUpper, 100]]);
  const download = async (what: 'csv-table' | 'csv-results' | 'json' | 'forest' | 'funnel'): Promise<void> => {
    try {
      if (what === 'forest') downloadText(`${name}-forest.svg`, result.svg.robForest, 'image/svg+xml');
      else if (what === 'funnel') downloadText(`${name}-funnel.svg`, result.svg.funnel, 'image/svg+xml');
      else if (result.id !== null) downloadText(`${name}${what === 'json' ? '.json' : `-${what.slice(4)}.csv`}`, await getText(reviewPaths.synthesisExport(project, result.id, what)), what === 'json' ? 'application/json' : 'text/csv');
      else if (what === 'json') downloadText(`${name}.json`, JSON.stringify(result, null, 2), 'application/json');
      else if (what === 'csv-results') downloadText(`${name}-results.csv`, csvResults(), 'text/csv');
      else if (result.table) downloadText(`${name}-table.csv`, toCsv(result.table.columns, result.table.rows), 'text/csv');
      setMessage('Downloaded.');
    } catch (e) {
      setMessage(`The download failed: ${explain(e)}`);
    }
  };
  const publish = async (): Promise<void> => {
    if (result.id === null) return;
    try {
      const p = await reviewApi.post<{ studies: unknown[]; version: number }>(reviewPaths.publish(project, result.id), area ? { diseaseArea: area } : {});
      setMessage(`Published to the atlas (version ${p.version}): ${p.studies.length} studies now appear in the study list, search and the evidence map, marked as coming from this project.`);
    } catch (e) {
      setMessage(`Not published: ${explain(e)}`);
    }
  };
  // Issue 18: owners can take the project's studies out of the atlas again (audited; publishing again is a new version).
  const unpublish = async (): Promise<void> => {
    try {
      const p = await reviewApi.post<{ studies: number; version: number }>(reviewPaths.unpublish(project), {});
      setMessage(`Unpublished: the ${p.studies} studies of version ${p.version} are no longer in the atlas.`);
    } catch (e) {
      setMessage(`Not unpublished: ${explain(e)}`);
    }
  };
  return (
    <section className="meta-results" aria-labelledby="synthesis-results-heading">
      <h2 id="synthesis-results-heading">Results{result.id !== null ? ` (saved as synthesis ${result.id})` : ''}</h2>
      <p>
        {r.measureLabel ?? result.measure}: {result.measureReason}
      </p>
      <div className="download-row" role="group" aria-label="Download the synthesis">
        <button type="button" className="button button-secondary" onClick={() => void download('csv-table')}>
          Analysis table (CSV)
        </button>
        <button type="button" className="button button-secondary" onClick={() => void download('csv-results')}>
          Per-study results (CSV)
        </button>
        <button type="button" className="button button-secondary" onClick={() => void download('json')}>
          Everything (JSON)
        </button>
        <button type="button" className="button button-secondary" onClick={() => void download('forest')}>
          Forest plot (SVG)
        </button>
        <button type="button" className="button button-secondary" onClick={() => void download('funnel')}>
          Funnel plot (SVG)
        </button>
      </div>
      <p className="form-message" role="status">
        {message}
      </p>
      <div className="table-wrap" role="region" aria-label="Pooled estimate and studies" tabIndex={0}>
        <table className="data-table">
          <caption>
            {r.k ?? rows.length} comparisons; pooled {num(r.estimate, 3)} [{num(r.ciLower, 3)}, {num(r.ciUpper, 3)}], τ² {num(r.tau2, 3)}, I² {num(r.i2, 1)}% ({r.method})
          </caption>
          <thead>
            <tr>
              <th scope="col">Study</th>
              <th scope="col" className="num">Effect (yi)</th>
              <th scope="col" className="num">95% CI</th>
              <th scope="col" className="num">Weight (%)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((x, i) => (
              <tr key={i}>
                <th scope="row">{x.label}</th>
                <td className="num">{num(x.yi, 3)}</td>
                <td className="num">
                  [{num(x.lo, 3)}, {num(x.hi, 3)}]
                </td>
                <td className="num">{num(x.weight, 1)}</td>
              </tr>
            ))}
            <tr className="pooled-row">
              <th scope="row">Pooled ({r.method})</th>
              <td className="num">{num(r.estimate, 3)}</td>
              <td className="num">
                [{num(r.ciLower, 3)}, {num(r.ciUpper, 3)}]
              </td>
              <td className="num">100</td>
            </tr>
          </tbody>
        </table>
      </div>
      {r.subgroups && r.subgroups.groups.length > 0 && (
        <ul>
          {r.subgroups.groups.map((g) => (
            <li key={g.level}>
              {g.level}: {num(g.estimate, 3)} [{num(g.ciLower, 3)}, {num(g.ciUpper, 3)}], k = {g.k}
            </li>
          ))}
        </ul>
      )}
      <div className="plots">
        <ForestPlotView svg={result.svg.robForest} title="Forest plot with the SYRCLE risk-of-bias judgements of each study" description={`Forest plot of ${rows.length} comparisons with risk-of-bias judgements; pooled estimate ${num(r.estimate, 3)} [${num(r.ciLower, 3)}, ${num(r.ciUpper, 3)}].`} />
        <ForestPlotView svg={result.svg.funnel} title="Funnel plot" description={`Funnel plot of ${rows.length} comparisons: effect size against standard error.`} />
      </div>
      {result.warnings.length > 0 && (
        <div className="notice notice-warning">
          <h3 className="notice-title">Warnings</h3>
          <ul>
            {result.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      {isOwner && result.id !== null && (
        <form
          className="review-form inline-form"
          aria-label="Publish to the atlas"
          onSubmit={(e) => {
            e.preventDefault();
            void publish();
          }}
        >
          <SelectField label="Disease area in the atlas" anyLabel="As extracted" value={area} options={areas.map((a) => ({ value: a, label: a }))} onChange={setArea} />
          <button type="submit" className="button">
            Publish to the atlas
          </button>
          <button type="button" className="button button-secondary" onClick={() => void unpublish()}>
            Unpublish the project's studies
          </button>
        </form>
      )}
    </section>
  );
}
