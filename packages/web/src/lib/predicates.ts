import { OKABE_ITO } from './colour';

/** How a predicate acts: up (more of the object), down (less of it) or a link (contains, mediates…). */
export type PredicateSign = 'up' | 'down' | 'link';

const DOWN = new Set(['inhibits', 'decreases', 'reduces', 'suppresses', 'downregulates', 'prevents']);
const UP = new Set(['activates', 'increases', 'promotes', 'induces', 'upregulates', 'improves', 'causes']);

export function predicateSign(predicate: string): PredicateSign {
  if (DOWN.has(predicate)) return 'down';
  if (UP.has(predicate)) return 'up';
  return 'link';
}

/** Edge colours from Okabe–Ito, told apart by line style and arrowhead too, never by colour alone. */
export const SIGN_STYLE: Record<PredicateSign, { colour: string; dash: string; label: string }> = {
  up: { colour: OKABE_ITO.bluishGreen, dash: '', label: 'increases or activates (arrow)' },
  down: { colour: OKABE_ITO.vermillion, dash: '', label: 'decreases or inhibits (flat bar)' },
  link: { colour: '#5a6270', dash: '6 4', label: 'contains, secretes, mediates or requires (dashed)' },
};

/** Node colours and shapes by entity kind (Okabe–Ito; the shape repeats the distinction). */
export const KIND_STYLE: Record<string, { colour: string; shape: string; text: '#000000' | '#ffffff' }> = {
  mirna: { colour: OKABE_ITO.orange, shape: 'round-rectangle', text: '#000000' },
  gene: { colour: OKABE_ITO.skyBlue, shape: 'ellipse', text: '#000000' },
  protein: { colour: OKABE_ITO.skyBlue, shape: 'ellipse', text: '#000000' },
  pathway: { colour: OKABE_ITO.blue, shape: 'hexagon', text: '#ffffff' },
  'cell-type': { colour: OKABE_ITO.bluishGreen, shape: 'diamond', text: '#000000' },
  process: { colour: OKABE_ITO.yellow, shape: 'rectangle', text: '#000000' },
  disease: { colour: OKABE_ITO.reddishPurple, shape: 'octagon', text: '#000000' },
  vesicle: { colour: '#D9D9D9', shape: 'barrel', text: '#000000' },
  compound: { colour: '#E5E5E5', shape: 'tag', text: '#000000' },
  anatomy: { colour: '#E5E5E5', shape: 'vee', text: '#000000' },
  species: { colour: '#E5E5E5', shape: 'star', text: '#000000' },
};

export const kindStyle = (kind: string) => KIND_STYLE[kind] ?? { colour: '#D9D9D9', shape: 'ellipse', text: '#000000' as const };
