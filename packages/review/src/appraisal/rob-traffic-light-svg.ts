/**
 * SYRCLE traffic-light plot: one row per study, one column per item, each judgement a coloured circle with its
 * symbol (+ low, ? unclear, − high). Pure and deterministic.
 */
import { SYRCLE_ITEMS, type RobJudgement, type SyrcleItemId } from './syrcle.js';
import { c, esc, idSafe, judgementDot, judgementLegend, svgOpen, truncate } from './svg-helpers.js';

export interface RobStudyRow {
  label: string;
  judgements: Partial<Record<SyrcleItemId, RobJudgement>>;
}

export interface RobPlotOptions {
  title?: string;
  idPrefix?: string;
}

export function robTrafficLightSvg(studies: readonly RobStudyRow[], opts: RobPlotOptions = {}): string {
  const id = idSafe(opts.idPrefix ?? 'rob-traffic-light');
  const labelW = 220;
  const colW = 34;
  const rowH = 26;
  const top = 70;
  const width = labelW + SYRCLE_ITEMS.length * colW + 20;
  const height = top + studies.length * rowH + 60 + SYRCLE_ITEMS.length * 15;
  const title = opts.title ?? 'Risk of bias (SYRCLE), per study';
  const out = [svgOpen(width, height, id, title, `${studies.length} studies by the 10 items of SYRCLE's risk of bias tool: + low risk (yes), ? unclear, − high risk (no).`)];
  out.push(`<text x="10" y="20" font-size="14" font-weight="bold">${esc(title)}</text>`);
  out.push('<g class="items">');
  SYRCLE_ITEMS.forEach((item, j) => out.push(`<text x="${c(labelW + j * colW + colW / 2)}" y="${c(top - 12)}" text-anchor="middle" font-weight="bold"><title>${esc(item.label)}</title>D${item.number}</text>`));
  out.push('</g><g class="studies">');
  studies.forEach((s, i) => {
    const y = top + i * rowH + rowH / 2;
    const dots = SYRCLE_ITEMS.map((item, j) => judgementDot(labelW + j * colW + colW / 2, y, 10, s.judgements[item.id], `${s.label} — ${item.label}: ${s.judgements[item.id] ?? 'not assessed'}`)).join('');
    out.push(`<g class="study" id="${id}-study-${i}"><text x="10" y="${c(y + 4)}">${esc(truncate(s.label, 32))}</text>${dots}</g>`);
  });
  out.push('</g>');
  const ly = top + studies.length * rowH + 24;
  out.push(judgementLegend(10, ly));
  out.push('<g class="item-key" font-size="11">');
  SYRCLE_ITEMS.forEach((item, j) => out.push(`<text x="10" y="${c(ly + 26 + j * 15)}">${esc(`D${item.number} ${item.label}${item.label.toLowerCase().includes(item.domain) ? '' : ` (${item.domain} bias)`}`)}</text>`));
  out.push('</g>');
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
