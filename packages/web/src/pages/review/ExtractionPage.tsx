import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { reviewApi, reviewPaths, type AppraisalSummary, type ExtractionSchema, type FieldIssue, type FormKind, type FormsView, type ProjectView, type StudyStatus } from '../../api/review';
import { ForestPlotView } from '../../components/ForestPlotView';
import { issuesByPath, pct } from '../../components/review/ReviewParts';
import { Async } from '../../components/StatusMessage';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { Link } from '../../router/Link';
import { withQuery, type Route } from '../../router/router';
import { emptyDraft, emptyGroup, emptyOutcome, enumOf, fromData, toData, type ExtractionDraft, type GroupDraft, type OutcomeDraft } from './extraction-draft';
import { ProjectNav } from './ProjectPage';
import { explain, useFresh, useMe } from './session';

const KIND_LABELS: Record<FormKind, string> = { extraction: 'Data extraction', rob: 'Risk of bias (SYRCLE)', misev: 'MISEV reporting checklist' };
export const MISEV_NOTICE = "ExoAtlas's own checklist score, not EV-TRACK's EV-METRIC";

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
                  {d.items.map((s) => (
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

function AppraisalSummaryView({ project }: { project: string }) {
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

function StudyForm({ project, record, kind, schema, asConsensus, base }: { project: string; record: number; kind: FormKind; schema: ExtractionSchema; asConsensus: boolean; base: string }) {
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

const show = (v: unknown): string => (v === undefined || v === null || v === '' ? '(empty)' : typeof v === 'string' ? v : JSON.stringify(v));

/** Where the reviewers' forms differ (once the API shows them), the consensus state and the way to the consensus form. */
function ConsensusView({ forms: f, kind, schema, asConsensus, canResolve, link }: { forms: FormsView; kind: FormKind; schema: ExtractionSchema; asConsensus: boolean; canResolve: boolean; link: (as: string | undefined) => string }) {
  const headingId = useId();
  const [a, b] = [f.forms[0]?.reviewer ?? 'first reviewer', f.forms[1]?.reviewer ?? 'second reviewer'];
  const itemLabel = (path: string): string => {
    const id = path.startsWith('items.') ? path.slice(6) : null;
    if (id === null || kind === 'extraction') return path;
    const s = kind === 'rob' ? schema.syrcle.find((x) => x.id === id) : undefined;
    const m = kind === 'misev' ? schema.misev.items.find((x) => x.id === id) : undefined;
    return s ? `${s.number}. ${s.label}` : (m?.label ?? path);
  };
  return (
    <section className="consensus-view" aria-labelledby={headingId}>
      <h2 id={headingId}>Reviewers' forms and consensus</h2>
      <p>
        Status: {f.status}
        {f.consensus ? ` · consensus form saved (version ${f.consensus.version}${f.consensus.reviewer ? ` by ${f.consensus.reviewer}` : ''})` : ' · no consensus form yet'}
        {f.agreement && f.agreement.percent !== null ? ` · agreement ${pct(f.agreement.percent)} (${f.agreement.agreed} of ${f.agreement.items} items${f.agreement.kappa !== null ? `, κ ${f.agreement.kappa.toFixed(2)}` : ''})` : ''}
      </p>
      {f.forms.length < 2 ? (
        <p className="muted">The discrepancies are shown once two reviewers' forms are visible to you (a reviewer sees the others' forms after saving their own).</p>
      ) : f.discrepancies.length === 0 ? (
        <p>The reviewers' forms agree.</p>
      ) : (
        <div className="table-wrap" role="region" aria-label="Discrepancies" tabIndex={0}>
          <table className="data-table">
            <caption>
              {f.discrepancies.length} discrepanc{f.discrepancies.length === 1 ? 'y' : 'ies'} between the forms of {a} and {b}
            </caption>
            <thead>
              <tr>
                <th scope="col">{kind === 'extraction' ? 'Field' : 'Item'}</th>
                <th scope="col">{a}</th>
                <th scope="col">{b}</th>
              </tr>
            </thead>
            <tbody>
              {f.discrepancies.map((d) => (
                <tr key={d.path}>
                  <th scope="row">
                    <code>{itemLabel(d.path)}</code>
                  </th>
                  <td>{show(d.a)}</td>
                  <td>{show(d.b)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canResolve && (
        <p>
          {asConsensus ? (
            <Link to={link(undefined)}>Back to your own form</Link>
          ) : (
            <Link to={link('consensus')}>{f.consensus ? 'Edit the consensus form' : 'Save a consensus form'}</Link>
          )}
        </p>
      )}
    </section>
  );
}

interface FormProps {
  project: string;
  record: number;
  version: number;
  data: unknown;
  onSaved: () => void;
  others: FormsView;
  /** the consensus form (saved with consensus: true), not the user's own */
  consensus: boolean;
}

/** A field's error, next to it; the input points at it with aria-describedby. */
function useFieldError(path: string, issues: Map<string, string>, shown: boolean) {
  const id = useId();
  const message = shown ? issues.get(path) : undefined;
  return { id: `${id}-error`, message, inputProps: { 'aria-invalid': message ? true : undefined, 'aria-describedby': message ? `${id}-error` : undefined } as const };
}

function FieldMessage({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="field-error">
      {message}
    </p>
  ) : null;
}

interface Ctx {
  issues: Map<string, string>;
  touched: Set<string>;
  showAll: boolean;
  touch: (path: string) => void;
}

function TextInput({ label, path, value, onChange, ctx, numeric, wide }: { label: string; path: string; value: string; onChange: (v: string) => void; ctx: Ctx; numeric?: boolean; wide?: boolean }) {
  const inputId = useId();
  const err = useFieldError(path, ctx.issues, ctx.showAll || ctx.touched.has(path));
  return (
    <div className={wide ? 'field field-wide' : 'field'}>
      <label htmlFor={inputId}>{label}</label>
      <input id={inputId} type="text" inputMode={numeric ? 'decimal' : undefined} value={value} onChange={(e) => onChange(e.target.value)} onBlur={() => ctx.touch(path)} {...err.inputProps} />
      <FieldMessage id={err.id} message={err.message} />
    </div>
  );
}

function ChoiceInput({ label, path, value, options, onChange, ctx, emptyLabel = 'Choose…' }: { label: string; path: string; value: string; options: string[]; onChange: (v: string) => void; ctx: Ctx; emptyLabel?: string }) {
  const inputId = useId();
  const err = useFieldError(path, ctx.issues, ctx.showAll || ctx.touched.has(path));
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      <select
        id={inputId}
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
          ctx.touch(path);
        }}
        {...err.inputProps}
      >
        <option value="">{emptyLabel}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
      <FieldMessage id={err.id} message={err.message} />
    </div>
  );
}

function SaveState({ saving, message, stale }: { saving: boolean; message: { text: string; isError: boolean } | null; stale: boolean }) {
  return (
    <>
      <p className={message?.isError ? 'form-message is-error' : 'form-message'} role={message?.isError ? 'alert' : 'status'}>
        {saving ? 'Saving…' : (message?.text ?? '')}
      </p>
      {stale && (
        <div className="notice notice-warning" role="alert">
          <h2 className="notice-title">Not saved: someone saved a newer version of this form</h2>
          <p>
            Your form was loaded before another save (in another tab or window). ExoAtlas does not overwrite it: nothing of yours was saved. Copy what you need, reload the page to
            see the current version, and save again.
          </p>
        </div>
      )}
    </>
  );
}

async function save(project: string, record: number, kind: FormKind, data: unknown, expectedVersion: number, consensus: boolean): Promise<{ ok: true; version: number } | { ok: false; stale: boolean; fields: FieldIssue[]; text: string }> {
  try {
    const r = await reviewApi.put<{ version: number }>(reviewPaths.forms(project, record, kind), { data, expectedVersion, ...(consensus ? { consensus: true } : {}) });
    return { ok: true, version: r.version };
  } catch (error) {
    if (error instanceof ApiError && error.status === 409 && error.code === 'EXO_ERR_EXTRACT_STALE') return { ok: false, stale: true, fields: [], text: 'Not saved: the form is out of date.' };
    const fields = error instanceof ApiError && Array.isArray(error.context.fields) ? (error.context.fields as FieldIssue[]) : [];
    return { ok: false, stale: false, fields, text: fields.length ? `Not saved: ${fields.length === 1 ? 'one value needs' : `${fields.length} values need`} correcting (see the messages at the fields). Nothing was saved.` : `Not saved: ${explain(error)}` };
  }
}

function ExtractionForm({ project, record, version, data, onSaved, schema, others, consensus }: FormProps & { schema: ExtractionSchema }) {
  const [draft, setDraft] = useState<ExtractionDraft>(() => (data ? fromData(data) : emptyDraft()));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const [stale, setStale] = useState(false);
  const [loadedVersion, setLoadedVersion] = useState(version);
  const payload = useMemo(() => toData(draft), [draft]);
  const issueMap = useMemo(() => issuesByPath(issues), [issues]);
  const ctx: Ctx = { issues: issueMap, touched, showAll, touch: (p) => setTouched((t) => (t.has(p) ? t : new Set(t).add(p))) };

  // validated as typed: the server's schema, a moment after the last keystroke (nothing is saved)
  const seq = useRef(0);
  useEffect(() => {
    const n = ++seq.current;
    const t = window.setTimeout(() => {
      reviewApi.post<{ ok: boolean; issues: FieldIssue[] }>(reviewPaths.validate(project), { kind: 'extraction', data: payload }).then(
        (r) => n === seq.current && setIssues(r.issues),
        () => undefined,
      );
    }, 250);
    return () => window.clearTimeout(t);
  }, [payload, project]);

  const cs = schema.jsonSchema.extraction.properties?.characteristics?.properties ?? {};
  const setC = (k: keyof ExtractionDraft['characteristics'], v: string | string[]): void => setDraft((d) => ({ ...d, characteristics: { ...d.characteristics, [k]: v } }));
  const setO = (i: number, patch: Partial<OutcomeDraft>): void => setDraft((d) => ({ ...d, outcomes: d.outcomes.map((o, j) => (j === i ? { ...o, ...patch } : o)) }));
  const setG = (i: number, gi: number, patch: Partial<GroupDraft>): void => setDraft((d) => ({ ...d, outcomes: d.outcomes.map((o, j) => (j === i ? { ...o, groups: o.groups.map((g, k) => (k === gi ? { ...g, ...patch } : g)) } : o)) }));

  const submit = async (): Promise<void> => {
    setShowAll(true);
    setSaving(true);
    setMessage(null);
    setStale(false);
    const r = await save(project, record, 'extraction', payload, loadedVersion, consensus);
    setSaving(false);
    if (r.ok) {
      setLoadedVersion(r.version);
      setMessage({ text: `Saved: version ${r.version} of ${consensus ? 'the consensus' : 'your'} extraction form.`, isError: false });
      setShowAll(false);
      onSaved();
    } else {
      if (r.fields.length) setIssues(r.fields);
      setStale(r.stale);
      setMessage({ text: r.text, isError: true });
    }
  };
  const c = draft.characteristics;
  const unplaced = showAll ? issues.filter((i) => !/^(characteristics\.|outcomes\[\d+\]\.(outcome|label|timePoint|days|unit|quote|groups\[\d+\]\.\w+)$)/.test(i.path)) : [];
  return (
    <form
      className="extraction-form"
      aria-label={consensus ? 'Consensus data extraction form' : 'Data extraction form'}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {consensus ? (
        <p className="muted">
          {loadedVersion > 0 ? `Editing the consensus form (version ${loadedVersion}).` : 'A new consensus form, prefilled from the current value; settle the discrepancies above and save it.'} Synthesis uses the
          consensus form once it is saved.
        </p>
      ) : (
        <p className="muted">
          {loadedVersion > 0 ? `Editing your saved form (version ${loadedVersion}).` : 'A new form: nothing of yours is saved for this study yet.'} Other reviewers' forms:{' '}
          {Math.max(0, others.forms.length - (data ? 1 : 0))} visible · status {others.status}
          {others.discrepancies.length > 0 ? ` · ${others.discrepancies.length} discrepancies` : ''}
        </p>
      )}
      <fieldset className="form-section">
        <legend>Study characteristics</legend>
        <div className="field-grid">
          <ChoiceInput label="Species" path="characteristics.species" value={c.species} options={enumOf(cs.species)} onChange={(v) => setC('species', v)} ctx={ctx} />
          <TextInput label="Strain" path="characteristics.strain" value={c.strain} onChange={(v) => setC('strain', v)} ctx={ctx} />
          <ChoiceInput label="Sex" path="characteristics.sex" value={c.sex} options={enumOf(cs.sex)} onChange={(v) => setC('sex', v)} ctx={ctx} />
          <ChoiceInput label="Disease area" path="characteristics.diseaseArea" value={c.diseaseArea} options={enumOf(cs.diseaseArea)} onChange={(v) => setC('diseaseArea', v)} ctx={ctx} emptyLabel="Not given" />
          <TextInput label="Disease model" path="characteristics.diseaseModel" value={c.diseaseModel} onChange={(v) => setC('diseaseModel', v)} ctx={ctx} />
          <TextInput label="Induction of the model" path="characteristics.induction" value={c.induction} onChange={(v) => setC('induction', v)} ctx={ctx} />
          <ChoiceInput label="Cell source" path="characteristics.cellSource" value={c.cellSource} options={enumOf(cs.cellSource)} onChange={(v) => setC('cellSource', v)} ctx={ctx} />
          <TextInput label="Cell-source detail" path="characteristics.cellSourceDetail" value={c.cellSourceDetail} onChange={(v) => setC('cellSourceDetail', v)} ctx={ctx} />
          <TextInput label="Dose" path="characteristics.dose.value" value={c.doseValue} onChange={(v) => setC('doseValue', v)} ctx={ctx} numeric />
          <TextInput label="Dose unit" path="characteristics.dose.unit" value={c.doseUnit} onChange={(v) => setC('doseUnit', v)} ctx={ctx} />
          <TextInput label="Route" path="characteristics.route" value={c.route} onChange={(v) => setC('route', v)} ctx={ctx} />
          <TextInput label="Timing" path="characteristics.timing" value={c.timing} onChange={(v) => setC('timing', v)} ctx={ctx} />
          <TextInput label="Comparator" path="characteristics.comparator" value={c.comparator} onChange={(v) => setC('comparator', v)} ctx={ctx} />
        </div>
        <IsolationMethods methods={c.methods} options={schema.isolationMethods} onChange={(m) => setC('methods', m)} ctx={ctx} />
        <TextInput label="Isolation details" path="characteristics.isolation.details" value={c.isolationDetails} onChange={(v) => setC('isolationDetails', v)} ctx={ctx} wide />
      </fieldset>
      {draft.outcomes.map((o, i) => (
        <fieldset key={i} className="form-section">
          <legend>
            Outcome {i + 1}
            {o.outcome ? `: ${o.outcome}` : ''}
            {o.timePoint ? ` at ${o.timePoint}` : ''}
          </legend>
          <div className="field-grid">
            <TextInput label="Outcome key (kebab-case)" path={`outcomes[${i}].outcome`} value={o.outcome} onChange={(v) => setO(i, { outcome: v })} ctx={ctx} />
            <TextInput label="Outcome label" path={`outcomes[${i}].label`} value={o.label} onChange={(v) => setO(i, { label: v })} ctx={ctx} />
            <TextInput label="Time point" path={`outcomes[${i}].timePoint`} value={o.timePoint} onChange={(v) => setO(i, { timePoint: v })} ctx={ctx} />
            <TextInput label="Time point in days" path={`outcomes[${i}].days`} value={o.days} onChange={(v) => setO(i, { days: v })} ctx={ctx} numeric />
            <ChoiceInput label="Kind" path={`outcomes[${i}].kind`} value={o.kind} options={['continuous', 'dichotomous']} onChange={(v) => setO(i, { kind: v })} ctx={ctx} />
            <TextInput label="Unit" path={`outcomes[${i}].unit`} value={o.unit} onChange={(v) => setO(i, { unit: v })} ctx={ctx} />
            <ChoiceInput label="Direction" path={`outcomes[${i}].direction`} value={o.direction} options={['higher-is-better', 'lower-is-better']} onChange={(v) => setO(i, { direction: v })} ctx={ctx} />
          </div>
          <div className="table-wrap" role="region" aria-label={`Groups of outcome ${i + 1}`} tabIndex={0}>
            <table className="data-table group-table">
              <caption>
                Groups of outcome {i + 1}: {o.kind === 'continuous' ? 'mean, SD or SEM, n' : 'events and totals (n)'}; several arms may share a control
              </caption>
              <thead>
                <tr>
                  <th scope="col">Group</th>
                  <th scope="col">Id</th>
                  <th scope="col">Role</th>
                  <th scope="col">Its control</th>
                  <th scope="col">n</th>
                  {o.kind === 'continuous' ? (
                    <>
                      <th scope="col">Mean</th>
                      <th scope="col">SD</th>
                      <th scope="col">SEM</th>
                    </>
                  ) : (
                    <th scope="col">Events</th>
                  )}
                  <th scope="col">
                    <span className="visually-hidden">Remove</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {o.groups.map((g, gi) => {
                  const p = `outcomes[${i}].groups[${gi}]`;
                  const name = `outcome ${i + 1}, group ${gi + 1}`;
                  return (
                    <tr key={gi}>
                      <th scope="row">{gi + 1}</th>
                      <td>
                        <CellInput label={`Id (${name})`} path={`${p}.id`} value={g.id} onChange={(v) => setG(i, gi, { id: v })} ctx={ctx} />
                      </td>
                      <td>
                        <CellSelect label={`Role (${name})`} path={`${p}.role`} value={g.role} options={['treatment', 'control', 'sham']} onChange={(v) => setG(i, gi, { role: v })} ctx={ctx} />
                      </td>
                      <td>
                        {g.role === 'treatment' ? (
                          <CellSelect label={`Control of ${name}`} path={`${p}.control`} value={g.control} options={o.groups.filter((x) => x.role === 'control').map((x) => x.id)} onChange={(v) => setG(i, gi, { control: v })} ctx={ctx} empty="The only control" />
                        ) : (
                          '–'
                        )}
                      </td>
                      <td>
                        <CellInput label={`n (${name})`} path={`${p}.n`} value={g.n} onChange={(v) => setG(i, gi, { n: v })} ctx={ctx} numeric />
                      </td>
                      {o.kind === 'continuous' ? (
                        <>
                          <td>
                            <CellInput label={`Mean (${name})`} path={`${p}.mean`} value={g.mean} onChange={(v) => setG(i, gi, { mean: v })} ctx={ctx} numeric />
                          </td>
                          <td>
                            <CellInput label={`SD (${name})`} path={`${p}.sd`} value={g.sd} onChange={(v) => setG(i, gi, { sd: v })} ctx={ctx} numeric />
                          </td>
                          <td>
                            <CellInput label={`SEM (${name})`} path={`${p}.sem`} value={g.sem} onChange={(v) => setG(i, gi, { sem: v })} ctx={ctx} numeric />
                          </td>
                        </>
                      ) : (
                        <td>
                          <CellInput label={`Events (${name})`} path={`${p}.events`} value={g.events} onChange={(v) => setG(i, gi, { events: v })} ctx={ctx} numeric />
                        </td>
                      )}
                      <td>
                        <button type="button" className="button button-secondary button-small" disabled={o.groups.length <= 2} onClick={() => setO(i, { groups: o.groups.filter((_, k) => k !== gi) })}>
                          Remove<span className="visually-hidden"> {name}</span>
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="button-row">
            <button type="button" className="button button-secondary" onClick={() => setO(i, { groups: [...o.groups, emptyGroup(`arm${o.groups.length}`, 'treatment')] })}>
              Add a group to outcome {i + 1}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setDraft((d) => ({ ...d, outcomes: d.outcomes.filter((_, j) => j !== i) }))}>
              Remove outcome {i + 1}
            </button>
          </div>
          <TextInput label="Supporting quote" path={`outcomes[${i}].quote`} value={o.quote} onChange={(v) => setO(i, { quote: v })} ctx={ctx} wide />
        </fieldset>
      ))}
      <button type="button" className="button button-secondary" onClick={() => setDraft((d) => ({ ...d, outcomes: [...d.outcomes, emptyOutcome()] }))}>
        Add an outcome or time point
      </button>
      {unplaced.length > 0 && (
        <ul className="field-error form-issues">
          {unplaced.map((i) => (
            <li key={i.path + i.message}>
              {i.path || 'The form'}: {i.message}
            </li>
          ))}
        </ul>
      )}
      <div className="button-row">
        <button type="submit" className="button" disabled={saving}>
          {consensus ? 'Save the consensus extraction form' : 'Save the extraction form'}
        </button>
      </div>
      <SaveState saving={saving} message={message} stale={stale} />
    </form>
  );
}

function CellInput({ label, path, value, onChange, ctx, numeric }: { label: string; path: string; value: string; onChange: (v: string) => void; ctx: Ctx; numeric?: boolean }) {
  const err = useFieldError(path, ctx.issues, ctx.showAll || ctx.touched.has(path));
  return (
    <>
      <input className="cell-input" type="text" aria-label={label} inputMode={numeric ? 'decimal' : undefined} value={value} onChange={(e) => onChange(e.target.value)} onBlur={() => ctx.touch(path)} {...err.inputProps} />
      <FieldMessage id={err.id} message={err.message} />
    </>
  );
}

function CellSelect({ label, path, value, options, onChange, ctx, empty = 'Choose…' }: { label: string; path: string; value: string; options: string[]; onChange: (v: string) => void; ctx: Ctx; empty?: string }) {
  const err = useFieldError(path, ctx.issues, ctx.showAll || ctx.touched.has(path));
  return (
    <>
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} {...err.inputProps}>
        <option value="">{empty}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
      <FieldMessage id={err.id} message={err.message} />
    </>
  );
}

function IsolationMethods({ methods, options, onChange, ctx }: { methods: string[]; options: string[]; onChange: (m: string[]) => void; ctx: Ctx }) {
  const path = 'characteristics.isolation.methods';
  const err = useFieldError(path, ctx.issues, ctx.showAll || ctx.touched.has(path));
  return (
    <fieldset className="choice-group" aria-describedby={err.message ? err.id : undefined}>
      <legend>Isolation methods</legend>
      {options.map((m) => (
        <label key={m} className="choice">
          <input
            type="checkbox"
            checked={methods.includes(m)}
            onChange={(e) => {
              onChange(e.target.checked ? [...methods, m] : methods.filter((x) => x !== m));
              ctx.touch(path);
            }}
          />{' '}
          {m}
        </label>
      ))}
      <FieldMessage id={err.id} message={err.message} />
    </fieldset>
  );
}

type Answer = { value: string; quote: string };

function AppraisalForm({ project, record, version, data, onSaved, kind, schema, others, consensus }: FormProps & { kind: 'rob' | 'misev'; schema: ExtractionSchema }) {
  const items = kind === 'rob' ? schema.syrcle.map((s) => ({ id: s.id, label: `${s.number}. ${s.label}`, help: s.question })) : schema.misev.items.map((m) => ({ id: m.id, label: m.label, help: `${m.criterion} (applies ${m.appliesWhen})` }));
  const choices = kind === 'rob' ? [['yes', 'Yes (low risk)'], ['no', 'No (high risk)'], ['unclear', 'Unclear']] : [['yes', 'Yes (reported)'], ['no', 'No (not reported)'], ['na', 'Not applicable']];
  const field = kind === 'rob' ? 'judgement' : 'answer';
  const [answers, setAnswers] = useState<Record<string, Answer>>(() => {
    const saved = ((data as { items?: Record<string, Record<string, string>> } | undefined)?.items ?? {}) as Record<string, Record<string, string>>;
    return Object.fromEntries(items.map((it) => [it.id, { value: saved[it.id]?.[field] ?? '', quote: saved[it.id]?.quote ?? '' }]));
  });
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const [stale, setStale] = useState(false);
  const [loadedVersion, setLoadedVersion] = useState(version);
  const issueMap = issuesByPath(issues);
  const submit = async (): Promise<void> => {
    setSaving(true);
    setMessage(null);
    setStale(false);
    const payload = { items: Object.fromEntries(items.map((it) => [it.id, { [field]: answers[it.id]!.value || undefined, ...(answers[it.id]!.quote.trim() ? { quote: answers[it.id]!.quote.trim() } : {}) }])) };
    const r = await save(project, record, kind, payload, loadedVersion, consensus);
    setSaving(false);
    if (r.ok) {
      setIssues([]);
      setLoadedVersion(r.version);
      setMessage({ text: `Saved: version ${r.version}${consensus ? ' of the consensus form' : ''}.`, isError: false });
      onSaved();
    } else {
      setIssues(r.fields);
      setStale(r.stale);
      setMessage({ text: r.text, isError: true });
    }
  };
  return (
    <form
      className="appraisal-form"
      aria-label={consensus ? `Consensus: ${KIND_LABELS[kind]}` : KIND_LABELS[kind]}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {kind === 'misev' ? (
        <p className="notice notice-info">
          <strong>{MISEV_NOTICE}.</strong> {schema.misev.label}. The score is the share of applicable items reported; it must not be compared with EV-METRIC.
          {others.score ? ` Current score: ${others.score.reported} of ${others.score.applicable} applicable items (${pct(others.score.score)}).` : ''}
        </p>
      ) : (
        <p className="lead">SYRCLE's risk-of-bias tool for animal studies (Hooijmans et al. 2014): judge each item, with the quote from the paper that supports a yes or a no.</p>
      )}
      <div className="table-wrap" role="region" aria-label={`${KIND_LABELS[kind]} grid`} tabIndex={0}>
        <table className="data-table appraisal-grid">
          <caption>{KIND_LABELS[kind]}</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Judgement</th>
              <th scope="col">Supporting quote</th>
            </tr>
          </thead>
          <tbody>
            {items.map((it) => {
              const a = answers[it.id]!;
              const valueError = issueMap.get(`items.${it.id}.${field}`) ?? issueMap.get(`items.${it.id}`);
              const quoteError = issueMap.get(`items.${it.id}.quote`);
              return (
                <tr key={it.id}>
                  <th scope="row">
                    {it.label}
                    <div className="hint">{it.help}</div>
                  </th>
                  <td>
                    <fieldset className="choice-group compact" aria-invalid={valueError ? true : undefined}>
                      <legend className="visually-hidden">{it.label}</legend>
                      {choices.map(([v, label]) => (
                        <label key={v} className="choice">
                          <input type="radio" name={`${kind}-${it.id}`} value={v} checked={a.value === v} onChange={() => setAnswers((s) => ({ ...s, [it.id]: { ...a, value: v! } }))} /> {label}
                        </label>
                      ))}
                    </fieldset>
                    {valueError && <p className="field-error">{valueError}</p>}
                  </td>
                  <td>
                    <textarea
                      aria-label={`Supporting quote for ${it.label}`}
                      rows={2}
                      value={a.quote}
                      aria-invalid={quoteError ? true : undefined}
                      onChange={(e) => setAnswers((s) => ({ ...s, [it.id]: { ...a, quote: e.target.value } }))}
                    />
                    {quoteError && <p className="field-error">{quoteError}</p>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <button type="submit" className="button" disabled={saving}>
        Save the {consensus ? 'consensus ' : ''}
        {kind === 'rob' ? 'SYRCLE assessment' : 'MISEV checklist'}
      </button>
      <SaveState saving={saving} message={message} stale={stale} />
    </form>
  );
}
