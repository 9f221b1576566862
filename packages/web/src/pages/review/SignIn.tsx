import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../api/client';
import { reviewApi, reviewPaths, type ReviewUser } from '../../api/review';
import { Loading } from '../../components/StatusMessage';
import { FormMessage, type FormMessageValue } from '../../components/review/FormMessage';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { Link } from '../../router/Link';
import { explain, setSignedIn, useMe } from '../../hooks/review-session';

/** A labelled text input. */
export function TextField({ label, value, onChange, type = 'text', required, hint, autoComplete, multiline, name }: { label: string; value: string; onChange: (v: string) => void; type?: string; required?: boolean; hint?: string; autoComplete?: string; multiline?: boolean; name?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea id={id} name={name} rows={3} value={value} required={required} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input id={id} name={name} type={type} value={value} required={required} autoComplete={autoComplete} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(e) => onChange(e.target.value)} />
      )}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}

export function SignInForm({ headingLevel = 2 }: { headingLevel?: 1 | 2 }) {
  const H = headingLevel === 1 ? 'h1' : 'h2';
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<FormMessageValue | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const r = await reviewApi.post<{ user: ReviewUser }>(reviewPaths.login(), { username, password });
      setSignedIn(r.user);
    } catch (error) {
      setMessage({ text: error instanceof ApiError && error.status === 401 ? 'Wrong user name or password.' : explain(error), isError: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="review-form" aria-labelledby="sign-in-heading" onSubmit={(e) => void submit(e)}>
      <H id="sign-in-heading">Sign in</H>
      <TextField label="User name" name="username" value={username} onChange={setUsername} required autoComplete="username" />
      <TextField label="Password" name="password" type="password" value={password} onChange={setPassword} required autoComplete="current-password" />
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
      <FormMessage message={message} />
    </form>
  );
}

/** Creates a user account: the very first account needs no sign-in (and becomes an admin); after that admins only. */
export function CreateUserForm({ isFirst }: { isFirst: boolean }) {
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [isAdmin, setIsAdmin] = useState(false);
  const [message, setMessage] = useState<FormMessageValue | null>(null);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setMessage(null);
    try {
      const r = await reviewApi.post<{ user: ReviewUser }>(reviewPaths.users(), { username, password, ...(displayName ? { displayName } : {}), ...(isAdmin ? { isAdmin } : {}) });
      setMessage({ text: `Account "${r.user.username}" created${r.user.isAdmin ? ' (admin)' : ''}.${isFirst ? ' Sign in with it above.' : ''}`, isError: false });
      setUsername('');
      setPassword('');
      setDisplayName('');
    } catch (error) {
      const text =
        error instanceof ApiError && error.status === 401
          ? 'This server already has accounts: only an admin, signed in, can create more. Ask your admin for an account.'
          : explain(error);
      setMessage({ text, isError: true });
    }
  };
  return (
    <form className="review-form" aria-labelledby={isFirst ? 'first-account-heading' : 'new-user-heading'} onSubmit={(e) => void submit(e)}>
      <h2 id={isFirst ? 'first-account-heading' : 'new-user-heading'}>{isFirst ? 'Create the first account' : 'Add a user account'}</h2>
      {isFirst && <p className="hint">A new server has no accounts: the first one needs no sign-in and becomes its admin. After that only admins add accounts.</p>}
      <TextField label="New user name" value={username} onChange={setUsername} required hint="2–40 letters, digits, dots, dashes or underscores" />
      <TextField label="Display name (optional)" value={displayName} onChange={setDisplayName} />
      <TextField label="New password" type="password" value={password} onChange={setPassword} required autoComplete="new-password" hint="At least 10 characters; not a common password or your user name" />
      {!isFirst && (
        <label className="choice">
          <input type="checkbox" checked={isAdmin} onChange={(e) => setIsAdmin(e.target.checked)} /> Admin (may add accounts)
        </label>
      )}
      <button type="submit" className="button button-secondary">
        Create the account
      </button>
      <FormMessage message={message} />
    </form>
  );
}

/** Shows its children only to a signed-in user; otherwise the sign-in form. */
export function RequireSignIn({ children }: { children: () => ReactNode }) {
  const me = useMe();
  if (me === undefined) return <Loading label="Checking your session…" />;
  if (me === null) return <SignInPage />;
  return <>{children()}</>;
}

function SignInPage() {
  useDocumentTitle('Sign in');
  return (
    <>
      <SignInForm headingLevel={1} />
      <p>
        Review projects are for their members. <Link to="/reviews">About the living reviews</Link>
      </p>
    </>
  );
}
