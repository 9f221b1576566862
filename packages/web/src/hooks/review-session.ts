/** The review pages' session: who is signed in (the cookie is HttpOnly, so a marker in localStorage says whether to ask). */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { ApiError } from '../api/client';
import { reviewApi, reviewPaths, type ReviewUser } from '../api/review';

const MARKER = 'exoatlas.review.user';

let current: ReviewUser | null | undefined;
const listeners = new Set<() => void>();
const emit = (): void => listeners.forEach((l) => l());

export function setSignedIn(user: ReviewUser | null): void {
  current = user;
  try {
    if (user) localStorage.setItem(MARKER, user.username);
    else localStorage.removeItem(MARKER);
  } catch {
    // storage disabled: the session still works for this page
  }
  emit();
}

let pending: Promise<void> | null = null;
function load(): void {
  if (current !== undefined || pending) return;
  let marker: string | null;
  try {
    marker = localStorage.getItem(MARKER);
  } catch {
    marker = null;
  }
  if (!marker) {
    current = null;
    emit();
    return;
  }
  pending = reviewApi.get<{ user: ReviewUser }>(reviewPaths.me()).then(
    (r) => {
      pending = null;
      setSignedIn(r.user);
    },
    (e: unknown) => {
      pending = null;
      if (e instanceof ApiError && e.status === 401) setSignedIn(null);
      else {
        current = null;
        emit();
      }
    },
  );
}

/** The signed-in user: undefined while asking, null when signed out. */
export function useMe(): ReviewUser | null | undefined {
  const user = useSyncExternalStore(subscribe, () => current);
  useEffect(load, []);
  return user;
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  return () => void listeners.delete(onChange);
}

export async function signOut(): Promise<void> {
  try {
    await reviewApi.post(reviewPaths.logout(), {});
  } finally {
    setSignedIn(null);
  }
}

/** GET without the app's session cache (review data changes as people work); reload() fetches again. */
export function useFresh<T>(path: string | null): { data: T | undefined; error: ApiError | undefined; reload: () => void; isLoading: boolean } {
  const [state, setState] = useState<{ path: string | null; data?: T; error?: ApiError }>({ path: null });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    reviewApi.get<T>(path, controller.signal).then(
      (data) => setState({ path, data }),
      (error: unknown) => {
        if ((error as Error).name === 'AbortError') return;
        setState({ path, error: error instanceof ApiError ? error : new ApiError('server', String(error), path) });
      },
    );
    return () => controller.abort();
  }, [path, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const fresh = state.path === path;
  return { data: fresh ? state.data : undefined, error: fresh ? state.error : undefined, reload, isLoading: path !== null && (!fresh || (state.data === undefined && state.error === undefined)) };
}

/** A readable sentence for a refused write. */
export function explain(error: unknown): string {
  if (!(error instanceof ApiError)) return (error as Error)?.message ?? String(error);
  if (error.kind === 'network') return 'The ExoAtlas API cannot be reached; try again.';
  if (error.status === 401) return 'You are not signed in (or your session ended): sign in again on the Reviews page.';
  if (error.status === 403) return `Your role does not allow this: ${error.message}.`;
  return error.message;
}
