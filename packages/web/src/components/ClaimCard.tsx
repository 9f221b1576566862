import type { Claim } from '../api/types';
import { FIGURE_TITLES, sectionLabel } from '../lib/labels';
import { predicateSign } from '../lib/predicates';
import { Link } from '../router/Link';
import { withQuery } from '../router/router';
import { ProvenanceList } from './ProvenanceQuote';
import { RefNumbers } from './RefNumbers';

/** One mechanism claim: subject – predicate – object, its context, the review's quotes and references. */
export function ClaimCard({ claim: c, names, headingLevel = 4 }: { claim: Claim; names: ReadonlyMap<string, string>; headingLevel?: 3 | 4 }) {
  const name = (id: string): string => names.get(id) ?? id;
  const H = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <article className="claim" id={`claim-${c.id}`}>
      <H className="claim-title">
        <Link to={`/entities/${c.subject}`}>{name(c.subject)}</Link> <span className={`predicate predicate-${predicateSign(c.predicate)}`}>{c.predicate}</span>{' '}
        <Link to={`/entities/${c.object}`}>{name(c.object)}</Link>
        {c.isHedged && <span className="hedge"> — stated as possible</span>}
      </H>
      <p className="claim-meta">
        {sectionLabel(c.section)}
        {c.figure !== undefined && (
          <>
            {' · '}
            <Link to={withQuery('/mechanisms', { figure: c.figure })} title={FIGURE_TITLES[c.figure]}>
              Figure {c.figure}
            </Link>
          </>
        )}
        {c.context.cellSource && <> · vesicles from {c.context.cellSourceCorrected ?? c.context.cellSource}</>}
        {c.context.diseases.length > 0 && <> · in {c.context.diseases.map(name).join(', ')}</>}
        {c.referenceNumbers.length > 0 && (
          <>
            {' · '}
            <RefNumbers numbers={c.referenceNumbers} />
          </>
        )}
      </p>
      <ClaimCorrections claim={c} />
      <ProvenanceList provenance={c.provenance} />
    </article>
  );
}

const CORRECTED_FIELDS: Record<string, string> = { 'context.cellSource': 'Vesicles from', subject: 'Subject', object: 'Object' };

/**
 * Where the curators corrected what the review prints for the claim's cell source or entities: both are shown, the
 * corrected value being the one filters, the graph and counts use.
 */
export function ClaimCorrections({ claim: c }: { claim: Claim }) {
  const corrections = (c.corrections ?? []).filter((x) => x.field in CORRECTED_FIELDS);
  if (corrections.length === 0) return null;
  return (
    <ul className="claim-corrections">
      {corrections.map((x, i) => {
        const isSource = x.field === 'context.cellSource';
        const printed = isSource && c.context.cellSource ? c.context.cellSource : x.asPrinted;
        const corrected = isSource && c.context.cellSourceCorrected ? c.context.cellSourceCorrected : x.reading;
        return (
          <li key={i} className="claim-correction">
            {CORRECTED_FIELDS[x.field]}: printed: {printed}; corrected: <strong>{corrected}</strong> — curators' note: {x.note}
          </li>
        );
      })}
    </ul>
  );
}
