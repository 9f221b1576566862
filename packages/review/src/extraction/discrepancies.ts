/**
 * Dual extraction: the fields where two reviewers' forms of one study differ. Outcomes are matched by
 * outcome key and time point, groups by id (not by position), so reordering is not a discrepancy; numbers are
 * compared exactly (what was typed), text after trimming.
 */
import type { ExtractionForm, OutcomeData } from './form-schema.js';

export interface Discrepancy {
  /** e.g. `characteristics.species`, `outcomes[wound-closure @ day 14].groups[T1].sd` */
  path: string;
  a: unknown;
  b: unknown;
}

type Leaf = string | number | boolean | null;

function outcomeKey(o: OutcomeData): string {
  return `${o.outcome} @ ${o.timePoint}`;
}

function flatten(value: unknown, prefix: string, out: Map<string, Leaf>): void {
  if (value === undefined) return;
  if (value === null || typeof value !== 'object') {
    out.set(prefix, typeof value === 'string' ? value.trim() : (value as Leaf));
    return;
  }
  if (Array.isArray(value)) {
    // arrays of scalars (isolation methods) compare as sets
    if (value.every((v) => v === null || typeof v !== 'object')) {
      out.set(prefix, [...value].map(String).sort().join(', '));
      return;
    }
    value.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
    return;
  }
  for (const [k, v] of Object.entries(value)) flatten(v, prefix === '' ? k : `${prefix}.${k}`, out);
}

function flattenForm(form: ExtractionForm): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  flatten(form.characteristics, 'characteristics', out);
  for (const o of form.outcomes) {
    const base = `outcomes[${outcomeKey(o)}]`;
    const { groups, ...rest } = o;
    flatten(rest, base, out);
    for (const g of groups) {
      const { id, ...gr } = g;
      flatten(gr, `${base}.groups[${id}]`, out);
      out.set(`${base}.groups[${id}]`, 'present');
    }
    out.set(base, 'present');
  }
  return out;
}

/** Every field whose value differs between the two forms (missing on one side shows as null), in path order. */
export function compareForms(a: ExtractionForm, b: ExtractionForm): Discrepancy[] {
  const fa = flattenForm(a);
  const fb = flattenForm(b);
  const paths = [...new Set([...fa.keys(), ...fb.keys()])].sort();
  const out: Discrepancy[] = [];
  for (const p of paths) {
    const va = fa.has(p) ? fa.get(p)! : null;
    const vb = fb.has(p) ? fb.get(p)! : null;
    if (va !== vb) out.push({ path: p, a: va === 'present' ? 'entered' : va, b: vb === 'present' ? 'entered' : vb });
  }
  // a whole outcome or group missing on one side: report it once, not every field under it
  return out.filter((d) => !out.some((e) => e !== d && (e.a === null || e.b === null) && (e.a === 'entered' || e.b === 'entered') && d.path.startsWith(`${e.path}.`)));
}
