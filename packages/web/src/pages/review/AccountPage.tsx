/** /account (issue 17): change your password, sign out everywhere; admins disable, enable and unlock accounts. */
import { useState, type FormEvent } from 'react';
import { reviewApi, reviewPaths, type AccountUser, type ReviewUser } from '../../api/review';
import { FormMessage, type FormMessageValue } from '../../components/review/FormMessage';
import { Async } from '../../components/StatusMessage';
import { explain, setSignedIn, useFresh } from '../../hooks/review-session';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { Link } from '../../router/Link';
import { TextField } from './SignIn';

export function AccountPage({ me }: { me: ReviewUser }) {
  useDocumentTitle('Your account');
  return (
    <>
      <p>
        <Link to="/reviews">← Living reviews</Link>
      </p>
      <h1>Your account</h1>
      <p>
        Signed in as <strong>{me.displayName || me.username}</strong> ({me.username}
        {me.isAdmin ? ', admin' : ''}).
      </p>
      <div className="review-columns">
        <ChangePasswordForm />
        <SignOutEverywhere />
      </div>
      {me.isAdmin && <UserAdmin me={me} />}
    </>
  );
}

function ChangePasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [message, setMessage] = useState<FormMessageValue | null>(null);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setMessage(null);
    try {
      await reviewApi.post(reviewPaths.changePassword(), { currentPassword: current, newPassword: next });
      setMessage({ text: 'Password changed. Your other sessions have ended; this one goes on.', isError: false });
      setCurrent('');
      setNext('');
    } catch (error) {
      setMessage({ text: explain(error), isError: true });
    }
  };
  return (
    <form className="review-form" aria-labelledby="password-heading" onSubmit={(e) => void submit(e)}>
      <h2 id="password-heading">Change your password</h2>
      <TextField label="Current password" type="password" value={current} onChange={setCurrent} required autoComplete="current-password" />
      <TextField label="New password" type="password" value={next} onChange={setNext} required autoComplete="new-password" hint="At least 10 characters; not a common password or your user name" />
      <button type="submit" className="button">
        Change the password
      </button>
      <FormMessage message={message} />
    </form>
  );
}

function SignOutEverywhere() {
  const [message, setMessage] = useState<FormMessageValue | null>(null);
  const revoke = async (): Promise<void> => {
    try {
      await reviewApi.post(reviewPaths.revokeOwnSessions(), {});
      setSignedIn(null);
    } catch (error) {
      setMessage({ text: explain(error), isError: true });
    }
  };
  return (
    <section className="review-form" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Sessions</h2>
      <p>Signed in on a computer you no longer use, or worried someone else is? End every session of yours, this one included.</p>
      <button type="button" className="button button-secondary" onClick={() => void revoke()}>
        Sign out everywhere
      </button>
      <FormMessage message={message} />
    </section>
  );
}

function UserAdmin({ me }: { me: ReviewUser }) {
  const state = useFresh<{ items: AccountUser[] }>(reviewPaths.users());
  const [message, setMessage] = useState<FormMessageValue | null>(null);
  const act = async (user: AccountUser, action: 'disable' | 'enable' | 'unlock' | 'sessions/revoke', done: string): Promise<void> => {
    try {
      await reviewApi.post(reviewPaths.userAction(user.username, action), {});
      setMessage({ text: `${user.username}: ${done}.`, isError: false });
      state.reload();
    } catch (error) {
      setMessage({ text: explain(error), isError: true });
    }
  };
  return (
    <section aria-labelledby="users-heading">
      <h2 id="users-heading">User accounts</h2>
      <FormMessage message={message} />
      <Async state={state} what="The user accounts">
        {(d) => (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Status</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {d.items.map((u) => (
                <tr key={u.id}>
                  <th scope="row">
                    {u.displayName || u.username} <span className="muted">({u.username})</span>
                  </th>
                  <td>{[u.isAdmin ? 'admin' : '', u.isDisabled ? 'disabled' : 'active', u.lockedUntil ? `locked until ${new Date(u.lockedUntil).toLocaleString()}` : ''].filter(Boolean).join(', ')}</td>
                  <td>
                    {u.id !== me.id && (
                      <button type="button" className="button button-secondary" onClick={() => void act(u, u.isDisabled ? 'enable' : 'disable', u.isDisabled ? 'enabled' : 'disabled, sessions ended')}>
                        {u.isDisabled ? 'Enable' : 'Disable'} {u.username}
                      </button>
                    )}{' '}
                    {u.lockedUntil && (
                      <button type="button" className="button button-secondary" onClick={() => void act(u, 'unlock', 'unlocked')}>
                        Unlock {u.username}
                      </button>
                    )}{' '}
                    {u.id !== me.id && (
                      <button type="button" className="button button-secondary" onClick={() => void act(u, 'sessions/revoke', 'every session ended')}>
                        End {u.username}’s sessions
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Async>
    </section>
  );
}
