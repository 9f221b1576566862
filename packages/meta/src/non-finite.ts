/**
 * The values of a result that cannot be computed for the data (NaN, ±Infinity), named in one warning. JSON writes
 * them as null; docs/meta.md promises null only where a value cannot be computed, with warnings saying why — so a
 * caller never meets a bare null where a number was promised.
 */
const MAX_LISTED = 12;

// the path is kept as segments and written out only for a value found (issue 23: a path string per number of a
// million-study result cost more than the model)
function collect(value: unknown, path: (string | number)[], out: string[]): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${pathText(path)} (${value})`);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'number' && Number.isFinite(v)) continue;
      path.push(i);
      collect(v, path, out);
      path.pop();
    }
  } else {
    for (const k in value) {
      if (!Object.hasOwn(value, k)) continue;
      path.push(k);
      collect((value as Record<string, unknown>)[k], path, out);
      path.pop();
    }
  }
}

function pathText(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** Adds a warning to `result.warnings` listing every non-finite number of the result (the per-study effects excepted: they are null already). */
export function warnNonFinite(result: { warnings: string[] }): void {
  const found: string[] = [];
  for (const [k, v] of Object.entries(result)) if (k !== 'warnings') collect(v, [k], found);
  if (found.length === 0) return;
  const listed = found.slice(0, MAX_LISTED).join(', ');
  const more = found.length > MAX_LISTED ? ` and ${found.length - MAX_LISTED} more` : '';
  result.warnings.push(`These values cannot be computed for these data and are reported as null: ${listed}${more}.`);
}
