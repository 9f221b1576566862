/** Number, p-value and table formatting of the text summaries (print.rma.uni and print.rma.mv alike). */

const DIGITS = 4;

export function fmt(x: number | null | undefined, digits = DIGITS): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return 'NA';
  const s = x.toFixed(digits);
  return s === `-${(0).toFixed(digits)}` ? (0).toFixed(digits) : s;
}

/** metafor's .pval(): "<.0001" below 10^-digits. */
export function fmtP(p: number | null | undefined, withEq = false): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return withEq ? '= NA' : 'NA';
  if (p < 10 ** -DIGITS) return withEq ? '< .0001' : '<.0001';
  return withEq ? `= ${p.toFixed(DIGITS)}` : p.toFixed(DIGITS);
}

export function stars(p: number | null): string {
  if (p === null) return '';
  return p < 0.001 ? '***' : p < 0.01 ? '**' : p < 0.05 ? '*' : p < 0.1 ? '.' : '';
}

export function table(rows: string[][], alignLeft = 1): string[] {
  const widths = rows[0]!.map((_, j) => Math.max(...rows.map((r) => r[j]!.length)));
  return rows.map((r) => r.map((c, j) => (j < alignLeft ? c.padEnd(widths[j]!) : c.padStart(widths[j]!))).join('  ').trimEnd());
}
