import type { Provenance } from '../api/types';
import { sectionLabel } from '../lib/labels';
import { RefNumbers } from './RefNumbers';

/** A verbatim span of the review, shown as a quotation with its section and the references it cites. */
export function ProvenanceQuote({ provenance }: { provenance: Provenance }) {
  return (
    <figure className="quote">
      <blockquote>
        <p>{provenance.quote}</p>
      </blockquote>
      <figcaption>
        <span className="quote-section">{sectionLabel(provenance.section)}</span>
        {provenance.referenceNumbers.length > 0 && (
          <>
            {' · cites '}
            <RefNumbers numbers={provenance.referenceNumbers} />
          </>
        )}
      </figcaption>
    </figure>
  );
}

/** Every provenance entry of a record. */
export function ProvenanceList({ provenance, heading }: { provenance: readonly Provenance[] | undefined; heading?: string }) {
  if (!provenance || provenance.length === 0) return null;
  return (
    <div className="provenance">
      {heading && <h3 className="provenance-heading">{heading}</h3>}
      {provenance.map((p, i) => (
        <ProvenanceQuote key={i} provenance={p} />
      ))}
    </div>
  );
}
