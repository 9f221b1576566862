import { useId, useMemo, useState, type ChangeEvent } from 'react';
import { ApiError, runMeta } from '../api/client';
import type { Measure, MetaResult, Method } from '@exoatlas/meta';
import type { MetaResponse } from '../api/types';
import { ForestPlotView } from '../components/ForestPlotView';
import { SelectField } from '../components/SelectField';
import { ErrorState } from '../components/StatusMessage';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { parseCsv, toCsv, toRecords } from '../lib/csv';
import { downloadText } from '../lib/download';
import { navigate, withQuery, type Route } from '../router/router';

/**
 * Labels of the engine's measures and methods. `satisfies Record<Measure | Method, …>` makes the lists exhaustive:
 * a measure or method added to @exoatlas/meta does not compile here until it has a label (METHODS once lacked EE).
 */
const MEASURE_LABELS = {
  SMD: { label: 'SMD — standardised mean difference (Hedges g)', columns: 'm1i, sd1i, n1i, m2i, sd2i, n2i' },
  MD: { label: 'MD — raw mean difference', columns: 'm1i, sd1i, n1i, m2i, sd2i, n2i' },
  ROM: { label: 'ROM — log ratio of means', columns: 'm1i, sd1i, n1i, m2i, sd2i, n2i' },
  NMD: { label: 'NMD — normalised mean difference (CAMARADES)', columns: 'm1i, sd1i, n1i, m2i, sd2i, n2i and a sham mean' },
  OR: { label: 'OR — log odds ratio', columns: 'ai, bi, ci, di (or ai, n1i, ci, n2i)' },
  RR: { label: 'RR — log risk ratio', columns: 'ai, bi, ci, di (or ai, n1i, ci, n2i)' },
  RD: { label: 'RD — risk difference', columns: 'ai, bi, ci, di (or ai, n1i, ci, n2i)' },
  PLO: { label: 'PLO — logit proportion', columns: 'xi, ni' },
  PR: { label: 'PR — raw proportion', columns: 'xi, ni' },
  ZCOR: { label: "ZCOR — Fisher's z of a correlation", columns: 'ri, ni' },
  COR: { label: 'COR — raw correlation', columns: 'ri, ni' },
  GEN: { label: 'GEN — effect sizes given (yi, vi)', columns: 'yi, vi' },
} as const satisfies Record<Measure, { label: string; columns: string }>;

const METHOD_LABELS = {
  REML: 'REML — restricted maximum likelihood',
  DL: 'DL — DerSimonian–Laird',
  PM: 'PM — Paule–Mandel',
  ML: 'ML — maximum likelihood',
  HE: 'HE — Hedges',
  HS: 'HS — Hunter–Schmidt',
  SJ: 'SJ — Sidik–Jonkman',
  EB: 'EB — empirical Bayes',
  FE: 'FE — fixed effect',
  EE: 'EE — equal effects',
} as const satisfies Record<Method, string>;

/** Measures with the input columns they read (metafor's escalc names). */
export const MEASURES: { value: Measure; label: string; columns: string }[] = Object.entries(MEASURE_LABELS).map(([value, m]) => ({ value: value as Measure, ...m }));

export const METHODS: { value: Method; label: string }[] = Object.entries(METHOD_LABELS).map(([value, label]) => ({ value: value as Method, label }));

/** metafor's dat.bcg: 13 trials of the BCG vaccine against tuberculosis (Colditz et al., 1994). */
export const EXAMPLE_CSV = `study,ai,bi,ci,di,ablat,alloc,year
"Aronson 1948",4,119,11,128,44,"random",1948
"Ferguson & Simes 1949",6,300,29,274,55,"random",1949
"Rosenthal et al 1960",3,228,11,209,42,"random",1960
"Hart & Sutherland 1977",62,13536,248,12619,52,"random",1977
"Frimodt-Moller et al 1973",33,5036,47,5761,13,"alternate",1973
"Stein & Aronson 1953",180,1361,372,1079,44,"alternate",1953
"Vandiviere et al 1973",8,2537,10,619,19,"random",1973
"TPT Madras 1980",505,87886,499,87892,13,"random",1980
"Coetzee & Berjak 1968",29,7470,45,7232,27,"random",1968
"Rosenthal et al 1961",17,1699,65,1600,42,"systematic",1961
"Comstock et al 1974",186,50448,141,27197,18,"systematic",1974
"Comstock & Webster 1969",5,2493,3,2338,33,"systematic",1969
"Comstock et al 1976",27,16886,29,17825,33,"systematic",1976
`;

const INPUT_COLUMNS = new Set(['study', 'm1i', 'sd1i', 'n1i', 'm2i', 'sd2i', 'n2i', 'ai', 'bi', 'ci', 'di', 'xi', 'ni', 'ri', 'yi', 'vi']);

/** The engine's result (packages/meta), every field optional so that an older or newer server still shows. */
type ResultLike = Partial<MetaResult>;

/** The result part of a /api/meta response, whether nested under `result` or spread at the top level. */
export function resultOf(response: MetaResponse): ResultLike {
  const nested = response.result;
  return (nested && typeof nested === 'object' ? nested : response) as ResultLike;
}

export const fmt = (x: number | null | undefined, digits = 4): string => (x === null || x === undefined || Number.isNaN(x) ? '–' : Number(x).toFixed(digits));
export const fmtP = (p: number | null | undefined): string => (p === null || p === undefined ? '–' : p < 0.0001 ? '< 0.0001' : p.toFixed(4));

/** The meta-analysis workbench: paste or upload a CSV, choose measure, model and test, run, read and download. */
export function MetaPage({ route }: { route: Route }) {
  useDocumentTitle('Meta-analysis');
  const q = route.query;
  const measure = q.get('measure') ?? 'SMD';
  const method = q.get('method') ?? 'REML';
  const test = q.get('test') === 'knha' ? 'knha' : 'z';
  const mods = (q.get('mods') ?? '').split(',').filter(Boolean);
  const subgroup = q.get('subgroup') ?? '';
  const bias = q.get('bias') === '1';
  const loo = q.get('loo') === '1';
  const set = (changes: Record<string, string>): void =>
    navigate(withQuery('/meta', { measure, method, test, mods: mods.join(','), subgroup, bias: bias ? '1' : '', loo: loo ? '1' : '', ...changes }), { replace: true });

  const [csv, setCsv] = useState(() => sessionStorage.getItem('exoatlas.meta.csv') ?? '');
  const [response, setResponse] = useState<MetaResponse | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isRunning, setIsRunning] = useState(false);
  const table = useMemo(() => (csv.trim() ? parseCsv(csv) : null), [csv]);
  const extraColumns = (table?.columns ?? []).filter((c) => !INPUT_COLUMNS.has(c));
  const ids = { csv: useId(), file: useId() };

  const updateCsv = (text: string): void => {
    setCsv(text);
    setResponse(null);
    setError(null);
    try {
      sessionStorage.setItem('exoatlas.meta.csv', text);
    } catch {
      // storage full or disabled: the data stays in the page
    }
  };
  const onFile = (e: ChangeEvent<HTMLInputElement>): void => {
    const file = e.target.files?.[0];
    if (file) void file.text().then(updateCsv);
  };
  const run = async (): Promise<void> => {
    if (!table || table.rows.length === 0) return;
    setIsRunning(true);
    setError(null);
    try {
      const body = { rows: toRecords(table), measure, method, test, ...(mods.length ? { mods } : {}), ...(subgroup ? { subgroup } : {}), ...(bias ? { bias } : {}), ...(loo ? { leaveOneOut: loo } : {}) };
      setResponse(await runMeta(body));
    } catch (e) {
      setResponse(null);
      setError(e instanceof ApiError ? e : new ApiError('server', (e as Error).message, '/api/meta'));
    } finally {
      setIsRunning(false);
    }
  };

  const measureInfo = MEASURES.find((m) => m.value === measure);
  return (
    <>
      <h1>Meta-analysis workbench</h1>
      <p className="lead">
        Pool effect sizes from your own extraction: paste or upload a CSV with metafor's column names, choose the effect measure, the heterogeneity
        estimator and the test, and get the pooled estimate with forest and funnel plots. The analysis runs on this ExoAtlas server with the same engine
        as <code>exoatlas meta</code>.
      </p>
      <form
        className="meta-form"
        aria-label="Meta-analysis input"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <div className="meta-data">
          <div className="field">
            <label htmlFor={ids.csv}>Data (CSV, one study per row)</label>
            <textarea
              id={ids.csv}
              rows={10}
              value={csv}
              spellCheck={false}
              aria-describedby={`${ids.csv}-hint`}
              placeholder={'study,m1i,sd1i,n1i,m2i,sd2i,n2i\nSmith 2020,12.1,3.2,10,9.8,2.9,10'}
              onChange={(e) => updateCsv(e.target.value)}
            />
            <p id={`${ids.csv}-hint`} className="hint">
              {measureInfo ? `${measure} reads the columns ${measureInfo.columns}. ` : ''}An optional <code>study</code> column labels the rows; other
              columns can be moderators or subgroups.
            </p>
          </div>
          <div className="meta-data-actions">
            <div className="field">
              <label htmlFor={ids.file}>Or upload a CSV file</label>
              <input id={ids.file} type="file" accept=".csv,.tsv,.txt,text/csv" onChange={onFile} />
            </div>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                updateCsv(EXAMPLE_CSV);
                set({ measure: 'RR', method: 'REML', test: 'z', mods: '', subgroup: '' });
              }}
            >
              Load example data (BCG vaccine trials)
            </button>
            {table && (
              <p className="muted" role="status">
                {table.rows.length} rows, columns: {table.columns.join(', ')}
              </p>
            )}
          </div>
        </div>
        <div className="meta-options">
          <SelectField label="Effect measure" anyLabel="Choose…" value={measure} options={MEASURES} onChange={(v) => set({ measure: v || 'SMD' })} />
          <SelectField label="Heterogeneity estimator" anyLabel="Choose…" value={method} options={METHODS} onChange={(v) => set({ method: v || 'REML' })} />
          <fieldset className="choice-group">
            <legend>Test</legend>
            <label className="choice">
              <input type="radio" name="meta-test" checked={test === 'z'} onChange={() => set({ test: 'z' })} /> z (normal)
            </label>
            <label className="choice">
              <input type="radio" name="meta-test" checked={test === 'knha'} onChange={() => set({ test: 'knha' })} /> Knapp–Hartung
            </label>
          </fieldset>
          {extraColumns.length > 0 && (
            <fieldset className="choice-group">
              <legend>Moderators (meta-regression)</legend>
              {extraColumns.map((c) => (
                <label key={c} className="choice">
                  <input
                    type="checkbox"
                    checked={mods.includes(c)}
                    onChange={(e) => set({ mods: (e.target.checked ? [...mods, c] : mods.filter((m) => m !== c)).join(',') })}
                  />{' '}
                  {c}
                </label>
              ))}
            </fieldset>
          )}
          {extraColumns.length > 0 && (
            <SelectField label="Subgroups by" anyLabel="No subgroups" value={subgroup} options={extraColumns.map((c) => ({ value: c, label: c }))} onChange={(v) => set({ subgroup: v })} />
          )}
          <fieldset className="choice-group">
            <legend>Also</legend>
            <label className="choice">
              <input type="checkbox" checked={bias} onChange={(e) => set({ bias: e.target.checked ? '1' : '' })} /> Publication-bias tests
            </label>
            <label className="choice">
              <input type="checkbox" checked={loo} onChange={(e) => set({ loo: e.target.checked ? '1' : '' })} /> Leave-one-out
            </label>
          </fieldset>
        </div>
        <button type="submit" className="button" disabled={!table || table.rows.length === 0 || isRunning}>
          {isRunning ? 'Running…' : 'Run the meta-analysis'}
        </button>
      </form>
      <div aria-live="polite">
        {error &&
          (error.kind === 'unavailable' ? (
            <div className="notice notice-info" role="status">
              <h2 className="notice-title">The meta-analysis service is not available yet</h2>
              <p>
                This server does not offer <code>POST /api/meta</code> yet. Your data is kept in this page; run it again once the server is updated, or use{' '}
                <code>exoatlas meta file.csv --measure {measure} --json</code> from the command line.
              </p>
            </div>
          ) : error.kind === 'bad-request' ? (
            <div className="notice notice-warning" role="alert">
              <h2 className="notice-title">The analysis could not run on these data</h2>
              <p>{error.message}</p>
            </div>
          ) : (
            <ErrorState error={error} what="The meta-analysis" onRetry={() => void run()} />
          ))}
        {response && <MetaResults response={response} />}
      </div>
    </>
  );
}

function MetaResults({ response }: { response: MetaResponse }) {
  const r = resultOf(response);
  const labels = r.labels ?? [];
  const used = r.rowsUsed ?? (r.studies ?? []).map((_, i) => i + 1);
  const studyRows = (r.studies ?? []).map((s, i) => ({ label: labels[(used[i] ?? i + 1) - 1] ?? `Study ${i + 1}`, yi: s.yi, vi: s.vi, weight: r.weights?.[i] }));
  const statName = r.test === 'knha' ? 't' : 'z';
  const csv = (): string =>
    toCsv(
      ['study', 'yi', 'vi', 'weight_percent'],
      [...studyRows.map((s) => [s.label, s.yi, s.vi, s.weight]), ['Pooled (' + (r.method ?? '') + ')', r.estimate, r.se !== undefined && r.se !== null ? r.se * r.se : null, 100]],
    );
  const measureNote = r.measureLabel ?? r.measure ?? '';
  return (
    <section className="meta-results" aria-labelledby="meta-results-heading">
      <h2 id="meta-results-heading">Results</h2>
      <div className="download-row" role="group" aria-label="Download the results">
        {response.svg?.forest && (
          <button type="button" className="button button-secondary" onClick={() => downloadText('forest-plot.svg', response.svg!.forest!, 'image/svg+xml')}>
            Forest plot (SVG)
          </button>
        )}
        {response.svg?.funnel && (
          <button type="button" className="button button-secondary" onClick={() => downloadText('funnel-plot.svg', response.svg!.funnel!, 'image/svg+xml')}>
            Funnel plot (SVG)
          </button>
        )}
        <button type="button" className="button button-secondary" onClick={() => downloadText('meta-analysis.csv', csv(), 'text/csv')}>
          Study table (CSV)
        </button>
        <button type="button" className="button button-secondary" onClick={() => downloadText('meta-analysis.json', JSON.stringify(response, null, 2), 'application/json')}>
          Everything (JSON)
        </button>
      </div>
      <div className="table-wrap" role="region" aria-label="Pooled estimate" tabIndex={0}>
        <table className="data-table stats-table">
          <caption>
            Pooled estimate{measureNote ? ` — ${measureNote}` : ''}
            {r.method ? `, ${r.method}` : ''}
            {r.k !== undefined ? `, k = ${r.k}` : ''}
          </caption>
          <tbody>
            <tr>
              <th scope="row">Estimate [95% CI]</th>
              <td className="num">
                {fmt(r.estimate)} [{fmt(r.ciLower)}, {fmt(r.ciUpper)}]
              </td>
            </tr>
            <tr>
              <th scope="row">Standard error</th>
              <td className="num">{fmt(r.se)}</td>
            </tr>
            <tr>
              <th scope="row">
                {statName}
                {r.df ? ` (df ${r.df})` : ''}, p
              </th>
              <td className="num">
                {fmt(r.statistic)}, p {fmtP(r.pval)}
              </td>
            </tr>
            <tr>
              <th scope="row">Prediction interval</th>
              <td className="num">
                [{fmt(r.piLower)}, {fmt(r.piUpper)}]
              </td>
            </tr>
            <tr>
              <th scope="row">τ² (between-study variance)</th>
              <td className="num">{fmt(r.tau2)}</td>
            </tr>
            <tr>
              <th scope="row">I² (%)</th>
              <td className="num">{fmt(r.i2, 2)}</td>
            </tr>
            <tr>
              <th scope="row">H²</th>
              <td className="num">{fmt(r.h2, 3)}</td>
            </tr>
            <tr>
              <th scope="row">Q (df), p</th>
              <td className="num">
                {fmt(r.q, 3)} ({r.qDf ?? '–'}), p {fmtP(r.qPval)}
              </td>
            </tr>
            {r.qm !== undefined && r.qm !== null && (r.coefficients?.length ?? 0) > 1 && (
              <tr>
                <th scope="row">Moderators QM (df), p</th>
                <td className="num">
                  {fmt(r.qm, 3)} ({r.qmDf ?? '–'}), p {fmtP(r.qmPval)}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {r.coefficients && r.coefficients.length > 1 && (
        <div className="table-wrap" role="region" aria-label="Meta-regression coefficients" tabIndex={0}>
          <table className="data-table">
            <caption>Meta-regression coefficients</caption>
            <thead>
              <tr>
                <th scope="col">Term</th>
                <th scope="col" className="num">
                  Estimate
                </th>
                <th scope="col" className="num">
                  SE
                </th>
                <th scope="col" className="num">
                  95% CI
                </th>
                <th scope="col" className="num">
                  p
                </th>
              </tr>
            </thead>
            <tbody>
              {r.coefficients.map((c) => (
                <tr key={c.name}>
                  <th scope="row">{c.name}</th>
                  <td className="num">{fmt(c.estimate)}</td>
                  <td className="num">{fmt(c.se)}</td>
                  <td className="num">
                    [{fmt(c.ciLower)}, {fmt(c.ciUpper)}]
                  </td>
                  <td className="num">{fmtP(c.pval)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {r.bias && (
        <ul className="bias-list">
          {r.bias.egger && (
            <li>
              Egger's regression test: {r.test === 'knha' ? 't' : 'z'} = {fmt(r.bias.egger.statistic, 3)}, p {fmtP(r.bias.egger.pval)}
            </li>
          )}
          {r.bias.rank && (
            <li>
              Rank correlation: Kendall's τ = {fmt(r.bias.rank.tau, 3)}, p {fmtP(r.bias.rank.pval ?? r.bias.rank.pvalNormal)}
            </li>
          )}
          {r.bias.trimfill && (
            <li>
              Trim and fill: {r.bias.trimfill.k0} studies imputed on the {r.bias.trimfill.side} side; adjusted estimate {fmt(r.bias.trimfill.estimate)}
            </li>
          )}
          {r.bias.failsafe && (
            <li>
              Fail-safe N (Rosenthal): {r.bias.failsafe.rosenthal}, p {fmtP(r.bias.failsafe.pval)}
            </li>
          )}
        </ul>
      )}
      <div className="plots">
        {response.svg?.forest && (
          <ForestPlotView svg={response.svg.forest} title="Forest plot" description={`Forest plot of ${studyRows.length} studies; pooled estimate ${fmt(r.estimate, 3)} [${fmt(r.ciLower, 3)}, ${fmt(r.ciUpper, 3)}].`} />
        )}
        {response.svg?.funnel && <ForestPlotView svg={response.svg.funnel} title="Funnel plot" description={`Funnel plot of ${studyRows.length} studies: effect size against standard error.`} />}
      </div>
      {studyRows.length > 0 && (
        <div className="table-wrap" role="region" aria-label="Studies" tabIndex={0}>
          <table className="data-table">
            <caption>Studies: effect size yi and variance vi{measureNote ? ` (${measureNote})` : ''}</caption>
            <thead>
              <tr>
                <th scope="col">Study</th>
                <th scope="col" className="num">
                  yi
                </th>
                <th scope="col" className="num">
                  vi
                </th>
                <th scope="col" className="num">
                  Weight (%)
                </th>
                {r.leaveOneOut && (
                  <th scope="col" className="num">
                    Estimate without it
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {studyRows.map((s, i) => (
                <tr key={i}>
                  <th scope="row">{s.label}</th>
                  <td className="num">{fmt(s.yi)}</td>
                  <td className="num">{fmt(s.vi)}</td>
                  <td className="num">{fmt(s.weight, 2)}</td>
                  {r.leaveOneOut && <td className="num">{fmt(r.leaveOneOut[i]?.estimate)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {((r.warnings ?? []).length > 0 || (r.dropped ?? []).length > 0) && (
        <div className="notice notice-warning">
          <h3 className="notice-title">Warnings</h3>
          <ul>
            {(r.warnings ?? []).map((w, i) => (
              <li key={`w${i}`}>{w}</li>
            ))}
            {(r.dropped ?? []).map((d) => (
              <li key={`d${d.row}`}>
                Row {d.row} left out: {d.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
