import type { ReactNode } from 'react';
import type { ApiError } from '../api/client';
import { Link } from '../router/Link';

/** The friendly face of a failed request: unreachable API, a part not available yet, a missing record, or a refusal. */
export function ErrorState({ error, what, onRetry, asPage = false }: { error: ApiError; what?: string; onRetry?: () => void; asPage?: boolean }) {
  const H = asPage ? 'h1' : 'h2';
  if (error.kind === 'network') {
    return (
      <div className="notice notice-error" role="alert">
        <H className="notice-title">The atlas cannot reach its server</H>
        <p>
          The ExoAtlas API did not answer. Check that <code>exoatlas serve</code> is running and that you are online, then try again.
        </p>
        {onRetry && (
          <button type="button" className="button" onClick={onRetry}>
            Try again
          </button>
        )}
      </div>
    );
  }
  if (error.kind === 'unavailable') {
    return (
      <div className="notice notice-info" role="status">
        <H className="notice-title">{what ? `${what}: not available yet` : 'Not available yet'}</H>
        <p>
          This server does not offer <code>{error.path.split('?')[0]}</code> yet, so this part of the atlas cannot be shown. The rest of the atlas
          works; this part appears once the server is updated.
        </p>
      </div>
    );
  }
  if (error.kind === 'not-found') return <NotFoundMessage what={what} detail={error.message} asPage={asPage} />;
  return (
    <div className="notice notice-error" role="alert">
      <H className="notice-title">{what ? `${what} could not be loaded` : 'Something went wrong'}</H>
      <p>{error.message}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function NotFoundMessage({ what, detail, asPage = false }: { what?: string; detail?: string; asPage?: boolean }) {
  const H = asPage ? 'h1' : 'h2';
  return (
    <div className="notice notice-warning" role="status">
      <H className="notice-title">{what ? `${what} not found` : 'Not found'}</H>
      {detail && <p>The server says: {detail}.</p>}
      <p>
        The link may be mistyped or the record may have been renamed. <Link to="/search">Search the atlas</Link> or go back to the <Link to="/">overview</Link>.
      </p>
    </div>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

/** Renders loading, error or the data of a useApi() state. */
export function Async<T>({
  state,
  what,
  children,
  loading,
  asPage = false,
}: {
  state: { data: T | undefined; error: ApiError | undefined; reload: () => void };
  what?: string;
  children: (data: T) => ReactNode;
  loading?: ReactNode;
  /** the state stands for the whole page: its title is the page's h1 */
  asPage?: boolean;
}) {
  if (state.error) return <ErrorState error={state.error} what={what} onRetry={state.reload} asPage={asPage} />;
  if (state.data === undefined) return <>{loading ?? <Loading label={what ? `Loading ${what.toLowerCase()}…` : undefined} />}</>;
  return <>{children(state.data)}</>;
}
