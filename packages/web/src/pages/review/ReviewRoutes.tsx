/** The living-review pages (issues 7 and 8) and the account page (issue 17), one lazy chunk: the app's router hands every /reviews path and /account to this. */
import { matchPath, type Route } from '../../router/router';
import { NotFoundPage } from '../NotFoundPage';
import { useMe } from '../../hooks/review-session';
import { AccountPage } from './AccountPage';
import { AgreementPage } from './AgreementPage';
import { AuditPage } from './AuditPage';
import { ConflictsPage } from './ConflictsPage';
import { ExtractionPage } from './ExtractionPage';
import { PrismaPage } from './PrismaPage';
import { ProjectPage } from './ProjectPage';
import { ReviewsHome } from './ReviewsHome';
import { ScreeningPage } from './ScreeningPage';
import { SynthesisPage } from './SynthesisPage';
import { RequireSignIn } from './SignIn';
import '../../styles/review.css';

export function ReviewRoutes({ route }: { route: Route }) {
  const { path } = route;
  if (path === '/reviews') return <ReviewsHome />;
  if (path === '/account') return <RequireSignIn>{() => <SignedInAccount />}</RequireSignIn>;
  let m: Record<string, string> | null;
  if ((m = matchPath('/reviews/:project', path))) return <RequireSignIn>{() => <ProjectPage key={m!.project} project={m!.project!} />}</RequireSignIn>;
  if ((m = matchPath('/reviews/:project/:view', path))) {
    const project = m.project!;
    const view = m.view!;
    const page =
      view === 'screen' ? () => <ScreeningPage key={project} project={project} route={route} />
      : view === 'conflicts' ? () => <ConflictsPage key={project} project={project} route={route} />
      : view === 'prisma' ? () => <PrismaPage key={project} project={project} />
      : view === 'agreement' ? () => <AgreementPage key={project} project={project} />
      : view === 'audit' ? () => <AuditPage key={project} project={project} route={route} />
      : view === 'extraction' ? () => <ExtractionPage key={project} project={project} route={route} />
      : view === 'synthesis' ? () => <SynthesisPage key={project} project={project} route={route} />
      : null;
    if (page) return <RequireSignIn>{page}</RequireSignIn>;
  }
  return <NotFoundPage path={path} />;
}

/** The account page for whoever RequireSignIn found signed in. */
function SignedInAccount() {
  const me = useMe();
  return me ? <AccountPage me={me} /> : null;
}
