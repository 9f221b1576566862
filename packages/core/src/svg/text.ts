/**
 * Deterministic SVG text, shared by every plot of ExoAtlas (forest and funnel plots, risk-of-bias and MISEV charts,
 * PRISMA flow, discovery curve) so that each is written alike: escaped strings, coordinates rounded to 0.01, safe
 * ids, and one opening with a title and description for screen readers.
 */

/** Text for an SVG element or attribute: &, <, > and " escaped. */
export function escapeSvgText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A coordinate rounded to two decimals (-0 written as 0). */
export function svgCoordinate(x: number): string {
  const r = Math.round(x * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

/** A safe id fragment. */
export function svgIdSafe(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]/g, '-');
}

/** The opening of an accessible SVG: size, viewBox, title and description (aria-labelledby), white background. */
export function svgOpen(width: number, height: number, id: string, title: string, desc: string): string {
  const c = svgCoordinate;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${c(width)}" height="${c(height)}" viewBox="0 0 ${c(width)} ${c(height)}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
    `<title id="${id}-title">${escapeSvgText(title)}</title>`,
    `<desc id="${id}-desc">${escapeSvgText(desc)}</desc>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
  ].join('\n');
}

/** At most n characters, the last an ellipsis when cut. */
export function truncateText(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** Fixed decimals, "-0.00" folded to "0.00"; NA for a missing or non-finite number. */
export function fixedDecimals(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return 'NA';
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** Rounds to `digits` decimals without trailing zeros (deterministic SVG text). */
export function formatNumber(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return 'NA';
  const s = x.toFixed(digits);
  const t = s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
  return t === '-0' ? '0' : t;
}
