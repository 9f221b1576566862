import { ExoError } from '@exoatlas/schema';

/** The values each need can take: what a user asks of an isolation method. */
export const NEED_VALUES = {
  volume: ['small', 'large'],
  purity: ['high', 'low'],
  yield: ['high', 'low'],
  cost: ['low'],
  scalability: ['high'],
  speed: ['high'],
  function: ['preserved'],
  reproducibility: ['high'],
} as const satisfies Record<string, readonly string[]>;

/** Equipment and materials a user may have at hand; each method needs some (see equipment.ts). */
export const EQUIPMENT = ['ultracentrifuge', 'chromatography', 'membrane-filters', 'polymers', 'antibodies', 'microfluidics'] as const;
export type Equipment = (typeof EQUIPMENT)[number];

export type ValueNeed = keyof typeof NEED_VALUES;
export type NeedName = ValueNeed | 'equipment';
export const NEED_NAMES: readonly NeedName[] = [...(Object.keys(NEED_VALUES) as ValueNeed[]), 'equipment'];

/** A user's needs: each optional, with optional importance weights (default 1). */
export type AdvisorNeeds = { -readonly [K in ValueNeed]?: (typeof NEED_VALUES)[K][number] } & {
  /** What is at hand; an empty list means nothing is. */
  equipment?: Equipment[];
  weights: Partial<Record<NeedName, number>>;
};

/** Needs as a command line or query string gives them: `volume`, `equipment` (comma-separated), `weight.purity`. */
export type RawNeeds = Record<string, string | readonly string[] | undefined>;

export const MAX_WEIGHT = 10;

const bad = (field: string, message: string): ExoError => new ExoError('EXO_ERR_ADVISOR_INPUT', message, { field });

const list = (value: string | readonly string[]): string[] => (typeof value === 'string' ? [value] : [...value]);

/**
 * Parses and checks a user's needs. Anything impossible or unknown throws EXO_ERR_ADVISOR_INPUT naming the field:
 * an unknown need, a value a need cannot take (volume=huge), two values at once (purity=high and purity=low), an
 * unknown piece of equipment, a weight that is not a number above 0 and at most 10, or a weight for a need not given.
 */
export function parseNeeds(raw: RawNeeds): AdvisorNeeds {
  const needs: AdvisorNeeds = { weights: {} };
  const weights: [NeedName, string][] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const values = list(value).map((v) => v.trim().toLowerCase());
    if (key.startsWith('weight.')) {
      const need = key.slice('weight.'.length);
      if (!(NEED_NAMES as readonly string[]).includes(need)) throw bad(key, `cannot weigh unknown need '${need}'; known needs: ${NEED_NAMES.join(', ')}`);
      if (new Set(values).size > 1) throw bad(key, `${key} is given twice with different values (${values.join(', ')})`);
      weights.push([need as NeedName, values[0]!]);
    } else if (key === 'equipment') {
      const items = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
      if (items.length === 0) throw bad(key, `equipment needs at least one item (or 'none'); known: ${EQUIPMENT.join(', ')}`);
      if (items.includes('none')) {
        if (items.length > 1) throw bad(key, `equipment cannot be both 'none' and ${items.filter((i) => i !== 'none').join(', ')}`);
        needs.equipment = [];
        continue;
      }
      for (const item of items) if (!(EQUIPMENT as readonly string[]).includes(item)) throw bad(key, `unknown equipment '${item}'; known: ${EQUIPMENT.join(', ')} (or none)`);
      needs.equipment = [...new Set(items as Equipment[])];
    } else if (key in NEED_VALUES) {
      const need = key as ValueNeed;
      const allowed: readonly string[] = NEED_VALUES[need];
      for (const v of values) if (!allowed.includes(v)) throw bad(key, `${key} must be ${allowed.join(' or ')} (got '${v}')`);
      const distinct = [...new Set(values)];
      if (distinct.length > 1) throw bad(key, `${key} cannot be both ${distinct.join(' and ')}`);
      (needs as Record<string, unknown>)[need] = distinct[0];
    } else {
      throw bad(key, `unknown need '${key}'; known needs: ${NEED_NAMES.join(', ')} (weights as weight.<need>)`);
    }
  }
  for (const [need, text] of weights) {
    const w = Number(text);
    if (!/^\d+(\.\d+)?$/.test(text) || !(w > 0 && w <= MAX_WEIGHT)) throw bad(`weight.${need}`, `weight.${need} must be a number above 0 and at most ${MAX_WEIGHT} (got '${text}')`);
    if (needs[need] === undefined) throw bad(`weight.${need}`, `weight.${need} is given but ${need} is not: say what you need (e.g. ${need}=${need === 'equipment' ? EQUIPMENT[0] : NEED_VALUES[need][0]})`);
    needs.weights[need] = w;
  }
  return needs;
}

/** The needs that were given, in NEED_NAMES order. */
export function givenNeeds(needs: AdvisorNeeds): NeedName[] {
  return NEED_NAMES.filter((n) => needs[n] !== undefined);
}
