/**
 * SYRCLE summary plot: per item, one horizontal bar split into the percentages of studies judged low (yes),
 * unclear and high (no) risk of bias. Pure and deterministic.
 */
import type { RobPlotOptions, RobStudyRow } from './rob-traffic-light-svg.js';
import { robSummary } from './syrcle.js';
import { JUDGEMENT_STYLE, c, esc, fixed, idSafe, judgementLegend, svgOpen } from './svg-helpers.js';

export function robSummarySvg(studies: readonly RobStudyRow[], opts: RobPlotOptions = {}): string {
  const id = idSafe(opts.idPrefix ?? 'rob-summary');
  const summary = robSummary(studies.map((s) => s.judgements));
  const labelW = 250;
  const barW = 400;
  const rowH = 24;
  const top = 44;
  const width = labelW + barW + 30;
  const height = top + summary.length * rowH + 80;
  const title = opts.title ?? 'Risk of bias (SYRCLE), summary';
  const out = [svgOpen(width, height, id, title, `Share of the ${studies.length} studies judged low, unclear and high risk of bias on each of the 10 SYRCLE items.`)];
  out.push(`<text x="10" y="20" font-size="14" font-weight="bold">${esc(title)}</text>`);
  out.push('<g class="items">');
  summary.forEach((s, i) => {
    const y = top + i * rowH;
    let x = labelW;
    let g = `<g class="item" id="${id}-item-${s.id}"><text x="10" y="${c(y + rowH / 2 + 4)}">${esc(`${i + 1}. ${s.label}`)}</text>`;
    for (const j of ['yes', 'unclear', 'no'] as const) {
      const share = s.k === 0 ? 0 : s[j] / s.k;
      const w = barW * share;
      if (w > 0) {
        g += `<rect class="bar-${j}" x="${c(x)}" y="${c(y + 3)}" width="${c(w)}" height="${c(rowH - 6)}" fill="${JUDGEMENT_STYLE[j].fill}"><title>${esc(`${s.label}: ${JUDGEMENT_STYLE[j].text} ${s[j]} of ${s.k} (${fixed(100 * share, 0)}%)`)}</title></rect>`;
        if (w >= 28) g += `<text x="${c(x + w / 2)}" y="${c(y + rowH / 2 + 4)}" text-anchor="middle" fill="#ffffff" font-size="11">${fixed(100 * share, 0)}%</text>`;
      }
      x += w;
    }
    if (s.k === 0) g += `<rect x="${c(labelW)}" y="${c(y + 3)}" width="${c(barW)}" height="${c(rowH - 6)}" fill="${JUDGEMENT_STYLE.missing.fill}"/>`;
    out.push(`${g}</g>`);
  });
  out.push('</g>');
  const ay = top + summary.length * rowH + 6;
  out.push(`<g class="axis" font-size="11"><line x1="${c(labelW)}" y1="${c(ay)}" x2="${c(labelW + barW)}" y2="${c(ay)}" stroke="#000000"/>`);
  for (const p of [0, 25, 50, 75, 100]) out.push(`<text x="${c(labelW + (barW * p) / 100)}" y="${c(ay + 14)}" text-anchor="middle">${p}%</text>`);
  out.push('</g>');
  out.push(judgementLegend(10, ay + 44));
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
