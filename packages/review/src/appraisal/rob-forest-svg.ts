/**
 * A forest plot with each study's SYRCLE judgements beside it (the Cochrane "forest plot with risk of bias"
 * layout): label, estimate with its confidence interval and weight, then one dot per item. Drawn here rather than
 * by packages/meta's forestPlot because that plot has no columns to add; it reads the same MetaResult, so the
 * numbers are the same. Pure and deterministic.
 */
import type { MetaResult } from '@exoatlas/meta';
import { SYRCLE_ITEMS, type RobJudgement, type SyrcleItemId } from './syrcle.js';
import { c, esc, fixed, idSafe, judgementDot, judgementLegend, svgOpen, truncate } from './svg-helpers.js';

export interface RobForestOptions {
  title?: string;
  idPrefix?: string;
  /** z quantile for the study intervals (default 1.959963984540054, i.e. 95 %) */
  z?: number;
  /** which side of the null favours treatment (the effects oriented accordingly); none: "direction not stated" */
  treatmentSide?: 'left' | 'right';
}

function ticks(lo: number, hi: number): number[] {
  const raw = (hi - lo) / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const n = raw / mag;
  const step = (n >= 5 ? 10 : n >= 2 ? 5 : n >= 1 ? 2 : 1) * mag;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step) out.push(Math.abs(t) < step * 1e-9 ? 0 : Number(t.toPrecision(12)));
  return out;
}

const RATIO = new Set(['OR', 'RR', 'ROM']);

/** Issue 18 item 3: the null of a ratio axis is 1, and the side favouring treatment is said only when known. */
function favours(side: 'left' | 'right' | undefined, ratio: boolean): string {
  return side === undefined ? 'favours: direction not stated' : `${side} of ${ratio ? 1 : 0} favours treatment`;
}

/** `judgements[i]` belongs to the i-th data row of the analysis (result.labels[i]). */
export function robForestSvg(result: MetaResult, judgements: readonly (Partial<Record<SyrcleItemId, RobJudgement>> | undefined)[], opts: RobForestOptions = {}): string {
  const id = idSafe(opts.idPrefix ?? 'rob-forest');
  const z = opts.z ?? 1.959963984540054;
  const ratio = RATIO.has(result.measure);
  const tr = (x: number): number => (ratio ? Math.exp(x) : x);
  const rows = result.rowsUsed.map((r, n) => {
    const s = result.studies[r - 1]!;
    return { label: result.labels[r - 1] ?? `Study ${r}`, y: s.yi!, se: Math.sqrt(s.vi!), w: result.weights[n] ?? 0, j: judgements[r - 1] };
  });
  const pooled = result.coefficients.length === 1 && result.estimate !== null && result.ciLower !== null && result.ciUpper !== null;
  let lo = 0;
  let hi = 0;
  for (const r of rows) {
    lo = Math.min(lo, r.y - z * r.se);
    hi = Math.max(hi, r.y + z * r.se);
  }
  if (pooled) {
    lo = Math.min(lo, result.ciLower!);
    hi = Math.max(hi, result.ciUpper!);
  }
  const t = ticks(lo, hi);
  const d0 = Math.min(lo, t[0]!);
  const d1 = Math.max(hi, t[t.length - 1]!);
  const labelW = 190;
  const plotW = 260;
  const textW = 170;
  const dotW = 22;
  const plotL = labelW + 10;
  const x = (v: number): number => plotL + ((v - d0) / (d1 - d0 || 1)) * plotW;
  const textX = plotL + plotW + 16;
  const dotsX = textX + textW;
  const width = dotsX + SYRCLE_ITEMS.length * dotW + 16;
  const rowH = 22;
  const top = 60;
  const height = top + (rows.length + 2) * rowH + 90;
  const title = opts.title ?? `Forest plot with risk of bias: ${result.measureLabel}`;
  const desc = `${result.k} studies${pooled ? `; pooled ${result.measure} ${fixed(tr(result.estimate!))} (${result.level}% CI ${fixed(tr(result.ciLower!))} to ${fixed(tr(result.ciUpper!))})` : ''}; beside each study its judgements on the 10 SYRCLE items (+ low, ? unclear, − high risk).`;
  const out = [svgOpen(width, height, id, title, desc)];
  out.push(`<text x="10" y="20" font-size="14" font-weight="bold">${esc(title)}</text>`);
  out.push(`<g class="header" font-weight="bold"><text x="10" y="${c(top - 10)}">Study</text><text x="${c(textX)}" y="${c(top - 10)}">Estimate [${result.level}% CI]  Weight</text>`);
  SYRCLE_ITEMS.forEach((item, j) => out.push(`<text x="${c(dotsX + j * dotW + dotW / 2)}" y="${c(top - 10)}" text-anchor="middle" font-size="10"><title>${esc(item.label)}</title>D${item.number}</text>`));
  out.push('</g>');
  const bottom = top + (rows.length + 2) * rowH;
  out.push(`<line class="null-line" x1="${c(x(0))}" y1="${c(top - 4)}" x2="${c(x(0))}" y2="${c(bottom)}" stroke="#888888" stroke-dasharray="3,3"/>`);
  const maxW = Math.max(...rows.map((r) => r.w), 1e-12);
  out.push('<g class="rows">');
  rows.forEach((r, i) => {
    const yy = top + i * rowH + rowH / 2;
    const side = 4 + 8 * Math.sqrt(r.w / maxW);
    const lb = r.y - z * r.se;
    const ub = r.y + z * r.se;
    const dots = SYRCLE_ITEMS.map((item, j) => judgementDot(dotsX + j * dotW + dotW / 2, yy, 8, r.j?.[item.id], `${r.label} — ${item.label}: ${r.j?.[item.id] ?? 'not assessed'}`)).join('');
    out.push(
      `<g class="study" id="${id}-study-${i}"><text x="10" y="${c(yy + 4)}">${esc(truncate(r.label, 30))}</text>` +
        `<line x1="${c(x(lb))}" y1="${c(yy)}" x2="${c(x(ub))}" y2="${c(yy)}" stroke="#000000"/>` +
        `<rect x="${c(x(r.y) - side / 2)}" y="${c(yy - side / 2)}" width="${c(side)}" height="${c(side)}" fill="#2b5c8a"/>` +
        `<text x="${c(textX)}" y="${c(yy + 4)}">${fixed(tr(r.y))} [${fixed(tr(lb))}, ${fixed(tr(ub))}]  ${fixed(r.w, 1)}%</text>${dots}</g>`,
    );
  });
  if (pooled) {
    const yy = top + (rows.length + 1) * rowH + rowH / 2;
    const h = rowH * 0.35;
    out.push(
      `<g class="summary"><text x="10" y="${c(yy + 4)}" font-weight="bold">${esc(`Random-effects model (${result.method})`)}</text>` +
        `<polygon points="${c(x(result.ciLower!))},${c(yy)} ${c(x(result.estimate!))},${c(yy - h)} ${c(x(result.ciUpper!))},${c(yy)} ${c(x(result.estimate!))},${c(yy + h)}" fill="#111111"/>` +
        `<text x="${c(textX)}" y="${c(yy + 4)}" font-weight="bold">${fixed(tr(result.estimate!))} [${fixed(tr(result.ciLower!))}, ${fixed(tr(result.ciUpper!))}]</text></g>`,
    );
  }
  out.push('</g>');
  const ay = bottom + 10;
  out.push(`<g class="axis"><line x1="${c(x(d0))}" y1="${c(ay)}" x2="${c(x(d1))}" y2="${c(ay)}" stroke="#000000"/>`);
  for (const v of t) out.push(`<line x1="${c(x(v))}" y1="${c(ay)}" x2="${c(x(v))}" y2="${c(ay + 5)}" stroke="#000000"/><text x="${c(x(v))}" y="${c(ay + 17)}" text-anchor="middle">${ratio ? fixed(Math.exp(v)) : String(v)}</text>`);
  out.push(`<text x="${c(x((d0 + d1) / 2))}" y="${c(ay + 32)}" text-anchor="middle">${esc(ratio ? `${result.measureLabel.replace(/^Log /, '')} (log scale)` : result.measureLabel)}; ${favours(opts.treatmentSide, ratio)}</text></g>`);
  out.push(judgementLegend(10, ay + 56));
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
