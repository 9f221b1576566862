import { foldForQuote, type IsolationMethod, type Provenance } from '@exoatlas/schema';
import type { Equipment } from './needs.js';

/**
 * What each method needs, as the review describes it: the words of section 2 that say so. The advisor looks each
 * phrase up in the method's own provenance in data/isolation-methods.yaml and cites that entry; a phrase that is not
 * found there gives no basis, and the method's equipment is then "unknown".
 */
export const METHOD_EQUIPMENT: Readonly<Record<IsolationMethod['id'], readonly { equipment: Equipment; phrase: string }[]>> = {
  duc: [{ equipment: 'ultracentrifuge', phrase: 'differential ultracentrifugation (dUC)' }],
  sec: [{ equipment: 'chromatography', phrase: 'the need for expensive chromatographic sorbents' }],
  uf: [{ equipment: 'membrane-filters', phrase: 'through filtering with membrane filters' }],
  peg: [{ equipment: 'polymers', phrase: 'Hydrophilic polymers are used in PEG' }],
  ia: [{ equipment: 'antibodies', phrase: 'antibodies against EV receptors' }],
  mf: [{ equipment: 'microfluidics', phrase: 'devices consisting of small units having a network of microchannels' }],
};

/** Every provenance entry of a method: the record's own, and those of its statements and combinations. */
export function methodProvenance(method: IsolationMethod): Provenance[] {
  return [...method.provenance, ...[...method.advantages, ...method.disadvantages, ...method.combinations].flatMap((s) => s.provenance)];
}

/** The equipment a method needs, each with the provenance entry that says so. */
export function methodEquipment(method: IsolationMethod): { equipment: Equipment; provenance: Provenance }[] {
  const entries = methodProvenance(method);
  return (METHOD_EQUIPMENT[method.id] ?? []).flatMap(({ equipment, phrase }) => {
    const folded = foldForQuote(phrase);
    const provenance = entries.find((p) => foldForQuote(p.quote).includes(folded));
    return provenance ? [{ equipment, provenance }] : [];
  });
}
