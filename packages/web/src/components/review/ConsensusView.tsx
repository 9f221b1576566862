/** Where the reviewers' forms differ (once the API shows them), the consensus state and the way to the consensus form. */
import { useId } from 'react';
import type { ExtractionSchema, FormKind, FormsView } from '../../api/review';
import { Link } from '../../router/Link';
import { pct } from './ReviewParts';

const show = (v: unknown): string => (v === undefined || v === null || v === '' ? '(empty)' : typeof v === 'string' ? v : JSON.stringify(v));

export function ConsensusView({ forms: f, kind, schema, asConsensus, canResolve, link }: { forms: FormsView; kind: FormKind; schema: ExtractionSchema; asConsensus: boolean; canResolve: boolean; link: (as: string | undefined) => string }) {
  const headingId = useId();
  const [a, b] = [f.forms[0]?.reviewer ?? 'first reviewer', f.forms[1]?.reviewer ?? 'second reviewer'];
  const itemLabel = (path: string): string => {
    const id = path.startsWith('items.') ? path.slice(6) : null;
    if (id === null || kind === 'extraction') return path;
    const s = kind === 'rob' ? schema.syrcle.find((x) => x.id === id) : undefined;
    const m = kind === 'misev' ? schema.misev.items.find((x) => x.id === id) : undefined;
    return s ? `${s.number}. ${s.label}` : (m?.label ?? path);
  };
  return (
    <section className="consensus-view" aria-labelledby={headingId}>
      <h2 id={headingId}>Reviewers' forms and consensus</h2>
      <p>
        Status: {f.status}
        {f.consensus ? ` · consensus form saved (version ${f.consensus.version}${f.consensus.reviewer ? ` by ${f.consensus.reviewer}` : ''})` : ' · no consensus form yet'}
        {f.agreement && f.agreement.percent !== null ? ` · agreement ${pct(f.agreement.percent)} (${f.agreement.agreed} of ${f.agreement.items} items${f.agreement.kappa !== null ? `, κ ${f.agreement.kappa.toFixed(2)}` : ''})` : ''}
      </p>
      {f.forms.length < 2 ? (
        <p className="muted">The discrepancies are shown once two reviewers' forms are visible to you (a reviewer sees the others' forms after saving their own).</p>
      ) : f.discrepancies.length === 0 ? (
        <p>The reviewers' forms agree.</p>
      ) : (
        <div className="table-wrap" role="region" aria-label="Discrepancies" tabIndex={0}>
          <table className="data-table">
            <caption>
              {f.discrepancies.length} discrepanc{f.discrepancies.length === 1 ? 'y' : 'ies'} between the forms of {a} and {b}
            </caption>
            <thead>
              <tr>
                <th scope="col">{kind === 'extraction' ? 'Field' : 'Item'}</th>
                <th scope="col">{a}</th>
                <th scope="col">{b}</th>
              </tr>
            </thead>
            <tbody>
              {f.discrepancies.map((d) => (
                <tr key={d.path}>
                  <th scope="row">
                    <code>{itemLabel(d.path)}</code>
                  </th>
                  <td>{show(d.a)}</td>
                  <td>{show(d.b)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canResolve && (
        <p>
          {asConsensus ? (
            <Link to={link(undefined)}>Back to your own form</Link>
          ) : (
            <Link to={link('consensus')}>{f.consensus ? 'Edit the consensus form' : 'Save a consensus form'}</Link>
          )}
        </p>
      )}
    </section>
  );
}
