import type { Provenance } from '@exoatlas/schema';
import type { NeedName } from './needs.js';

/** One reason for a method's rank: a statement of the review that favours the method for a need or counts against it. */
export interface AdvisorReason {
  need: NeedName;
  effect: 'favours' | 'counts against';
  /** Points it adds to the score: +weight or −weight. */
  points: number;
  /** The statement in a few words (from data/isolation-methods.yaml, or the equipment table). */
  statement: string;
  /** Verbatim from the review. */
  quote: string;
  section: string;
  referenceNumbers: number[];
}

/** The reason fields that come from a provenance entry. */
export const citeProvenance = (p: Provenance): Pick<AdvisorReason, 'quote' | 'section' | 'referenceNumbers'> => ({
  quote: p.quote,
  section: p.section,
  referenceNumbers: [...p.referenceNumbers],
});
