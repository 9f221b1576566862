import { useCallback, useEffect, useState } from 'react';
import { ApiError, getJson } from '../api/client';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  isLoading: boolean;
  reload: () => void;
}

/** Successful GET responses, kept for the session so going back is instant (the knowledge base is read-only). */
const cache = new Map<string, unknown>();
const inflight = new Map<string, Promise<unknown>>();

/** Fetches `path` once per session (shared between components); rejects with ApiError. */
export function fetchCached<T>(path: string): Promise<T> {
  if (cache.has(path)) return Promise.resolve(cache.get(path) as T);
  let p = inflight.get(path) as Promise<T> | undefined;
  if (!p) {
    p = getJson<T>(path).then(
      (data) => {
        cache.set(path, data);
        inflight.delete(path);
        return data;
      },
      (error: unknown) => {
        inflight.delete(path);
        throw error;
      },
    );
    inflight.set(path, p);
  }
  return p;
}

export function clearApiCache(): void {
  cache.clear();
}

const asApiError = (error: unknown, path: string): ApiError =>
  error instanceof ApiError ? error : new ApiError('server', error instanceof Error ? error.message : String(error), path);

/** GET `path` (null: nothing to fetch) and follow its loading, data and error. */
export function useApi<T>(path: string | null): ApiState<T> {
  const [state, setState] = useState<{ path: string | null; data?: T; error?: ApiError; version: number }>(() => ({
    path,
    data: path !== null && cache.has(path) ? (cache.get(path) as T) : undefined,
    version: 0,
  }));
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (path === null) return;
    let isCurrent = true;
    if (cache.has(path)) {
      setState({ path, data: cache.get(path) as T, version });
      return;
    }
    setState((s) => (s.path === path && s.version === version ? s : { path, version }));
    fetchCached<T>(path).then(
      (data) => isCurrent && setState({ path, data, version }),
      (error: unknown) => isCurrent && setState({ path, error: asApiError(error, path), version }),
    );
    return () => {
      isCurrent = false;
    };
  }, [path, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const isFresh = state.path === path;
  const data = isFresh ? state.data : path !== null && cache.has(path) ? (cache.get(path) as T) : undefined;
  const error = isFresh ? state.error : undefined;
  return { data, error, isLoading: path !== null && data === undefined && error === undefined, reload };
}
