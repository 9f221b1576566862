import { escapeSvgText as esc } from '@exoatlas/core';
import { BOX_PAD, countLabel, wrapToBox } from '../prisma/flow-text.js';
import type { PrismaUpdate } from './living-prisma.js';

const WIDTH = 1100;
const PREV_X = 20;
const PREV_W = 230;
const MAIN_X = 290;
const MAIN_W = 380;
const SIDE_X = 710;
const SIDE_W = 370;
const LINE = 17;
const PAD = BOX_PAD;
const GAP = 30;
interface Box {
  x: number;
  w: number;
  y: number;
  h: number;
  lines: { text: string; isBold: boolean }[];
}

function box(x: number, w: number, parts: { text: string; isBold?: boolean }[]): Box {
  const lines = parts.flatMap((p) => wrapToBox(p.text, w, '  ').map((text) => ({ text, isBold: p.isBold ?? false })));
  return { x, w, y: 0, h: lines.length * LINE + 2 * PAD, lines };
}

/**
 * The PRISMA 2020 flow diagram of one update of a living review (the template for updated reviews: previous studies
 * on the left, identification of new studies via databases in the middle, the total below). Same counts, same bytes.
 */
export function prismaUpdateSvg(u: PrismaUpdate): string {
  const c = u.new;
  const reasons = (list: readonly { reason: string; count: number }[]) => list.map((r) => ({ text: `  ${r.reason} ${countLabel(r.count)}` }));
  const rows: { main: Box; side?: Box }[] = [
    { main: box(MAIN_X, MAIN_W, [{ text: 'Records identified from databases', isBold: true }, { text: `Total ${countLabel(c.identified)}` }, ...c.identifiedBySource.map((s) => ({ text: `  ${s.source} ${countLabel(s.count)}` }))]), side: box(SIDE_X, SIDE_W, [{ text: 'Records removed before screening:', isBold: true }, { text: `  Duplicate records removed ${countLabel(c.duplicatesRemoved)}` }]) },
    { main: box(MAIN_X, MAIN_W, [{ text: `Records screened ${countLabel(c.screened)}`, isBold: true }, ...(c.awaitingScreening > 0 ? [{ text: `  Awaiting a decision ${countLabel(c.awaitingScreening)}` }] : [])]), side: box(SIDE_X, SIDE_W, [{ text: `Records excluded ${countLabel(c.excludedAtScreening)}`, isBold: true }, ...reasons(c.excludedAtScreeningReasons)]) },
    { main: box(MAIN_X, MAIN_W, [{ text: `Reports sought for retrieval ${countLabel(c.soughtForRetrieval)}`, isBold: true }]), side: box(SIDE_X, SIDE_W, [{ text: `Reports not retrieved ${countLabel(c.notRetrieved)}`, isBold: true }]) },
    { main: box(MAIN_X, MAIN_W, [{ text: `Reports assessed for eligibility ${countLabel(c.assessedForEligibility)}`, isBold: true }, ...(c.awaitingAssessment > 0 ? [{ text: `  Awaiting a decision ${countLabel(c.awaitingAssessment)}` }] : [])]), side: box(SIDE_X, SIDE_W, [{ text: `Reports excluded ${countLabel(c.excludedAtFullText)}`, isBold: true }, ...reasons(c.excludedAtFullTextReasons)]) },
    { main: box(MAIN_X, MAIN_W, [{ text: `New studies included in review ${countLabel(c.included)}`, isBold: true }, { text: `Reports of new included studies ${countLabel(c.included)}` }]) },
  ];
  let y = 70;
  for (const row of rows) {
    const h = Math.max(row.main.h, row.side?.h ?? 0);
    row.main.y = y;
    row.main.h = h;
    if (row.side) Object.assign(row.side, { y, h });
    y += h + GAP;
  }
  const previous = [box(PREV_X, PREV_W, [{ text: `Studies included in previous version of review ${countLabel(u.previous.studies)}`, isBold: true }]), box(PREV_X, PREV_W, [{ text: `Reports of studies included in previous version of review ${countLabel(u.previous.reports)}` }])];
  previous[0]!.y = 70;
  previous[1]!.y = 70 + previous[0]!.h + GAP / 2;
  const total = box(PREV_X, MAIN_X + MAIN_W - PREV_X, [{ text: `Total studies included in review ${countLabel(u.total.studies)}`, isBold: true }, { text: `Reports of total included studies ${countLabel(u.total.reports)}` }]);
  total.y = y;
  const height = y + total.h + 20;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="prisma-update-title">`,
    `<title id="prisma-update-title">PRISMA 2020 flow diagram of update ${u.update} (${u.date}): ${u.previous.studies} studies from previous versions, ${c.identified} new records identified, ${c.included} new studies included, ${u.total.studies} in total</title>`,
    '<style>.prisma-box{fill:#fff;stroke:#222;stroke-width:1.2}.prisma-text{font:13px Helvetica,Arial,sans-serif;fill:#111}.prisma-bold{font-weight:bold}.prisma-head{font:bold 14px Helvetica,Arial,sans-serif;fill:#111}.prisma-arrow{stroke:#222;stroke-width:1.2;fill:none}</style>',
    '<defs><marker id="prisma-update-arrowhead" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#222222"/></marker></defs>',
    `<text x="${PREV_X}" y="30" class="prisma-head">Previous studies</text>`,
    `<text x="${MAIN_X}" y="30" class="prisma-head">Identification of new studies via databases (update ${u.update}, ${esc(u.date)})</text>`,
  ];
  const arrow = (x1: number, y1: number, x2: number, y2: number) => `<path d="M${x1},${y1}L${x2},${y2}" class="prisma-arrow" marker-end="url(#prisma-update-arrowhead)"/>`;
  const draw = (b: Box) => {
    out.push(`<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" class="prisma-box"/>`);
    b.lines.forEach((line, k) => out.push(`<text x="${b.x + PAD}" y="${b.y + PAD + 13 + k * LINE}" class="prisma-text${line.isBold ? ' prisma-bold' : ''}" xml:space="preserve">${esc(line.text)}</text>`));
  };
  rows.forEach((row, i) => {
    draw(row.main);
    if (row.side) {
      draw(row.side);
      out.push(arrow(row.main.x + row.main.w, row.main.y + row.main.h / 2, row.side.x, row.side.y + row.side.h / 2));
    }
    const next = rows[i + 1];
    if (next) out.push(arrow(row.main.x + row.main.w / 2, row.main.y + row.main.h, next.main.x + next.main.w / 2, next.main.y));
  });
  previous.forEach(draw);
  draw(total);
  const last = rows[rows.length - 1]!.main;
  out.push(arrow(last.x + last.w / 2, last.y + last.h, last.x + last.w / 2, total.y));
  out.push(arrow(PREV_X + PREV_W / 2, previous[1]!.y + previous[1]!.h, PREV_X + PREV_W / 2, total.y));
  out.push('</svg>');
  return out.join('\n') + '\n';
}
