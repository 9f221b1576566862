import { reviewPaths, STAGE_LABELS, STAGES, type AuditEntry, type ProjectView } from '../../api/review';
import { SelectField } from '../../components/SelectField';
import { Async } from '../../components/StatusMessage';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { Link } from '../../router/Link';
import { navigate, withQuery, type Route } from '../../router/router';
import { actionLabel, AUDIT_PAGE_SIZE, auditQuery, describeChange, pageInfo, recordHref } from './audit-log';
import { ProjectNav } from './ProjectPage';
import { useFresh } from '../../hooks/review-session';

/**
 * /reviews/:project/audit: the project's audit log, newest first: when, who, which record, stage, action, before → after,
 * reason and note. Filtered by user and stage and paged by the API (100 rows a page); the filters live in the query string.
 */
export function AuditPage({ project, route }: { project: string; route: Route }) {
  useDocumentTitle('Audit log');
  const { user, stage, page } = auditQuery(route.query);
  const view = useFresh<ProjectView>(reviewPaths.project(project));
  const log = useFresh<{ total: number; items: AuditEntry[] }>(reviewPaths.audit(project, { user, stage, limit: AUDIT_PAGE_SIZE, offset: (page - 1) * AUDIT_PAGE_SIZE }));
  const base = `/reviews/${encodeURIComponent(project)}/audit`;
  const href = (over: { user?: string; stage?: string; page?: number }): string => withQuery(base, { user, stage, ...over, page: over.page && over.page > 1 ? over.page : undefined });
  const members = view.data?.members ?? [];
  const userName = (id: number): string | undefined => members.find((m) => m.userId === id)?.username;
  const userOptions = members.map((m) => ({ value: m.username, label: m.displayName && m.displayName !== m.username ? `${m.displayName} (${m.username})` : m.username }));
  return (
    <>
      <h1>Audit log</h1>
      <ProjectNav project={project} current="/audit" />
      <p className="lead">
        Every decision, resolution and change to the project, newest first, with the state before and after. Decisions are never overwritten: a changed decision is a
        new version. In dual screening another reviewer’s decision stays hidden here too until both have decided.
      </p>
      <form className="review-form inline-form" aria-label="Filter the audit log" onSubmit={(e) => e.preventDefault()}>
        <SelectField label="Reviewer" anyLabel="Everyone" value={user ?? ''} options={userOptions} onChange={(v) => navigate(href({ user: v || undefined, page: 1 }))} />
        <SelectField label="Stage" anyLabel="Any stage" value={stage ?? ''} options={STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))} onChange={(v) => navigate(href({ stage: v || undefined, page: 1 }))} />
        {(user || stage) && (
          <p>
            <Link to={base}>Clear the filters</Link>
          </p>
        )}
      </form>
      <Async state={log} what="The audit log">
        {(d) => {
          const info = pageInfo(d.total, page);
          const filtered = [user ? `by ${user}` : '', stage ? `at ${STAGE_LABELS[stage].toLowerCase()}` : ''].filter(Boolean).join(' ');
          if (d.total === 0) return <p>No audit entry{filtered ? ` ${filtered}` : ''} yet.</p>;
          const pager = (where: 'top' | 'bottom') => (
            <nav className="pager" aria-label={where === 'top' ? 'Pages of the audit log' : 'Pages of the audit log (below the table)'}>
              <p>
                Entries {info.first}–{info.last} of {d.total} · page {info.page} of {info.pages}{' '}
                {info.previous !== undefined && <Link to={href({ page: info.previous })}>Previous {AUDIT_PAGE_SIZE}</Link>}{' '}
                {info.next !== undefined && <Link to={href({ page: info.next })}>Next {AUDIT_PAGE_SIZE}</Link>}
              </p>
            </nav>
          );
          if (d.items.length === 0)
            return (
              <p>
                No entries on page {page}. <Link to={href({ page: info.pages })}>Go to the last page ({info.pages})</Link>
              </p>
            );
          return (
            <>
              {pager('top')}
              <div className="table-wrap" role="region" aria-label="Audit log entries" tabIndex={0}>
                <table className="data-table audit-table">
                  <caption>
                    Audit log{filtered ? ` ${filtered}` : ''}, newest first: entries {info.first}–{info.last} of {d.total}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">When</th>
                      <th scope="col">Who</th>
                      <th scope="col">Record</th>
                      <th scope="col">Stage</th>
                      <th scope="col">Action</th>
                      <th scope="col">Before → after</th>
                      <th scope="col">Reason and note</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.items.map((e) => {
                      const change = describeChange(e, userName);
                      const to = recordHref(project, e);
                      const label = e.recordId === undefined ? '–' : `${e.recordTitle || '(no title)'} (record ${e.recordId})`;
                      return (
                        <tr key={e.id}>
                          <td>
                            <time dateTime={e.at}>{e.at.replace('T', ' ').slice(0, 16)} UTC</time>
                          </td>
                          <td>{e.username}</td>
                          <td>{to ? <Link to={to}>{label}</Link> : label}</td>
                          <td>{e.stage ? STAGE_LABELS[e.stage] : '–'}</td>
                          <td>{actionLabel(e.action)}</td>
                          <td>
                            {change.before} → {change.after}
                          </td>
                          <td>{change.notes || '–'}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              {info.pages > 1 && pager('bottom')}
            </>
          );
        }}
      </Async>
    </>
  );
}
