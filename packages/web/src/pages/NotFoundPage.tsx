import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { NotFoundMessage } from '../components/StatusMessage';

/** The page for a path the app does not know. */
export function NotFoundPage({ path }: { path: string }) {
  useDocumentTitle('Page not found');
  return (
    <NotFoundMessage what="Page" detail={`there is no page at ${path}`} asPage />
  );
}
