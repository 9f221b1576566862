import { Component, lazy, Suspense, type ErrorInfo, type ReactNode } from 'react';
import { Layout } from './components/Layout';
import { Loading } from './components/StatusMessage';
import { ClinicalPage } from './pages/ClinicalPage';
import { EntitiesPage } from './pages/EntitiesPage';
import { EntityPage } from './pages/EntityPage';
import { MethodsPage } from './pages/MethodsPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OverviewPage } from './pages/OverviewPage';
import { ReferencePage } from './pages/ReferencePage';
import { ReferencesPage } from './pages/ReferencesPage';
import { SearchPage } from './pages/SearchPage';
import { StudiesPage } from './pages/StudiesPage';
import { StudyPage } from './pages/StudyPage';
import { matchPath, useRoute, type Route } from './router/router';

// The two heavy pages load on demand: the graph library and the meta-analysis workbench stay out of the first load.
const MechanismsPage = lazy(() => import('./pages/MechanismsPage').then((m) => ({ default: m.MechanismsPage })));
const MetaPage = lazy(() => import('./pages/MetaPage').then((m) => ({ default: m.MetaPage })));
// The living-review pages (sign-in, projects, screening, conflicts, PRISMA, extraction, synthesis): one chunk.
const ReviewRoutes = lazy(() => import('./pages/review/ReviewRoutes').then((m) => ({ default: m.ReviewRoutes })));

/** The page for a route: the app's whole routing table. */
export function routeElement(route: Route): ReactNode {
  const { path } = route;
  let m: Record<string, string> | null;
  if (path === '/') return <OverviewPage />;
  if (path === '/studies') return <StudiesPage route={route} />;
  if ((m = matchPath('/studies/:id', path))) return <StudyPage key={m.id} id={m.id!} />;
  if (path === '/entities') return <EntitiesPage route={route} />;
  if ((m = matchPath('/entities/:id', path))) return <EntityPage key={m.id} id={m.id!} />;
  if (path === '/mechanisms') return <MechanismsPage route={route} />;
  if (path === '/methods') return <MethodsPage route={route} />;
  if (path === '/clinical') return <ClinicalPage />;
  if (path === '/references') return <ReferencesPage route={route} />;
  if ((m = matchPath('/references/:n', path))) return <ReferencePage key={m.n} n={m.n!} />;
  if (path === '/search') return <SearchPage route={route} />;
  if (path === '/meta') return <MetaPage route={route} />;
  if (path === '/reviews' || path.startsWith('/reviews/') || path === '/account') return <ReviewRoutes route={route} />;
  return <NotFoundPage path={path} />;
}

class ErrorBoundary extends Component<{ resetKey: string; children: ReactNode }, { error: Error | null; key: string }> {
  override state = { error: null as Error | null, key: this.props.resetKey };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  static getDerivedStateFromProps(props: { resetKey: string }, state: { error: Error | null; key: string }) {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }
  override componentDidCatch(error: Error, info: ErrorInfo): void {
    void info;
    void error;
  }
  override render() {
    if (!this.state.error) return this.props.children;
    const isChunk = /dynamically imported module|Failed to fetch|Importing a module script failed/i.test(this.state.error.message);
    return (
      <div className="notice notice-error" role="alert">
        <h1 className="notice-title">{isChunk ? 'This page could not be loaded' : 'This page hit a problem'}</h1>
        <p>
          {isChunk
            ? 'Part of the app could not be downloaded from the server; it may have been updated or be unreachable. Reload the page to try again.'
            : `The page failed to display: ${this.state.error.message}`}
        </p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}

export function App() {
  const route = useRoute();
  return (
    <Layout route={route}>
      <ErrorBoundary resetKey={route.path}>
        <Suspense fallback={<Loading label="Loading the page…" />}>{routeElement(route)}</Suspense>
      </ErrorBoundary>
    </Layout>
  );
}
