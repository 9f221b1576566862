/**
 * The values of a result that cannot be computed for the data (NaN, ±Infinity), named in one warning. JSON writes
 * them as null; docs/meta.md promises null only where a value cannot be computed, with warnings saying why — so a
 * caller never meets a bare null where a number was promised.
 */
const MAX_LISTED = 12;

function collect(value: unknown, path: string, out: string[]): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${path} (${value})`);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) value.forEach((v, i) => collect(v, `${path}[${i}]`, out));
  else for (const [k, v] of Object.entries(value)) collect(v, path === '' ? k : `${path}.${k}`, out);
}

/** Adds a warning to `result.warnings` listing every non-finite number of the result (the per-study effects excepted: they are null already). */
export function warnNonFinite(result: { warnings: string[] }): void {
  const found: string[] = [];
  for (const [k, v] of Object.entries(result)) if (k !== 'warnings') collect(v, k, found);
  if (found.length === 0) return;
  const listed = found.slice(0, MAX_LISTED).join(', ');
  const more = found.length > MAX_LISTED ? ` and ${found.length - MAX_LISTED} more` : '';
  result.warnings.push(`These values cannot be computed for these data and are reported as null: ${listed}${more}.`);
}
