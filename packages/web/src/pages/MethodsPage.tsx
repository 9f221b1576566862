import { useId } from 'react';
import { paths, type ApiResponses } from '../api/client';
import type { Advice, AdviceRank, IsolationMethod, MethodStatementView } from '../api/types';
import { ProvenanceList } from '../components/ProvenanceQuote';
import { RefNumbers } from '../components/RefNumbers';
import { Async } from '../components/StatusMessage';
import { useApi } from '../hooks/useApi';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { sectionLabel } from '../lib/labels';
import { navigate, withQuery, type Route } from '../router/router';

/** The advisor's questions: each a query parameter of /api/methods/advise with its choices. */
export const ADVISOR_NEEDS: { name: string; question: string; choices: { value: string; label: string }[] }[] = [
  { name: 'volume', question: 'Volume of starting material', choices: [{ value: 'small', label: 'Small' }, { value: 'large', label: 'Large' }] },
  { name: 'purity', question: 'Purity needed', choices: [{ value: 'low', label: 'Crude is fine' }, { value: 'high', label: 'High' }] },
  { name: 'yield', question: 'Yield', choices: [{ value: 'low', label: 'Not critical' }, { value: 'high', label: 'High' }] },
  { name: 'reproducibility', question: 'Reproducibility', choices: [{ value: 'high', label: 'Must be easy to reproduce' }] },
  { name: 'scalability', question: 'Scalable process', choices: [{ value: 'high', label: 'Must scale' }] },
  { name: 'speed', question: 'Speed', choices: [{ value: 'high', label: 'Must be fast' }] },
  { name: 'cost', question: 'Budget', choices: [{ value: 'low', label: 'Low cost' }] },
  { name: 'function', question: 'Vesicle integrity and function', choices: [{ value: 'preserved', label: 'Must be preserved' }] },
];

/** Equipment the lab has; sent as equipment=a,b. */
export const EQUIPMENT: { value: string; label: string }[] = [
  { value: 'ultracentrifuge', label: 'Ultracentrifuge' },
  { value: 'chromatography', label: 'Chromatography columns' },
  { value: 'membrane-filters', label: 'Membrane filters' },
  { value: 'polymers', label: 'Polymers (PEG)' },
  { value: 'antibodies', label: 'Antibodies' },
  { value: 'microfluidics', label: 'Microfluidic devices' },
];

export function readNeeds(query: URLSearchParams): Record<string, string> {
  const needs: Record<string, string> = {};
  for (const n of ADVISOR_NEEDS) {
    const v = query.get(n.name);
    if (v) needs[n.name] = v;
  }
  const eq = query.get('equipment');
  if (eq) needs.equipment = eq;
  return needs;
}

/** The six isolation methods side by side, and the advisor that ranks them for a lab's needs with the review's words. */
export function MethodsPage({ route }: { route: Route }) {
  useDocumentTitle('Isolation methods');
  const methods = useApi<ApiResponses['methods']>(paths.methods());
  const needs = readNeeds(route.query);
  const hasNeeds = Object.keys(needs).length > 0;
  const advice = useApi<ApiResponses['advise']>(hasNeeds ? paths.advise(needs) : null);
  return (
    <>
      <h1>Isolation methods</h1>
      <p className="lead">
        The review compares six ways to isolate exosomes. Compare their principles, advantages and disadvantages, or let the advisor rank them for your
        process — each ranking explained with the review's own statements.
      </p>
      <section aria-labelledby="compare-heading">
        <h2 id="compare-heading">The six methods side by side</h2>
        <Async state={methods} what="Isolation methods">
          {(m) => (
            <>
              <MethodTable methods={m.items} />
              <MethodCards methods={m.items} />
            </>
          )}
        </Async>
      </section>
      <section aria-labelledby="advisor-heading" id="advisor">
        <h2 id="advisor-heading">Which method suits my process?</h2>
        <AdvisorForm needs={needs} />
        {hasNeeds && (
          <Async state={advice} what="The advisor">
            {(a) => <AdviceView advice={a} />}
          </Async>
        )}
      </section>
    </>
  );
}

function StatementCell({ items }: { items: MethodStatementView[] }) {
  if (items.length === 0) return <span className="muted">None stated</span>;
  return (
    <ul className="method-statements">
      {items.map((st, i) => (
        <li key={i}>
          {st.text} <RefNumbers numbers={[...new Set(st.provenance.flatMap((p) => p.referenceNumbers))].sort((a, b) => a - b)} />
          <details className="statement-quote">
            <summary>Quote</summary>
            <ProvenanceList provenance={st.provenance} />
          </details>
        </li>
      ))}
    </ul>
  );
}

function MethodTable({ methods }: { methods: IsolationMethod[] }) {
  return (
    <div className="table-wrap only-wide" role="region" aria-label="The six isolation methods side by side" tabIndex={0}>
      <table className="data-table method-table">
        <thead>
          <tr>
            <td className="method-corner" />
            {methods.map((m) => (
              <th key={m.id} scope="col" id={`method-${m.id}`}>
                <span className="method-abbr">{m.abbr}</span>
                <span className="method-name">{m.name}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Principle</th>
            {methods.map((m) => (
              <td key={m.id}>{m.principle}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">Separates by</th>
            {methods.map((m) => (
              <td key={m.id}>{m.separationBasis.join(', ')}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">Advantages</th>
            {methods.map((m) => (
              <td key={m.id} className="pro">
                <StatementCell items={m.advantages} />
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">Disadvantages</th>
            {methods.map((m) => (
              <td key={m.id} className="con">
                <StatementCell items={m.disadvantages} />
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">Typical use</th>
            {methods.map((m) => (
              <td key={m.id}>{m.typicalUse.length ? m.typicalUse.join('; ') : '–'}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">Combined with</th>
            {methods.map((m) => (
              <td key={m.id}>{m.combinations.length ? [...new Set(m.combinations.map((c) => c.with))].join(', ') : '–'}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">References</th>
            {methods.map((m) => (
              <td key={m.id}>
                <RefNumbers numbers={m.referenceNumbers} />
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** The same comparison as cards, one method after another, for narrow screens. */
function MethodCards({ methods }: { methods: IsolationMethod[] }) {
  return (
    <div className="method-cards only-narrow">
      {methods.map((m) => (
        <article key={m.id} className="method-card" data-anchor={`method-${m.id}`}>
          <h3>
            {m.abbr} <span className="method-name">{m.name}</span>
          </h3>
          <p>{m.principle}</p>
          <h4>Advantages</h4>
          <div className="pro">
            <StatementCell items={m.advantages} />
          </div>
          <h4>Disadvantages</h4>
          <div className="con">
            <StatementCell items={m.disadvantages} />
          </div>
          <p className="muted">
            Separates by {m.separationBasis.join(', ')}
            {m.combinations.length > 0 ? ` · used with ${[...new Set(m.combinations.map((c) => c.with))].join(', ')}` : ''} · <RefNumbers numbers={m.referenceNumbers} />
          </p>
        </article>
      ))}
    </div>
  );
}

function AdvisorForm({ needs }: { needs: Record<string, string> }) {
  const id = useId();
  const set = (name: string, value: string): void => navigate(withQuery('/methods', { ...needs, [name]: value }), { replace: true });
  const equipment = new Set((needs.equipment ?? '').split(',').filter(Boolean));
  const toggleEquipment = (value: string, isOn: boolean): void => {
    const next = new Set(equipment);
    if (isOn) next.add(value);
    else next.delete(value);
    set('equipment', [...next].join(','));
  };
  return (
    <form className="advisor" aria-label="Isolation method advisor" onSubmit={(e) => e.preventDefault()}>
      <p className="hint">Answer what matters to you; the ranking updates as you choose. Leave the rest on “No preference”.</p>
      <div className="advisor-grid">
        {ADVISOR_NEEDS.map((n) => (
          <fieldset key={n.name} className="choice-group">
            <legend>{n.question}</legend>
            {[{ value: '', label: 'No preference' }, ...n.choices].map((c) => (
              <label key={c.value} className="choice">
                <input type="radio" name={`${id}-${n.name}`} value={c.value} checked={(needs[n.name] ?? '') === c.value} onChange={() => set(n.name, c.value)} /> {c.label}
              </label>
            ))}
          </fieldset>
        ))}
        <fieldset className="choice-group">
          <legend>Equipment you have</legend>
          {EQUIPMENT.map((eq) => (
            <label key={eq.value} className="choice">
              <input type="checkbox" name={`${id}-equipment`} value={eq.value} checked={equipment.has(eq.value)} onChange={(e) => toggleEquipment(eq.value, e.target.checked)} /> {eq.label}
            </label>
          ))}
        </fieldset>
      </div>
      {Object.keys(needs).length > 0 && (
        <button type="button" className="button button-secondary" onClick={() => navigate('/methods', { replace: true })}>
          Clear answers
        </button>
      )}
    </form>
  );
}

const EFFECT_LABEL = (effect: string): { text: string; cls: string } =>
  /^(\+|pro|for|favou?rs?|supports?|good|positive|advantage)/i.test(effect)
    ? { text: 'For', cls: 'effect-for' }
    : /^(-|−|con|counts against|against|bad|negative|disadvantage)/i.test(effect)
      ? { text: 'Against', cls: 'effect-against' }
      : { text: effect, cls: 'effect-neutral' };

function AdviceView({ advice }: { advice: Advice }) {
  const ranking = [...advice.ranking].sort((a, b) => a.rank - b.rank);
  const notes = (advice.notes ?? []).map((n) => (typeof n === 'string' ? n : (n.text ?? JSON.stringify(n))));
  const combos = (advice.combinations ?? []).map((c) => (typeof c === 'string' ? { text: c } : c));
  return (
    <div className="advice" aria-live="polite">
      <h3>Ranking for your needs</h3>
      <ol className="ranking">
        {ranking.map((r) => (
          <RankItem key={r.method} rank={r} />
        ))}
      </ol>
      {combos.length > 0 && (
        <>
          <h3>Combinations the review mentions</h3>
          <ul className="statements">
            {combos.map((c, i) => (
              <li key={i} className="statement">
                <p>
                  {'methods' in c && c.methods ? <strong>{c.methods.join(' + ')}: </strong> : null}
                  {c.text}
                  {'favours' in c && c.favours && c.favours.length > 0 ? <span className="muted"> — together they favour {c.favours.join(', ')}</span> : null}
                </p>
                {'quote' in c && c.quote && (
                  <figure className="quote quote-compact">
                    <blockquote>
                      <p>{c.quote}</p>
                    </blockquote>
                    <figcaption>
                      {c.section ? sectionLabel(c.section) : ''} <RefNumbers numbers={c.referenceNumbers ?? []} />
                    </figcaption>
                  </figure>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {notes.length > 0 && (
        <>
          <h3>Notes</h3>
          <ul>
            {notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function RankItem({ rank: r }: { rank: AdviceRank }) {
  return (
    <li className="rank" id={`rank-${r.method}`}>
      <h4 className="rank-title">
        <span className="rank-number">{r.rank}.</span> {r.method} — {r.name} <span className="rank-score">score {r.score > 0 ? `+${r.score}` : r.score}</span>
      </h4>
      {r.reasons.length === 0 ? (
        (r.unknown ?? []).length === 0 && <p className="muted">No statement of the review bears on this method for the needs you chose.</p>
      ) : (
        <ul className="reasons">
          {r.reasons.map((why, i) => {
            const eff = EFFECT_LABEL(String(why.effect));
            return (
              <li key={i} className={`reason ${eff.cls}`}>
                <span className="effect">{eff.text}</span> <strong>{why.need}</strong>: {why.statement}{' '}
                {why.quote && (
                  <figure className="quote quote-compact">
                    <blockquote>
                      <p>{why.quote}</p>
                    </blockquote>
                    <figcaption>
                      {why.section ? sectionLabel(why.section) : ''} <RefNumbers numbers={why.referenceNumbers ?? []} />
                    </figcaption>
                  </figure>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {r.unknown && r.unknown.length > 0 && <p className="muted">The review says nothing about: {r.unknown.join(', ')}.</p>}
    </li>
  );
}
