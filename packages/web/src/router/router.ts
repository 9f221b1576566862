import { useSyncExternalStore } from 'react';

/** The current location as the app sees it: every view's state lives in the path and the query string. */
export interface Route {
  path: string;
  query: URLSearchParams;
  hash: string;
  /** path + search, the key that identifies a view */
  href: string;
}

const NAVIGATE_EVENT = 'exoatlas:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const snapshot = (): string => window.location.pathname + window.location.search + window.location.hash;

let cachedKey = '';
let cachedRoute: Route | undefined;

/** Parses "/studies?x=1#y" into a Route. */
export function parseLocation(key: string): Route {
  const url = new URL(key, 'http://localhost');
  return { path: decodeURI(url.pathname).replace(/\/+$/, '') || '/', query: url.searchParams, hash: url.hash.slice(1), href: url.pathname + url.search };
}

/** The current route; re-renders the caller on navigation (links, back and forward). */
export function useRoute(): Route {
  const key = useSyncExternalStore(subscribe, snapshot, () => '/');
  if (key !== cachedKey || !cachedRoute) {
    cachedKey = key;
    cachedRoute = parseLocation(key);
  }
  return cachedRoute;
}

/** Goes to `to` (a path with optional query), adding a history entry unless `replace`. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const current = window.location.pathname + window.location.search + window.location.hash;
  if (to === current) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** Builds "path?query" from an object, dropping empty values, keeping a stable key order. */
export function withQuery(path: string, params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** Matches "/studies/:id" against a path; returns the decoded parameters or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const part = p[i]!;
    const seg = s[i]!;
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(seg);
    else if (part !== seg) return null;
  }
  return params;
}
