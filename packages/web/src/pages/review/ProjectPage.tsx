import { useState, type ChangeEvent, type FormEvent } from 'react';
import { reviewApi, reviewPaths, type AgreementStats, type ProjectView, type Role } from '../../api/review';
import { AgreementTable, CriteriaList, ProgressTable } from '../../components/review/ReviewParts';
import { Async } from '../../components/StatusMessage';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { Link } from '../../router/Link';
import { CriteriaEditor } from './CriteriaEditor';
import { StopScreening } from './StopScreening';
import { useSvg } from '../../hooks/useSvg';
import { FormMessage, type FormMessageValue } from '../../components/review/FormMessage';
import { TextField } from './SignIn';
import { explain, useFresh } from '../../hooks/review-session';
import { SelectField } from '../../components/SelectField';

/** Links to the views of a project, shown on each of them. */
export function ProjectNav({ project, current }: { project: string; current?: string }) {
  const base = `/reviews/${encodeURIComponent(project)}`;
  const items: [string, string][] = [
    ['', 'Dashboard'],
    ['/screen', 'Screening'],
    ['/conflicts', 'Conflicts'],
    ['/agreement', 'Agreement'],
    ['/prisma', 'PRISMA'],
    ['/extraction', 'Extraction and appraisal'],
    ['/synthesis', 'Synthesis'],
    ['/audit', 'Audit log'],
  ];
  return (
    <nav className="project-nav" aria-label="Review project">
      <ul>
        {items.map(([to, label]) => (
          <li key={to}>
            <Link to={base + to} aria-current={current === to ? 'page' : undefined}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function ProjectPage({ project }: { project: string }) {
  const state = useFresh<ProjectView>(reviewPaths.project(project));
  const agreement = useFresh<{ items: AgreementStats[] }>(reviewPaths.agreement(project));
  useDocumentTitle(state.data?.project.name ?? 'Review project');
  return (
    <Async state={state} what="The review project" asPage>
      {(v) => (
        <>
          <h1>{v.project.name}</h1>
          <ProjectNav project={project} current="" />
          <p className="muted">
            You are {v.role === 'owner' ? 'an owner' : `a ${v.role}`} of this project · {v.project.mode === 'dual' ? 'dual screening (two blinded reviewers per record)' : 'single screening'}
          </p>
          <div className="review-columns">
            <section aria-labelledby="criteria-heading">
              <h2 id="criteria-heading">Question and eligibility criteria</h2>
              <CriteriaList criteria={v.project.criteria} question={v.project.question} />
              {v.role === 'owner' && <CriteriaEditor project={v.project} onSaved={state.reload} />}
            </section>
            <section aria-labelledby="stages-heading">
              <h2 id="stages-heading">Stages</h2>
              <ol className="stage-list">
                <li>
                  <Link to={`/reviews/${project}/screen?stage=title-abstract`}>Title and abstract screening</Link> — exclusion reasons: {v.project.exclusionReasons['title-abstract'].join('; ')}
                </li>
                <li>
                  <Link to={`/reviews/${project}/screen?stage=full-text`}>Full-text screening</Link> — exclusion reasons: {v.project.exclusionReasons['full-text'].join('; ')}
                </li>
                <li>
                  <Link to={`/reviews/${project}/extraction`}>Extraction and appraisal</Link> of the included studies, then <Link to={`/reviews/${project}/synthesis`}>synthesis</Link>
                </li>
              </ol>
            </section>
          </div>
          <section aria-labelledby="progress-heading">
            <h2 id="progress-heading">Progress</h2>
            <ProgressTable progress={v.progress} />
            <DiscoveryCurve project={project} />
            <StopScreening view={v} onDone={state.reload} />
            <Async state={agreement} what="Agreement">
              {(a) => <AgreementTable items={a.items} />}
            </Async>
            <p>
              <Link to={`/reviews/${encodeURIComponent(project)}/agreement`}>Agreement per reviewer pair</Link>: each pair’s cross-table of decisions and Cohen’s κ ·{' '}
              <Link to={`/reviews/${encodeURIComponent(project)}/audit`}>Audit log</Link>: every decision and change, who made it and when
            </p>
          </section>
          <section aria-labelledby="members-heading">
            <h2 id="members-heading">Members and roles</h2>
            <ul className="member-list">
              {v.members.map((m) => (
                <li key={m.userId}>
                  {m.displayName || m.username} <span className="muted">({m.username})</span> — {m.role}
                  {v.role === 'owner' && <RemoveMember project={project} username={m.username} onDone={state.reload} />}
                </li>
              ))}
            </ul>
            {v.role === 'owner' && <MemberForm project={project} onDone={state.reload} />}
          </section>
          <section aria-labelledby="searches-heading">
            <h2 id="searches-heading">Searches</h2>
            {v.searches.length === 0 ? (
              <p>No search imported yet.</p>
            ) : (
              <div className="table-wrap" role="region" aria-label="Imported searches" tabIndex={0}>
                <table className="data-table">
                  <caption>Imported searches with their provenance</caption>
                  <thead>
                    <tr>
                      <th scope="col">Database</th>
                      <th scope="col">Date run</th>
                      <th scope="col">Query</th>
                      <th scope="col">File</th>
                      <th scope="col" className="num">Identified</th>
                      <th scope="col" className="num">Duplicates</th>
                      <th scope="col" className="num">Added</th>
                    </tr>
                  </thead>
                  <tbody>
                    {v.searches.map((s) => (
                      <tr key={s.id}>
                        <th scope="row">{s.database}</th>
                        <td>{s.date}</td>
                        <td>
                          <code>{s.query || '–'}</code>
                        </td>
                        <td>
                          {s.fileName} ({s.format})
                        </td>
                        <td className="num">{s.identified}</td>
                        <td className="num">{s.duplicates}</td>
                        <td className="num">{s.added}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {v.role === 'owner' && (
              <ImportForm
                project={project}
                onDone={() => {
                  state.reload();
                  agreement.reload();
                }}
              />
            )}
          </section>
        </>
      )}
    </Async>
  );
}

/** Removes a member (owners): their decisions stay, attributed to them; the server keeps the last owner. */
function RemoveMember({ project, username, onDone }: { project: string; username: string; onDone: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const remove = async (): Promise<void> => {
    if (!window.confirm(`Remove ${username} from this project? Their decisions stay in the record, attributed to them.`)) return;
    try {
      await reviewApi.delete(reviewPaths.member(project, username));
      setError(null);
      onDone();
    } catch (e) {
      setError(explain(e));
    }
  };
  return (
    <>
      {' '}
      <button type="button" className="button button-secondary button-small" onClick={() => void remove()}>
        Remove {username}
      </button>
      {error && (
        <span className="form-message is-error" role="alert">
          {' '}
          {error}
        </span>
      )}
    </>
  );
}

function MemberForm({ project, onDone }: { project: string; onDone: () => void }) {
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('reviewer');
  const [message, setMessage] = useState<FormMessageValue | null>(null);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    try {
      await reviewApi.post(reviewPaths.members(project), { username, role });
      setMessage({ text: `${username} is now a ${role}.`, isError: false });
      setUsername('');
      onDone();
    } catch (error) {
      setMessage({ text: explain(error), isError: true });
    }
  };
  return (
    <form className="review-form inline-form" aria-label="Add a member or change a role" onSubmit={(e) => void submit(e)}>
      <TextField label="Member's user name" value={username} onChange={setUsername} required />
      <SelectField label="Role" anyLabel="Choose…" value={role} options={[{ value: 'owner', label: 'Owner' }, { value: 'reviewer', label: 'Reviewer' }, { value: 'viewer', label: 'Viewer' }]} onChange={(v) => setRole((v || 'reviewer') as Role)} />
      <button type="submit" className="button button-secondary">
        Add or change
      </button>
      <FormMessage message={message} />
    </form>
  );
}

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function ImportForm({ project, onDone }: { project: string; onDone: () => void }) {
  const [database, setDatabase] = useState('');
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [query, setQuery] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<FormMessageValue | null>(null);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (files.length === 0) {
      setMessage({ text: 'Choose at least one file to import.', isError: true });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const payload = await Promise.all(files.map(async (f) => ({ name: f.name, contentBase64: toBase64(await f.arrayBuffer()) })));
      const r = await reviewApi.post<{ identified: number; duplicates: number; added: number; warnings: string[] }>(reviewPaths.searches(project), { database, date, query, files: payload });
      setMessage({ text: `Imported: ${r.identified} records identified, ${r.duplicates} duplicates, ${r.added} new.${r.warnings.length ? ` Warnings: ${r.warnings.join('; ')}` : ''}`, isError: false });
      onDone();
    } catch (error) {
      setMessage({ text: `Nothing was imported: ${explain(error)}`, isError: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="review-form" aria-labelledby="import-heading" onSubmit={(e) => void submit(e)}>
      <h3 id="import-heading">Import a search</h3>
      <p className="hint">RIS, PubMed XML or MEDLINE (nbib), BibTeX, CSV or CSL-JSON exports; duplicates are removed; a bad file imports nothing.</p>
      <TextField label="Database" value={database} onChange={setDatabase} required hint="e.g. PubMed, Embase, Web of Science" />
      <TextField label="Date the search was run" type="date" value={date} onChange={setDate} required />
      <TextField label="Search query" value={query} onChange={setQuery} multiline />
      <div className="field">
        <label htmlFor="import-files">Export files</label>
        <input id="import-files" type="file" multiple onChange={(e: ChangeEvent<HTMLInputElement>) => setFiles([...(e.target.files ?? [])])} />
      </div>
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Importing…' : 'Import'}
      </button>
      <FormMessage message={message} />
    </form>
  );
}

/** Includes found against records screened, drawn by the server: the curve a team looks at before stopping. */
function DiscoveryCurve({ project }: { project: string }) {
  const svg = useSvg(reviewPaths.discoveryCurve(project));
  if (svg?.error) return <p role="alert">The discovery curve could not be drawn: {svg.error}</p>;
  return svg?.svg ? (
    <figure className="discovery-curve">
      {/* Scrolls sideways on a phone: a focusable region, so the keyboard can scroll it (axe, issue 20). */}
      <div className="plot-image" role="region" aria-label="Discovery curve" tabIndex={0} dangerouslySetInnerHTML={{ __html: svg.svg }} />
      <figcaption className="muted">Title and abstract screening in the team’s order: the curve flattens as the ranking runs out of likely includes.</figcaption>
    </figure>
  ) : null;
}
