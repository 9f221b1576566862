/**
 * Forest plot as an SVG string, a pure function of an analysis result: one row per study (label, estimate as a
 * square sized by weight, confidence interval, "estimate [CI]" and weight), subgroup summaries, the summary
 * diamond with its prediction interval, and an axis back-transformed to ratios for OR, RR and ROM.
 */
import { qnorm } from '../math/normal.js';
import type { MetaResult } from '../results.js';
import { fixed, formatNumber, isRatioMeasure, linearScale, niceDomain, niceTicks, ratioTicks } from './scale.js';
import { c, esc, idSafe, svgOpen, truncate } from './svg.js';

export interface ForestOptions {
  /** plot title (default: the measure) */
  title?: string;
  /** total width in px (default 820) */
  width?: number;
  /** row height in px (default 20) */
  rowHeight?: number;
  /** prefix of element ids (default "forest") */
  idPrefix?: string;
  /** axis label (default: the measure's name) */
  xLabel?: string;
  /** at most this many studies are drawn (default 500) */
  maxStudies?: number;
  /**
   * Which side of the null line favours treatment, as the caller knows from the outcome's direction (the effects
   * must already be oriented accordingly). Without it the plot says "direction not stated" (issue 18 item 3).
   */
  treatmentSide?: 'left' | 'right';
}

type Row =
  | { kind: 'study'; label: string; y: number; v: number; w: number }
  | { kind: 'header'; label: string }
  | { kind: 'summary'; label: string; est: number; lb: number; ub: number; pi?: [number, number] | null; overall: boolean }
  | { kind: 'note'; label: string }
  | { kind: 'gap' };

export function forestPlot(result: MetaResult, opts: ForestOptions = {}): string {
  const id = idSafe(opts.idPrefix ?? 'forest');
  const width = opts.width ?? 820;
  const rowH = opts.rowHeight ?? 20;
  const maxStudies = opts.maxStudies ?? 500;
  const ratio = isRatioMeasure(result.measure);
  const tr = (x: number): number => (ratio ? Math.exp(x) : x);
  const zc = qnorm(1 - (1 - result.level / 100) / 2);
  const isFixed = result.method === 'FE' || result.method === 'EE';
  const intOnly = result.coefficients.length === 1;
  const studyRow = (n: number): Row => {
    const row = result.rowsUsed[n]! - 1;
    const s = result.studies[row]!;
    return { kind: 'study', label: result.labels[row] ?? `Study ${row + 1}`, y: s.yi!, v: s.vi!, w: result.weights[n] ?? 0 };
  };
  const rows: Row[] = [];
  let shown = 0;
  const pushStudy = (n: number): void => {
    if (shown < maxStudies) rows.push(studyRow(n));
    shown++;
  };
  if (result.subgroups) {
    for (const g of result.subgroups.groups) {
      rows.push({ kind: 'header', label: `${result.subgroups.column}: ${g.level}` });
      g.studies.forEach(pushStudy);
      if (g.estimate !== null && g.ciLower !== null && g.ciUpper !== null) {
        rows.push({ kind: 'summary', label: `Subgroup ${g.level} (k = ${g.k}${g.i2 !== null ? `, I² = ${fixed(g.i2, 1)}%` : ''})`, est: g.estimate, lb: g.ciLower, ub: g.ciUpper, overall: false });
      }
      rows.push({ kind: 'gap' });
    }
  } else {
    result.rowsUsed.forEach((_, n) => pushStudy(n));
  }
  if (shown > maxStudies) rows.push({ kind: 'note', label: `… ${shown - maxStudies} more studies not shown` });
  if (intOnly && result.estimate !== null && result.ciLower !== null && result.ciUpper !== null) {
    rows.push({ kind: 'gap' });
    const pi: [number, number] | null = !isFixed && result.piLower !== null && result.piUpper !== null ? [result.piLower, result.piUpper] : null;
    rows.push({ kind: 'summary', label: `${isFixed ? 'Equal-effects' : 'Random-effects'} model (${result.method}${result.test === 'knha' ? ', Knapp–Hartung' : ''})`, est: result.estimate, lb: result.ciLower, ub: result.ciUpper, pi, overall: true });
  } else if (!intOnly) {
    rows.push({ kind: 'note', label: 'Meta-regression: no single pooled estimate (see the coefficients)' });
  }
  // domain over everything drawn
  let lo = Infinity;
  let hi = -Infinity;
  const include = (x: number): void => {
    if (Number.isFinite(x)) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
  };
  include(0);
  for (const r of rows) {
    if (r.kind === 'study') {
      include(r.y - zc * Math.sqrt(r.v));
      include(r.y + zc * Math.sqrt(r.v));
    } else if (r.kind === 'summary') {
      include(r.lb);
      include(r.ub);
      if (r.pi) r.pi.forEach(include);
    }
  }
  const domain = ratio ? ([lo - 0.05 * (hi - lo || 1), hi + 0.05 * (hi - lo || 1)] as [number, number]) : niceDomain(lo, hi);
  const labelW = Math.round(width * 0.27);
  const textW = Math.round(width * 0.24);
  const plotL = labelW + 10;
  const plotR = width - textW - 70;
  const x = linearScale(domain, [plotL, plotR]);
  const top = opts.title === '' ? 30 : 52;
  const height = top + rows.length * rowH + 96;
  const maxW = Math.max(...rows.map((r) => (r.kind === 'study' ? r.w : 0)), 1e-12);
  const title = opts.title ?? `Forest plot: ${result.measureLabel}`;
  const xLabel = opts.xLabel ?? (ratio ? `${result.measureLabel.replace(/^Log /, '')} (log scale)` : result.measureLabel);
  const desc = `${result.k} studies; ${intOnly && result.estimate !== null ? `pooled ${result.measure} ${formatNumber(tr(result.estimate), 2)} (${result.level}% CI ${formatNumber(tr(result.ciLower ?? NaN), 2)} to ${formatNumber(tr(result.ciUpper ?? NaN), 2)})` : 'meta-regression'}${result.tau2 !== null && !isFixed ? `, tau² ${formatNumber(result.tau2, 3)}` : ''}${result.i2 !== null ? `, I² ${formatNumber(result.i2, 1)}%` : ''}.`;
  const out: string[] = [svgOpen(width, height, id, title, desc)];
  if (opts.title !== '') out.push(`<text x="10" y="20" font-size="14" font-weight="bold">${esc(title)}</text>`);
  const hy = top - 10;
  out.push(`<g class="header" font-weight="bold"><text x="10" y="${c(hy)}">Study</text><text x="${c(width - textW - 60)}" y="${c(hy)}">Estimate [${result.level}% CI]</text><text x="${c(width - 10)}" y="${c(hy)}" text-anchor="end">Weight</text></g>`);
  const bottom = top + rows.length * rowH;
  const x0 = x(0);
  out.push(`<line class="null-line" x1="${c(x0)}" y1="${c(top - 4)}" x2="${c(x0)}" y2="${c(bottom)}" stroke="#888888" stroke-dasharray="3,3"/>`);
  if (intOnly && result.estimate !== null) {
    out.push(`<line class="estimate-line" x1="${c(x(result.estimate))}" y1="${c(top - 4)}" x2="${c(x(result.estimate))}" y2="${c(bottom)}" stroke="#555555" stroke-dasharray="1,3"/>`);
  }
  out.push('<g class="rows">');
  rows.forEach((r, i) => {
    const yy = top + i * rowH + rowH / 2;
    const ty = c(yy + 4);
    if (r.kind === 'study') {
      const lb = r.y - zc * Math.sqrt(r.v);
      const ub = r.y + zc * Math.sqrt(r.v);
      const side = 4 + 8 * Math.sqrt(r.w / maxW);
      out.push(
        `<g class="study" id="${id}-study-${i}"><text x="10" y="${ty}">${esc(truncate(r.label, 38))}</text>` +
          `<line x1="${c(x(lb))}" y1="${c(yy)}" x2="${c(x(ub))}" y2="${c(yy)}" stroke="#000000"/>` +
          `<rect x="${c(x(r.y) - side / 2)}" y="${c(yy - side / 2)}" width="${c(side)}" height="${c(side)}" fill="#2b5c8a"/>` +
          `<text x="${c(width - textW - 60)}" y="${ty}">${fixed(tr(r.y))} [${fixed(tr(lb))}, ${fixed(tr(ub))}]</text>` +
          `<text x="${c(width - 10)}" y="${ty}" text-anchor="end">${fixed(r.w, 1)}%</text></g>`,
      );
    } else if (r.kind === 'header') {
      out.push(`<text class="subgroup-header" x="10" y="${ty}" font-weight="bold">${esc(r.label)}</text>`);
    } else if (r.kind === 'summary') {
      const h = rowH * 0.35;
      const cls = r.overall ? 'summary' : 'subgroup-summary';
      let g = `<g class="${cls}" id="${id}-${cls}-${i}"><text x="10" y="${ty}"${r.overall ? ' font-weight="bold"' : ''}>${esc(r.label)}</text>`;
      g += `<polygon points="${c(x(r.lb))},${c(yy)} ${c(x(r.est))},${c(yy - h)} ${c(x(r.ub))},${c(yy)} ${c(x(r.est))},${c(yy + h)}" fill="${r.overall ? '#111111' : '#777777'}"/>`;
      g += `<text x="${c(width - textW - 60)}" y="${ty}"${r.overall ? ' font-weight="bold"' : ''}>${fixed(tr(r.est))} [${fixed(tr(r.lb))}, ${fixed(tr(r.ub))}]</text>`;
      if (r.pi) {
        const py = yy + rowH * 0.75;
        g += `<line class="prediction-interval" x1="${c(x(r.pi[0]))}" y1="${c(py)}" x2="${c(x(r.pi[1]))}" y2="${c(py)}" stroke="#b22222" stroke-width="2"/>`;
        g += `<text x="${c(width - textW - 60)}" y="${c(py + 4)}" fill="#b22222">PI [${fixed(tr(r.pi[0]))}, ${fixed(tr(r.pi[1]))}]</text>`;
      }
      out.push(`${g}</g>`);
    } else if (r.kind === 'note') {
      out.push(`<text class="note" x="10" y="${ty}" font-style="italic">${esc(r.label)}</text>`);
    }
  });
  out.push('</g>');
  // axis
  const ay = bottom + 18;
  const ticks = ratio ? ratioTicks(domain[0], domain[1]) : niceTicks(domain[0], domain[1]).map((t) => ({ at: t, label: formatNumber(t, 3) }));
  out.push(`<g class="axis"><line x1="${c(plotL)}" y1="${c(ay)}" x2="${c(plotR)}" y2="${c(ay)}" stroke="#000000"/>`);
  for (const t of ticks) {
    out.push(`<line x1="${c(x(t.at))}" y1="${c(ay)}" x2="${c(x(t.at))}" y2="${c(ay + 5)}" stroke="#000000"/><text x="${c(x(t.at))}" y="${c(ay + 17)}" text-anchor="middle">${esc(t.label)}</text>`);
  }
  out.push(`<text x="${c((plotL + plotR) / 2)}" y="${c(ay + 34)}" text-anchor="middle">${esc(xLabel)}</text></g>`);
  out.push(favoursLabels(opts.treatmentSide, x0, plotL, plotR, ay + 50));
  const het: string[] = [];
  if (!isFixed && result.tau2 !== null) het.push(`τ² = ${fixed(result.tau2, 3)}`);
  if (result.i2 !== null) het.push(`I² = ${fixed(result.i2, 1)}%`);
  if (result.q !== null) het.push(`Q(${result.qDf}) = ${fixed(result.q, 2)}, p ${result.qPval !== null && result.qPval < 0.001 ? '< 0.001' : `= ${fixed(result.qPval, 3)}`}`);
  if (result.subgroups?.test.qb !== null && result.subgroups) het.push(`subgroup differences Q(${result.subgroups.test.df}) = ${fixed(result.subgroups.test.qb, 2)}, p = ${fixed(result.subgroups.test.pval, 3)}`);
  out.push(`<text class="heterogeneity" x="10" y="${c(ay + 68)}" font-size="11">${esc(`Heterogeneity: ${het.join(', ')}`)}</text>`);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** "← Favours control | Favours treatment →" on either side of the null line, or "direction not stated". */
export function favoursLabels(side: 'left' | 'right' | undefined, x0: number, plotL: number, plotR: number, y: number): string {
  if (side === undefined) return `<text class="favours" x="${c((plotL + plotR) / 2)}" y="${c(y)}" text-anchor="middle" font-size="11" font-style="italic">Favours: direction not stated</text>`;
  const [left, right] = side === 'right' ? ['control', 'treatment'] : ['treatment', 'control'];
  const at = Math.min(Math.max(x0, plotL), plotR);
  return `<g class="favours" font-size="11"><text x="${c(at - 6)}" y="${c(y)}" text-anchor="end">← Favours ${left}</text><text x="${c(at + 6)}" y="${c(y)}" text-anchor="start">Favours ${right} →</text></g>`;
}

