import { useState, type FormEvent } from 'react';
import { reviewApi, reviewPaths, type ReviewProject } from '../../api/review';
import { Async } from '../../components/StatusMessage';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { Link } from '../../router/Link';
import { navigate } from '../../router/router';
import { FormMessage, type FormMessageValue } from '../../components/review/FormMessage';
import { CreateUserForm, SignInForm, TextField } from './SignIn';
import { CRITERIA_FIELDS } from './criteria-draft';
import { explain, signOut, useFresh, useMe } from '../../hooks/review-session';
import { Loading } from '../../components/StatusMessage';

/** /reviews: sign in or out, your projects, a new project; admins add accounts. */
export function ReviewsHome() {
  useDocumentTitle('Living reviews');
  const me = useMe();
  return (
    <>
      <h1>Living reviews</h1>
      <p className="lead">
        Systematic reviews kept up to date: import searches, screen titles and abstracts then full texts (alone or two blinded reviewers), resolve
        conflicts, report the PRISMA flow, extract and appraise the included studies, and pool them into a meta-analysis that can be published to the
        atlas.
      </p>
      {me === undefined ? (
        <Loading label="Checking your session…" />
      ) : me === null ? (
        <SignedOut />
      ) : (
        <>
          <p className="signed-in">
            Signed in as <strong>{me.displayName || me.username}</strong> ({me.username}
            {me.isAdmin ? ', admin' : ''}). <Link to="/account">Your account{me.isAdmin ? ' and user accounts' : ''}</Link>{' '}
            <button type="button" className="button button-secondary" onClick={() => void signOut()}>
              Sign out
            </button>
          </p>
          <ProjectList />
          <div className="review-columns">
            <NewProjectForm />
            {me.isAdmin && <CreateUserForm isFirst={false} />}
          </div>
        </>
      )}
    </>
  );
}

/**
 * Signed out: the sign-in form, and the first account's form only on a server with no account yet (issue 20: it
 * was offered, then refused, where accounts existed). Asked once: after creating the first account here its
 * confirmation stays in view.
 */
function SignedOut() {
  const setup = useFresh<{ hasAccounts: boolean }>(reviewPaths.setup());
  return (
    <div className="review-columns">
      <SignInForm />
      {setup.data?.hasAccounts === false ? (
        <CreateUserForm isFirst />
      ) : setup.data?.hasAccounts ? (
        <p className="hint">No account yet? Accounts are added by this server’s admins: ask yours for one.</p>
      ) : null}
    </div>
  );
}

function ProjectList() {
  const state = useFresh<{ items: ReviewProject[] }>(reviewPaths.projects());
  return (
    <section aria-labelledby="projects-heading">
      <h2 id="projects-heading">Your projects</h2>
      <Async state={state} what="Your projects">
        {(d) =>
          d.items.length === 0 ? (
            <p>You are not a member of any review project yet. Create one below, or ask a project's owner to add you.</p>
          ) : (
            <ul className="project-list">
              {d.items.map((p) => (
                <li key={p.id}>
                  <Link to={`/reviews/${encodeURIComponent(p.id)}`}>{p.name}</Link>{' '}
                  <span className="muted">
                    — {p.role}, {p.mode === 'dual' ? 'dual screening' : 'single screening'}, {p.records ?? 0} records
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </Async>
    </section>
  );
}

function NewProjectForm() {
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const [question, setQuestion] = useState('');
  const [mode, setMode] = useState<'single' | 'dual'>('dual');
  const [criteria, setCriteria] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<FormMessageValue | null>(null);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setMessage(null);
    try {
      const c = Object.fromEntries(Object.entries(criteria).filter(([, v]) => v.trim() !== ''));
      const p = await reviewApi.post<ReviewProject>(reviewPaths.projects(), { name, ...(id ? { id } : {}), question, mode, criteria: c });
      navigate(`/reviews/${encodeURIComponent(p.id)}`);
    } catch (error) {
      setMessage({ text: explain(error), isError: true });
    }
  };
  return (
    <form className="review-form" aria-labelledby="new-project-heading" onSubmit={(e) => void submit(e)}>
      <h2 id="new-project-heading">New review project</h2>
      <TextField label="Project name" value={name} onChange={setName} required />
      <TextField label="Project id (optional)" value={id} onChange={setId} hint="Lower-case letters, digits and dashes; made from the name when empty" />
      <TextField label="Review question" value={question} onChange={setQuestion} multiline />
      <fieldset className="choice-group">
        <legend>Screening</legend>
        <label className="choice">
          <input type="radio" name="mode" checked={mode === 'dual'} onChange={() => setMode('dual')} /> Dual: two independent, blinded reviewers per record
        </label>
        <label className="choice">
          <input type="radio" name="mode" checked={mode === 'single'} onChange={() => setMode('single')} /> Single: one reviewer per record
        </label>
      </fieldset>
      <fieldset className="choice-group">
        <legend>Eligibility criteria</legend>
        {CRITERIA_FIELDS.map(([k, label]) => (
          <TextField key={k} label={label} value={criteria[k] ?? ''} onChange={(v) => setCriteria((c) => ({ ...c, [k]: v }))} multiline={k === 'inclusion' || k === 'exclusion'} />
        ))}
      </fieldset>
      <button type="submit" className="button">
        Create the project
      </button>
      <FormMessage message={message} />
    </form>
  );
}
