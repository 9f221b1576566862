import type { ReactNode } from 'react';
import type { Provenance } from '../api/types';
import { provenanceReferenceNumbers } from '../lib/references';
import { ProvenanceList } from './ProvenanceQuote';
import { RefNumbers } from './RefNumbers';

/** A curated statement (advantage, limitation, direction, gap…): title, text, references, and the quotes on demand. */
export function StatementItem({
  id,
  title,
  text,
  provenance,
  note,
  badge,
  headingLevel = 3,
}: {
  id: string;
  title?: ReactNode;
  text: ReactNode;
  provenance: readonly Provenance[];
  note?: string;
  badge?: string;
  headingLevel?: 3 | 4;
}) {
  const H = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <li id={id} className="statement">
      {title && (
        <H className="statement-title">
          {badge && <span className="badge">{badge}</span>} {title}
        </H>
      )}
      <p>
        {text} <RefNumbers numbers={provenanceReferenceNumbers(provenance)} />
      </p>
      <details>
        <summary>The review's words ({provenance.length === 1 ? '1 quote' : `${provenance.length} quotes`})</summary>
        <ProvenanceList provenance={provenance} />
        {note && <p className="curation-note-inline">Curator's note: {note}</p>}
      </details>
    </li>
  );
}
