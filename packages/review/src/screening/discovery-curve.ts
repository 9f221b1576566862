import { escapeSvgText as esc, linearScale, niceTicks, svgCoordinate as c, svgOpen } from '@exoatlas/core';

const WIDTH = 640;
const HEIGHT = 300;
const MARGIN = { top: 36, right: 24, bottom: 48, left: 56 };

/**
 * The discovery curve of a screening: includes found (y) against records screened (x), in screening order, with the
 * x axis running to every eligible record so the unscreened part shows. It flattens as the ranking runs out of
 * likely includes, which is what a team weighs before stopping (beside the stopping guidance's numbers). A pure
 * function: the same sequence gives the same bytes.
 * @param sequence 1 for an include (or maybe), 0 for an exclude, in the order records were first decided
 * @param total every record of the stage, screened or not
 * @param pending records screened with an include or maybe that are not settled as includes yet (awaiting a
 *   second reviewer or a resolution): said under the curve, not counted on it (the dashboard table does not either)
 */
export function discoveryCurveSvg(sequence: readonly (0 | 1)[], total: number, pending = 0): string {
  const screened = sequence.length;
  const found = sequence.reduce<number>((n, v) => n + v, 0);
  const last = sequence.lastIndexOf(1);
  const since = last === -1 ? screened : screened - 1 - last;
  const xMax = Math.max(total, screened, 1);
  const yMax = Math.max(niceTicks(0, Math.max(found, 1), 5).at(-1)!, found, 1);
  const x = linearScale([0, xMax], [MARGIN.left, WIDTH - MARGIN.right]);
  const y = linearScale([0, yMax], [HEIGHT - MARGIN.bottom, MARGIN.top]);
  const title = `Includes found as screening went on: ${found} in ${screened} of ${total} records screened`;
  const waiting = pending > 0 ? ` ${pending} more with an include or maybe await a second reviewer or a resolution.` : '';
  const desc = `${last === -1 ? 'No include yet.' : `The last include was record ${last + 1} screened; ${since} screened since.`}${waiting}`;
  const out = [svgOpen(WIDTH, HEIGHT, 'discovery', title, desc)];
  // The unscreened part of the axis, shaded, under the grid.
  if (screened < xMax) {
    out.push(`<rect x="${c(x(screened))}" y="${c(MARGIN.top)}" width="${c(x(xMax) - x(screened))}" height="${c(HEIGHT - MARGIN.bottom - MARGIN.top)}" fill="#f2f2f2"/>`);
    if (x(xMax) - x(screened) > 90) out.push(`<text x="${c((x(screened) + x(xMax)) / 2)}" y="${c(MARGIN.top + 18)}" text-anchor="middle" fill="#555555">Not screened (${xMax - screened})</text>`);
  }
  // Axes and grid.
  for (const t of niceTicks(0, xMax, 6)) {
    out.push(`<line x1="${c(x(t))}" y1="${c(HEIGHT - MARGIN.bottom)}" x2="${c(x(t))}" y2="${c(HEIGHT - MARGIN.bottom + 5)}" stroke="#444444"/>`);
    out.push(`<text x="${c(x(t))}" y="${c(HEIGHT - MARGIN.bottom + 18)}" text-anchor="middle" fill="#333333">${t}</text>`);
  }
  // Includes come whole: integer ticks only (niceTicks gives 0.5 steps below 3).
  for (const t of niceTicks(0, yMax, 5).filter(Number.isInteger)) {
    out.push(`<line x1="${c(MARGIN.left)}" y1="${c(y(t))}" x2="${c(WIDTH - MARGIN.right)}" y2="${c(y(t))}" stroke="#e4e4e4"/>`);
    out.push(`<text x="${c(MARGIN.left - 8)}" y="${c(y(t) + 4)}" text-anchor="end" fill="#333333">${t}</text>`);
  }
  out.push(`<line x1="${c(MARGIN.left)}" y1="${c(HEIGHT - MARGIN.bottom)}" x2="${c(WIDTH - MARGIN.right)}" y2="${c(HEIGHT - MARGIN.bottom)}" stroke="#444444"/>`);
  out.push(`<line x1="${c(MARGIN.left)}" y1="${c(MARGIN.top)}" x2="${c(MARGIN.left)}" y2="${c(HEIGHT - MARGIN.bottom)}" stroke="#444444"/>`);
  out.push(`<text x="${c((MARGIN.left + WIDTH - MARGIN.right) / 2)}" y="${c(HEIGHT - 10)}" text-anchor="middle" fill="#111111">Records screened (of ${total})</text>`);
  out.push(`<text x="16" y="${c((MARGIN.top + HEIGHT - MARGIN.bottom) / 2)}" text-anchor="middle" transform="rotate(-90 16 ${c((MARGIN.top + HEIGHT - MARGIN.bottom) / 2)})" fill="#111111">Includes found</text>`);
  // The step curve: a vertical step at each include (points only there, so a long screening stays small).
  let d = `M${c(x(0))},${c(y(0))}`;
  let k = 0;
  sequence.forEach((v, i) => {
    if (v !== 1) return;
    k++;
    d += `H${c(x(i + 1))}V${c(y(k))}`;
  });
  d += `H${c(x(screened))}`;
  out.push(`<path d="${d}" fill="none" stroke="#0072b2" stroke-width="2"/>`);
  out.push(`<text x="${c(MARGIN.left)}" y="20" fill="#111111" font-weight="bold">${esc(`${found} include${found === 1 ? '' : 's'} in ${screened} records screened`)}${last === -1 ? '' : esc(` · ${since} since the last include`)}</text>`);
  out.push('</svg>');
  return out.join('\n');
}
