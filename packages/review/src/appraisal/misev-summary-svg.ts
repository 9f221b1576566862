/**
 * MISEV reporting summary: per checklist item, the share of studies (where the item applies) that reported it, and
 * per study its score — labelled as ExoAtlas's own checklist score, not EV-TRACK's EV-METRIC. Pure and deterministic.
 */
import { MISEV_SCORE_LABEL, type MisevAppraisal, misevScore, misevSummary } from './misev.js';
import { c, esc, fixed, idSafe, svgOpen, truncate } from './svg-helpers.js';

export interface MisevStudyRow {
  label: string;
  appraisal: MisevAppraisal;
}

export function misevSummarySvg(studies: readonly MisevStudyRow[], opts: { title?: string; idPrefix?: string } = {}): string {
  const id = idSafe(opts.idPrefix ?? 'misev-summary');
  const items = misevSummary(studies.map((s) => s.appraisal));
  const labelW = 260;
  const barW = 360;
  const rowH = 22;
  const width = labelW + barW + 90;
  const top = 64;
  const studiesTop = top + items.length * rowH + 50;
  const height = studiesTop + studies.length * rowH + 40;
  const title = opts.title ?? 'EV reporting (MISEV2018-based checklist)';
  const out = [svgOpen(width, height, id, title, `${MISEV_SCORE_LABEL}: per item the share of the ${studies.length} studies reporting it (where it applies), and each study's score.`)];
  out.push(`<text x="10" y="20" font-size="14" font-weight="bold">${esc(title)}</text>`);
  out.push(`<text class="score-label" x="10" y="38" font-size="11" font-style="italic">${esc(MISEV_SCORE_LABEL)}</text>`);
  out.push('<g class="items">');
  items.forEach((it, i) => {
    const y = top + i * rowH;
    const share = it.applicable === 0 ? null : it.reported / it.applicable;
    out.push(
      `<g class="item" id="${id}-item-${it.id}"><text x="10" y="${c(y + 15)}">${esc(it.label)}</text>` +
        `<rect x="${c(labelW)}" y="${c(y + 3)}" width="${c(barW)}" height="${c(rowH - 6)}" fill="#eeeeee"/>` +
        (share === null ? '' : `<rect class="bar-reported" x="${c(labelW)}" y="${c(y + 3)}" width="${c(barW * share)}" height="${c(rowH - 6)}" fill="#2b5c8a"/>`) +
        `<text x="${c(labelW + barW + 8)}" y="${c(y + 15)}">${share === null ? 'n/a' : `${it.reported}/${it.applicable}`}</text></g>`,
    );
  });
  out.push('</g>');
  out.push(`<text x="10" y="${c(studiesTop - 12)}" font-weight="bold">Score per study (reported / applicable items)</text>`);
  out.push('<g class="studies">');
  studies.forEach((s, i) => {
    const y = studiesTop + i * rowH;
    const sc = misevScore(s.appraisal);
    out.push(
      `<g class="study" id="${id}-study-${i}"><text x="10" y="${c(y + 15)}">${esc(truncate(s.label, 36))}</text>` +
        `<rect x="${c(labelW)}" y="${c(y + 3)}" width="${c(barW)}" height="${c(rowH - 6)}" fill="#eeeeee"/>` +
        (sc.score === null ? '' : `<rect class="bar-score" x="${c(labelW)}" y="${c(y + 3)}" width="${c(barW * sc.score)}" height="${c(rowH - 6)}" fill="#6a8f3c"/>`) +
        `<text x="${c(labelW + barW + 8)}" y="${c(y + 15)}">${sc.score === null ? 'n/a' : `${fixed(100 * sc.score, 0)}% (${sc.reported}/${sc.applicable})`}</text></g>`,
    );
  });
  out.push('</g>');
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
