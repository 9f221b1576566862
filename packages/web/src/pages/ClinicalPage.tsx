import { useMemo } from 'react';
import { paths } from '../api/client';
import type { KnowledgeBase } from '../api/types';
import { ProvenanceList } from '../components/ProvenanceQuote';
import { RefNumbers } from '../components/RefNumbers';
import { ReferenceEntry } from '../components/ReferenceEntry';
import { StatementItem } from '../components/StatementItem';
import { Async } from '../components/StatusMessage';
import { useApi } from '../hooks/useApi';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { provenanceReferenceNumbers } from '../lib/references';

const LIMITATION_KINDS: { kind: string; title: string }[] = [
  { kind: 'manufacturing', title: 'Manufacturing' },
  { kind: 'immunogenicity', title: 'Immunogenicity' },
  { kind: 'safety', title: 'Safety' },
  { kind: 'evidence', title: 'Strength of the evidence' },
  { kind: 'review', title: "The review's own limitations" },
];

const FACT_TOPICS = ['clinical', 'safety', 'efficacy', 'manufacturing', 'pharmacology', 'biology', 'evidence'];

const numberKey = (n: string): number => parseInt(n, 10) * 100 + (n.match(/[a-z]$/)?.[0].charCodeAt(0) ?? 0);

/** What stands between iMSC exosomes and the clinic: advantages, limitations, trials, gaps and directions. */
export function ClinicalPage() {
  useDocumentTitle('Clinical translation');
  const kb = useApi<KnowledgeBase>(paths.exportKb());
  return (
    <>
      <h1>Clinical translation</h1>
      <p className="lead">
        Why iPSC-derived MSCs are attractive, what stands between their exosomes and the clinic, where trials stand and what the review asks for next, each
        with the review's words and references.
      </p>
      <nav className="toc" aria-label="On this page">
        <ul>
          <li>
            <a href="#status">Where translation stands</a>
          </li>
          <li>
            <a href="#advantages">Advantages of iMSCs</a>
          </li>
          <li>
            <a href="#limitations">Limitations and concerns</a>
          </li>
          <li>
            <a href="#gaps">Evidence gaps</a>
          </li>
          <li>
            <a href="#directions">Future directions</a>
          </li>
          <li>
            <a href="#key-messages">Key messages</a>
          </li>
          <li>
            <a href="#facts">Numbers the review states</a>
          </li>
          <li>
            <a href="#page-references">References</a>
          </li>
        </ul>
      </nav>
      <Async state={kb} what="Clinical translation">
        {(data) => <ClinicalView kb={data} />}
      </Async>
    </>
  );
}

function ClinicalView({ kb }: { kb: KnowledgeBase }) {
  const status = kb.directions.filter((d) => d.kind === 'translation-status');
  const future = kb.directions.filter((d) => d.kind === 'future-direction');
  const messages = kb.directions.filter((d) => d.kind === 'key-message');
  const advantages = [...kb.advantages].sort((a, b) => numberKey(a.number) - numberKey(b.number));
  const facts = [...kb.facts].sort((a, b) => FACT_TOPICS.indexOf(a.topic) - FACT_TOPICS.indexOf(b.topic));
  const cited = useMemo(() => {
    const all = [...status, ...future, ...messages, ...kb.advantages, ...kb.limitations, ...kb.gaps, ...kb.facts].flatMap((x) => provenanceReferenceNumbers(x.provenance));
    const set = new Set(all);
    return kb.references.filter((r) => set.has(r.reviewNumber));
  }, [kb, status, future, messages]);
  return (
    <>
      <section id="status" aria-labelledby="status-heading">
        <h2 id="status-heading">Where translation stands</h2>
        <ul className="statements">
          {status.map((d) => (
            <StatementItem key={d.id} id={`direction-${d.id}`} title={d.title} text={d.text} provenance={d.provenance} note={d.curationNote} />
          ))}
        </ul>
      </section>
      <section id="advantages" aria-labelledby="advantages-heading">
        <h2 id="advantages-heading">Advantages of iMSCs over adult MSCs</h2>
        <ul className="statements">
          {advantages.map((a) => (
            <StatementItem key={a.id} id={`advantage-${a.id}`} badge={a.number} title={a.title} text={a.text} provenance={a.provenance} note={a.curationNote} />
          ))}
        </ul>
      </section>
      <section id="limitations" aria-labelledby="limitations-heading">
        <h2 id="limitations-heading">Limitations and concerns</h2>
        {LIMITATION_KINDS.map(({ kind, title }) => {
          const items = kb.limitations.filter((l) => l.kind === kind).sort((a, b) => (a.number ?? 99) - (b.number ?? 99));
          if (items.length === 0) return null;
          return (
            <section key={kind} aria-labelledby={`lim-${kind}`}>
              <h3 id={`lim-${kind}`}>{title}</h3>
              <ul className="statements">
                {items.map((l) => (
                  <StatementItem
                    key={l.id}
                    id={`limitation-${l.id}`}
                    headingLevel={4}
                    badge={l.number !== undefined ? String(l.number) : undefined}
                    title={l.title}
                    text={l.text}
                    provenance={l.provenance}
                    note={l.curationNote}
                  />
                ))}
              </ul>
            </section>
          );
        })}
      </section>
      <section id="gaps" aria-labelledby="gaps-heading">
        <h2 id="gaps-heading">Evidence gaps</h2>
        <ul className="statements">
          {kb.gaps.map((g) => (
            <StatementItem key={g.id} id={`gap-${g.id}`} text={<strong>{g.text}</strong>} provenance={g.provenance} note={g.curationNote} />
          ))}
        </ul>
      </section>
      <section id="directions" aria-labelledby="directions-heading">
        <h2 id="directions-heading">Future directions</h2>
        <ul className="statements">
          {future.map((d) => (
            <StatementItem key={d.id} id={`direction-${d.id}`} title={d.title} text={d.text} provenance={d.provenance} note={d.curationNote} />
          ))}
        </ul>
      </section>
      <section id="key-messages" aria-labelledby="key-messages-heading">
        <h2 id="key-messages-heading">The review's key messages</h2>
        <ul className="statements">
          {messages.map((d) => (
            <StatementItem key={d.id} id={`direction-${d.id}`} title={d.title} text={d.text} provenance={d.provenance} note={d.curationNote} />
          ))}
        </ul>
      </section>
      <section id="facts" aria-labelledby="facts-heading">
        <h2 id="facts-heading">Numbers the review states</h2>
        <div className="table-wrap" role="region" aria-label="Table of the numbers the review states" tabIndex={0}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">What</th>
                <th scope="col" className="num">
                  Value
                </th>
                <th scope="col">Topic</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {facts.map((f) => (
                <tr key={f.id} id={`fact-${f.id}`}>
                  <th scope="row">{f.measure}</th>
                  <td className="num">
                    {f.qualifier === 'over' ? '> ' : f.qualifier === 'around' ? '≈ ' : f.qualifier === 'up-to' ? '≤ ' : f.qualifier === 'at-least' ? '≥ ' : ''}
                    {f.value}
                    {f.valueMax !== undefined ? `–${f.valueMax}` : ''}
                    {f.unit && f.unit !== 'year' ? ` ${f.unit}` : ''}
                  </td>
                  <td>{f.topic}</td>
                  <td>
                    <details>
                      <summary>Quote</summary>
                      <ProvenanceList provenance={f.provenance} />
                    </details>
                    <RefNumbers numbers={provenanceReferenceNumbers(f.provenance)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section id="page-references" aria-labelledby="page-references-heading">
        <h2 id="page-references-heading">References cited on this page</h2>
        <ol className="reference-list plain">
          {cited.map((r) => (
            <li key={r.id}>
              <ReferenceEntry reference={r} />
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
