/** Small helpers for deterministic SVG text: escaped strings and coordinates rounded to 0.01. */

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A coordinate rounded to two decimals. */
export function c(x: number): string {
  const r = Math.round(x * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

/** A safe id fragment. */
export function idSafe(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]/g, '-');
}

export function svgOpen(width: number, height: number, id: string, title: string, desc: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${c(width)}" height="${c(height)}" viewBox="0 0 ${c(width)} ${c(height)}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
    `<title id="${id}-title">${esc(title)}</title>`,
    `<desc id="${id}-desc">${esc(desc)}</desc>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
  ].join('\n');
}
