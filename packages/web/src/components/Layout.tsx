import { useEffect, useRef, type ReactNode } from 'react';
import { Link } from '../router/Link';
import type { Route } from '../router/router';
import { NavBar } from './NavBar';
import { SearchBox } from './SearchBox';

/** The frame of every page: skip link, header with brand, navigation and search, the main region and a footer. */
export function Layout({ route, children }: { route: Route; children: ReactNode }) {
  const main = useRef<HTMLElement>(null);
  const previousPath = useRef(route.path);
  useEffect(() => {
    // A new page: start at its top and move focus to it, as a full page load would.
    if (previousPath.current === route.path) return;
    previousPath.current = route.path;
    if (route.hash) return;
    window.scrollTo(0, 0);
    main.current?.focus({ preventScroll: true });
  }, [route.path, route.hash]);
  useEffect(() => {
    if (!route.hash) return;
    const t = window.setTimeout(() => {
      // The anchor may exist twice (a table on wide screens, cards on narrow ones): scroll to the one shown.
      const candidates = [document.getElementById(route.hash), ...document.querySelectorAll(`[data-anchor="${CSS.escape(route.hash)}"]`)];
      candidates.find((el): el is HTMLElement => el instanceof HTMLElement && el.offsetParent !== null)?.scrollIntoView();
    }, 50);
    return () => window.clearTimeout(t);
  }, [route.hash, route.href]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="brand" aria-label="ExoAtlas overview">
            <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <circle cx="16" cy="16" r="13" fill="#0072B2" />
              <circle cx="16" cy="16" r="6" fill="#E69F00" />
            </svg>
            <span className="brand-name">ExoAtlas</span>
            <span className="brand-tag">iMSC exosome evidence</span>
          </Link>
          <SearchBox initial={route.path === '/search' ? (route.query.get('q') ?? '') : ''} />
        </div>
        <NavBar path={route.path} />
      </header>
      <main id="main" ref={main} tabIndex={-1} className="site-main">
        {children}
      </main>
      <footer className="site-footer">
        <p>
          ExoAtlas structures the open-access review by Zhou et al. (2023, CC BY 4.0) of exosomes from iPSC-derived mesenchymal stem cells. Every
          statement is a verbatim quote of the review with its section and references. Data: <a href="/api/openapi.json">HTTP API (OpenAPI)</a>.
        </p>
      </footer>
    </>
  );
}
