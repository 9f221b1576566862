/**
 * Funnel plot as an SVG string: effect sizes against their standard errors (0 at the top), the pseudo-confidence
 * region μ̂ ± z·SE, the pooled estimate, and the studies trim-and-fill imputed (open circles) with the adjusted
 * estimate. Ratio measures get a back-transformed log axis.
 */
import { qnorm } from '../math/normal.js';
import type { MetaResult } from '../results.js';
import { fixed, formatNumber, isRatioMeasure, linearScale, niceTicks, ratioTicks } from './scale.js';
import { c, esc, idSafe, svgOpen } from './svg.js';

export interface FunnelOptions {
  title?: string;
  width?: number;
  height?: number;
  idPrefix?: string;
  xLabel?: string;
}

export function funnelPlot(result: MetaResult, opts: FunnelOptions = {}): string {
  const id = idSafe(opts.idPrefix ?? 'funnel');
  const width = opts.width ?? 600;
  const height = opts.height ?? 460;
  const ratio = isRatioMeasure(result.measure);
  const zc = qnorm(1 - (1 - result.level / 100) / 2);
  const points = result.rowsUsed.map((row) => {
    const s = result.studies[row - 1]!;
    return { y: s.yi!, se: Math.sqrt(s.vi!), label: result.labels[row - 1] ?? '' };
  });
  const filled = (result.bias?.trimfill?.filled ?? []).map((f) => ({ y: f.yi, se: Math.sqrt(f.vi) }));
  const center = result.coefficients.length === 1 ? result.estimate : null;
  const seMax = Math.max(...points.map((p) => p.se), ...filled.map((p) => p.se), 1e-12) * 1.05;
  let lo = Math.min(...points.map((p) => p.y), ...filled.map((p) => p.y));
  let hi = Math.max(...points.map((p) => p.y), ...filled.map((p) => p.y));
  if (center !== null) {
    lo = Math.min(lo, center - zc * seMax);
    hi = Math.max(hi, center + zc * seMax);
  }
  const pad = 0.04 * (hi - lo || 1);
  lo -= pad;
  hi += pad;
  const m = { l: 60, r: 20, t: opts.title === '' ? 20 : 40, b: 55 };
  const x = linearScale([lo, hi], [m.l, width - m.r]);
  const yTicks = niceTicks(0, seMax, 5).filter((t) => t <= seMax + 1e-12);
  const y = linearScale([0, seMax], [m.t, height - m.b]);
  const title = opts.title ?? `Funnel plot: ${result.measureLabel}`;
  const desc = `${points.length} studies plotted by effect size and standard error${filled.length ? `, with ${filled.length} studies imputed by trim-and-fill (open circles)` : ''}${center !== null ? `; pooled estimate ${formatNumber(ratio ? Math.exp(center) : center, 2)}` : ''}.`;
  const out: string[] = [svgOpen(width, height, id, title, desc)];
  if (opts.title !== '') out.push(`<text x="10" y="20" font-size="14" font-weight="bold">${esc(title)}</text>`);
  if (center !== null) {
    out.push(
      `<polygon class="pseudo-ci" points="${c(x(center))},${c(y(0))} ${c(x(center - zc * seMax))},${c(y(seMax))} ${c(x(center + zc * seMax))},${c(y(seMax))}" fill="#eef2f7" stroke="#9aaabb"/>`,
      `<line class="estimate" x1="${c(x(center))}" y1="${c(y(0))}" x2="${c(x(center))}" y2="${c(y(seMax))}" stroke="#333333"/>`,
    );
  }
  const tf = result.bias?.trimfill;
  if (tf && tf.k0 > 0 && tf.estimate !== null) {
    out.push(`<line class="trimfill-estimate" x1="${c(x(tf.estimate))}" y1="${c(y(0))}" x2="${c(x(tf.estimate))}" y2="${c(y(seMax))}" stroke="#b22222" stroke-dasharray="4,3"/>`);
  }
  out.push('<g class="studies">');
  points.forEach((p, i) => out.push(`<circle id="${id}-study-${i}" cx="${c(x(p.y))}" cy="${c(y(p.se))}" r="3.5" fill="#2b5c8a"><title>${esc(p.label)}</title></circle>`));
  out.push('</g>');
  if (filled.length) {
    out.push('<g class="filled">');
    filled.forEach((p, i) => out.push(`<circle id="${id}-filled-${i}" cx="${c(x(p.y))}" cy="${c(y(p.se))}" r="3.5" fill="#ffffff" stroke="#b22222"/>`));
    out.push('</g>');
  }
  // axes
  const ay = height - m.b;
  const ticks = ratio ? ratioTicks(lo, hi) : niceTicks(lo, hi).map((t) => ({ at: t, label: formatNumber(t, 3) }));
  out.push(`<g class="x-axis"><line x1="${c(m.l)}" y1="${c(ay)}" x2="${c(width - m.r)}" y2="${c(ay)}" stroke="#000000"/>`);
  for (const t of ticks) out.push(`<line x1="${c(x(t.at))}" y1="${c(ay)}" x2="${c(x(t.at))}" y2="${c(ay + 5)}" stroke="#000000"/><text x="${c(x(t.at))}" y="${c(ay + 17)}" text-anchor="middle">${esc(t.label)}</text>`);
  const xLabel = opts.xLabel ?? (ratio ? `${result.measureLabel.replace(/^Log /, '')} (log scale)` : result.measureLabel);
  out.push(`<text x="${c((m.l + width - m.r) / 2)}" y="${c(ay + 36)}" text-anchor="middle">${esc(xLabel)}</text></g>`);
  out.push(`<g class="y-axis"><line x1="${c(m.l)}" y1="${c(m.t)}" x2="${c(m.l)}" y2="${c(ay)}" stroke="#000000"/>`);
  for (const t of yTicks) out.push(`<line x1="${c(m.l - 5)}" y1="${c(y(t))}" x2="${c(m.l)}" y2="${c(y(t))}" stroke="#000000"/><text x="${c(m.l - 8)}" y="${c(y(t) + 4)}" text-anchor="end">${fixed(t, 3)}</text>`);
  out.push(`<text transform="translate(16,${c((m.t + ay) / 2)}) rotate(-90)" text-anchor="middle">Standard error</text></g>`);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
