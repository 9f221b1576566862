import type { IsolationMethod, MethodStatement } from '@exoatlas/schema';
import { methodEquipment } from './equipment.js';
import { citeProvenance, type AdvisorReason } from './reason.js';
import type { AdvisorNeeds, NeedName, ValueNeed } from './needs.js';

/** Which end of the volume scale a statement speaks of ("large volumes", "a much smaller sample"), from its words. */
export function volumePole(statement: MethodStatement): 'large' | 'small' | undefined {
  const text = [statement.text, ...statement.provenance.map((p) => p.quote)].join(' ');
  if (/\blarge/i.test(text)) return 'large';
  if (/\bsmall/i.test(text)) return 'small';
  return undefined;
}

/**
 * How one statement bears on a need as asked, or undefined when it does not:
 * - volume: a statement about the asked end of the scale (large or small) — an advantage favours, a disadvantage counts
 *   against; a statement about the other end says nothing about the asked one;
 * - purity=high, yield=high, cost=low, scalability=high, speed=high, function=preserved, reproducibility=high:
 *   an advantage on the dimension favours, a disadvantage counts against;
 * - purity=low and yield=low (a low requirement) are not scored: such a need does not tell the methods apart.
 */
export function statementEffect(need: ValueNeed, value: string, statement: MethodStatement, isAdvantage: boolean): AdvisorReason['effect'] | undefined {
  if (statement.dimension !== need) return undefined;
  if (need === 'volume' && volumePole(statement) !== value) return undefined;
  if ((need === 'purity' || need === 'yield') && value === 'low') return undefined;
  return isAdvantage ? 'favours' : 'counts against';
}

/** The reasons a method gets for one need; none means the review gives no basis for a judgement. */
export function reasonsFor(method: IsolationMethod, need: NeedName, needs: AdvisorNeeds): AdvisorReason[] {
  const weight = needs.weights[need] ?? 1;
  if (need === 'equipment') {
    const required = methodEquipment(method);
    const atHand = new Set(needs.equipment ?? []);
    if (required.length === 0) return [];
    const missing = required.filter((r) => !atHand.has(r.equipment));
    const cited = missing[0] ?? required[0]!;
    const names = (items: typeof required): string => items.map((r) => r.equipment).join(' and ');
    return [
      {
        need,
        effect: missing.length === 0 ? 'favours' : 'counts against',
        points: missing.length === 0 ? weight : -weight,
        statement: missing.length === 0 ? `Needs ${names(required)}: at hand` : `Needs ${names(missing)}: not at hand`,
        ...citeProvenance(cited.provenance),
      },
    ];
  }
  const value = needs[need];
  if (value === undefined) return [];
  const statements = [...method.advantages.map((s) => ({ s, isAdvantage: true })), ...method.disadvantages.map((s) => ({ s, isAdvantage: false }))];
  return statements.flatMap(({ s, isAdvantage }) => {
    const effect = statementEffect(need, value, s, isAdvantage);
    if (!effect) return [];
    return [{ need, effect, points: effect === 'favours' ? weight : -weight, statement: s.text, ...citeProvenance(s.provenance[0]!) }];
  });
}
