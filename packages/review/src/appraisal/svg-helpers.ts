/** Deterministic SVG text for the appraisal plots: escaped strings, coordinates rounded to 0.01, stable ids. */
import type { RobJudgement } from './syrcle.js';

// The shared SVG module, so every SVG of ExoAtlas is written alike.
import { escapeSvgText as esc, fixedDecimals as fixed, svgCoordinate as c, svgIdSafe as idSafe, svgOpen, truncateText as truncate } from '@exoatlas/core';

export { esc, c, fixed, idSafe, svgOpen, truncate };

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
