/** Deterministic SVG text for the appraisal plots: escaped strings, coordinates rounded to 0.01, stable ids. */
import type { RobJudgement } from './syrcle.js';

// The same escaping and rounding as the meta-analysis plots, so every SVG of ExoAtlas is written alike.
import { escapeSvgText as esc, svgCoordinate as c, svgIdSafe as idSafe } from '@exoatlas/meta';

export { esc, c, idSafe };

export function fixed(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return 'NA';
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

export function svgOpen(width: number, height: number, id: string, title: string, desc: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${c(width)}" height="${c(height)}" viewBox="0 0 ${c(width)} ${c(height)}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
    `<title id="${id}-title">${esc(title)}</title>`,
    `<desc id="${id}-desc">${esc(desc)}</desc>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
  ].join('\n');
}

export function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** Colours and symbols of the judgements (symbols too, so the plots read without colour). */
export const JUDGEMENT_STYLE: Record<RobJudgement | 'missing', { fill: string; symbol: string; text: string }> = {
  yes: { fill: '#2e7d32', symbol: '+', text: 'Low risk (yes)' },
  unclear: { fill: '#f2b705', symbol: '?', text: 'Unclear risk' },
  no: { fill: '#c62828', symbol: '−', text: 'High risk (no)' },
  missing: { fill: '#dddddd', symbol: '', text: 'Not assessed' },
};

/** A judgement as a coloured circle with its symbol. */
export function judgementDot(cx: number, cy: number, r: number, j: RobJudgement | undefined, title: string): string {
  const s = JUDGEMENT_STYLE[j ?? 'missing'];
  return `<g class="judgement judgement-${j ?? 'missing'}"><title>${esc(title)}</title><circle cx="${c(cx)}" cy="${c(cy)}" r="${c(r)}" fill="${s.fill}"/>${s.symbol ? `<text x="${c(cx)}" y="${c(cy + 4)}" text-anchor="middle" fill="#ffffff" font-weight="bold">${s.symbol}</text>` : ''}</g>`;
}

/** The legend of the three judgements, in one row. */
export function judgementLegend(x: number, y: number): string {
  const parts = (['yes', 'unclear', 'no'] as const).map((j, i) => `${judgementDot(x + i * 150 + 8, y, 7, j, JUDGEMENT_STYLE[j].text)}<text x="${c(x + i * 150 + 20)}" y="${c(y + 4)}">${esc(JUDGEMENT_STYLE[j].text)}</text>`);
  return `<g class="legend">${parts.join('')}</g>`;
}
