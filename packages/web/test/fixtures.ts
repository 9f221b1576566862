/** Small records in the shapes of the API, for the unit tests of pure components. */
import type { Claim, Graph, LinkedStudy, Reference } from '../src/api/types';

export const claim = (id: string, subject: string, predicate: Claim['predicate'], object: string, refs: number[] = []): Claim => ({
  id,
  subject,
  predicate,
  object,
  context: { diseases: [], cellTypes: [] },
  section: '3',
  isHedged: false,
  referenceNumbers: refs,
  provenance: [{ section: '3', quote: `${subject} ${predicate} ${object}`, referenceNumbers: refs }],
});

export const study = (id: string, over: Partial<LinkedStudy> = {}): LinkedStudy => ({
  id,
  title: `Study ${id}`,
  inTable1: false,
  diseaseArea: 'musculoskeletal',
  condition: 'Osteoarthritis',
  model: 'mouse model',
  species: ['mouse'],
  setting: ['in-vivo'],
  cellSource: 'iMSC',
  vesicle: 'exosome',
  comparisons: [],
  outcome: 'better',
  entities: [],
  referenceNumbers: [16],
  origin: { kind: 'review' },
  provenance: [{ section: '3', quote: 'quoted', referenceNumbers: [16] }],
  linkedEntities: [],
  ...over,
});

export const reference: Reference = {
  id: 'ref-115',
  reviewNumber: 115,
  type: 'article-journal',
  authors: [
    { family: 'Zhang', given: 'X' },
    { family: 'You', given: 'J' },
  ],
  hasEtAl: true,
  title: 'Administration of mircorna-135b-reinforced exosomes derived from mscs ameliorates ONFH in rats',
  containerTitle: 'J Cell Mol Med',
  year: 2020,
  volume: '24',
  issue: '23',
  pages: '13973–83',
  printed: 'Zhang X, You J, et al. Administration … J Cell Mol Med. 2020;24(23):13973–83.',
};

export const graph: Graph = {
  nodes: [
    { id: 'mir-21', label: 'miR-21', kind: 'mirna', diseaseAreas: ['cardiovascular'] },
    { id: 'pten', label: 'PTEN', kind: 'gene', diseaseAreas: ['cardiovascular'] },
    { id: 'pi3k-akt', label: 'PI3K/Akt signalling pathway', kind: 'pathway', diseaseAreas: ['cardiovascular'], distance: 0 },
  ],
  edges: [
    { id: 'mir-21--inhibits--pten', source: 'mir-21', target: 'pten', predicate: 'inhibits', claimIds: ['c1'], figures: [2], referenceNumbers: [53] },
    { id: 'pten--inhibits--pi3k-akt', source: 'pten', target: 'pi3k-akt', predicate: 'inhibits', claimIds: ['c2'], figures: [2], referenceNumbers: [] },
    { id: 'mir-21--contains--ghost', source: 'mir-21', target: 'ghost', predicate: 'contains', claimIds: ['c3'] },
  ],
};
