/** Near-valid JSON: a real form with values replaced, removed or added at random paths (the wrong type, out of range, unknown keys). */
import { fc } from '../../../../test/helpers/fuzz.js';

type Json = unknown;

function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

/** Values a client (or a JavaScript caller) might put anywhere. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 1e308, -1, 0, 0.5, 2 ** 53 + 1, '', ' ', 'x'.repeat(5000), '__proto__', 'not-reported', 'yes', 'na', 'unclear', undefined) },
);

type Edit = { at: number; action: 'replace' | 'delete' | 'add'; key: string; value: unknown };
const editArb: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  action: fc.constantFrom('replace' as const, 'delete' as const, 'add' as const),
  key: fc.constantFrom('__proto__', 'constructor', 'toString', 'extra', 'value', 'quote', 'judgement', 'answer', 'n', 'sd', 'mean'),
  value: oddValue,
});

function apply(root: Json, e: Edit): Json {
  const all = paths(root);
  const path = all[e.at % all.length]!;
  if (path.length === 0) return e.action === 'replace' ? e.value : root;
  let parent = root as Record<string | number, unknown>;
  for (const p of path.slice(0, -1)) parent = parent[p] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  const target = parent[last];
  if (e.action === 'replace') parent[last] = e.value;
  else if (e.action === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
    // defineProperty so that "__proto__" becomes an own key, as JSON.parse makes it
    Object.defineProperty(target, e.key, { value: e.value, enumerable: true, writable: true, configurable: true });
  } else if (Array.isArray(target)) target.push(e.value);
  return root;
}

/** A copy of one of `seeds` with 1–4 edits. */
export function nearValid(seeds: readonly Json[]): fc.Arbitrary<Json> {
  return fc.tuple(fc.constantFrom(...seeds), fc.array(editArb, { minLength: 1, maxLength: 4 })).map(([seed, edits]) => edits.reduce(apply, structuredClone(seed)));
}
