import { escapeSvgText as esc } from '@exoatlas/core';
import { BOX_PAD, countLabel, wrapToBox } from './flow-text.js';
import type { PrismaCounts, ReasonCount } from './counts.js';

export interface PrismaSvgOptions {
  /**
   * A standalone file ready to rasterise to PNG (rsvg-convert, Inkscape, a browser canvas): XML prolog, a white
   * background, every style as attributes (no <style>, no CSS classes), dimensions in pixels times `scale`.
   */
  isStandalone?: boolean;
  /** Pixel scale of a standalone file (default 2). */
  scale?: number;
}

const WIDTH = 900;
const MAIN_X = 70;
const MAIN_W = 400;
const SIDE_X = 520;
const SIDE_W = 350;
const LINE = 17;
const PAD = BOX_PAD;
const GAP = 34;


interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  lines: { text: string; isBold: boolean }[];
}

function box(x: number, w: number, parts: { text: string; isBold?: boolean; indent?: boolean }[]): Omit<Box, 'y' | 'h'> & { h: number } {
  const lines = parts.flatMap((p) => wrapToBox(p.indent ? `    ${p.text}` : p.text, w, p.indent ? '      ' : '').map((text) => ({ text, isBold: p.isBold ?? false })));
  return { x, w, h: lines.length * LINE + 2 * PAD, lines };
}

/** The rail's length a stage label needs: bold 14 px Helvetica is at most about 8.7 px a letter, plus padding. */
const railLabelLength = (stage: string): number => Math.ceil(stage.length * 8.7) + 2 * PAD;

const reasonLines = (reasons: readonly ReasonCount[]) => reasons.map((r) => ({ text: `${r.reason} ${countLabel(r.count)}`, indent: true }));

/**
 * The PRISMA 2020 flow diagram for new systematic reviews (Page et al. 2021, BMJ 372:n71; databases and registers),
 * drawn from counts: identification, screening with the title/abstract exclusion reasons (which preclinical reviews
 * report), retrieval, eligibility with the full-text reasons, inclusion. A pure function: the same counts give the
 * same bytes. The web app, the CLI and the API all draw with it.
 */
export function prismaSvg(c: PrismaCounts, options: PrismaSvgOptions = {}): string {
  const rows: { stage: string; main: ReturnType<typeof box>; side?: ReturnType<typeof box> }[] = [
    {
      stage: 'Identification',
      main: box(MAIN_X, MAIN_W, [{ text: 'Records identified from databases and registers', isBold: true }, { text: `Total ${countLabel(c.identified)}` }, ...c.identifiedBySource.map((s) => ({ text: `${s.source} ${countLabel(s.count)}`, indent: true }))]),
      side: box(SIDE_X, SIDE_W, [{ text: 'Records removed before screening:', isBold: true }, { text: `Duplicate records removed ${countLabel(c.duplicatesRemoved)}`, indent: true }]),
    },
    {
      stage: 'Screening',
      main: box(MAIN_X, MAIN_W, [{ text: `Records screened ${countLabel(c.screened)}`, isBold: true }, ...(c.awaitingScreening > 0 ? [{ text: `Awaiting a title/abstract decision ${countLabel(c.awaitingScreening)}`, indent: true }] : [])]),
      // PRISMA 2020's footnote: with automation tools, say how many records a human and how many the tools excluded.
      side: box(SIDE_X, SIDE_W, [
        { text: `Records excluded ${countLabel(c.excludedAtScreening)}`, isBold: true },
        ...(c.excludedByAutomation > 0 ? [{ text: `by a human ${countLabel(c.excludedAtScreening - c.excludedByAutomation)}; by automation tools ${countLabel(c.excludedByAutomation)}` }] : []),
        ...reasonLines(c.excludedAtScreeningReasons),
      ]),
    },
    {
      stage: 'Screening',
      main: box(MAIN_X, MAIN_W, [{ text: `Reports sought for retrieval ${countLabel(c.soughtForRetrieval)}`, isBold: true }]),
      side: box(SIDE_X, SIDE_W, [{ text: `Reports not retrieved ${countLabel(c.notRetrieved)}`, isBold: true }]),
    },
    {
      stage: 'Screening',
      main: box(MAIN_X, MAIN_W, [{ text: `Reports assessed for eligibility ${countLabel(c.assessedForEligibility)}`, isBold: true }, ...(c.awaitingAssessment > 0 ? [{ text: `Awaiting a full-text decision ${countLabel(c.awaitingAssessment)}`, indent: true }] : [])]),
      side: box(SIDE_X, SIDE_W, [{ text: `Reports excluded ${countLabel(c.excludedAtFullText)}`, isBold: true }, ...reasonLines(c.excludedAtFullTextReasons)]),
    },
    { stage: 'Included', main: box(MAIN_X, MAIN_W, [{ text: `Studies included in review ${countLabel(c.included)}`, isBold: true }, { text: `Reports of included studies ${countLabel(c.included)}` }]) },
  ];
  const title = 50;
  let y = title;
  const heights = rows.map((r) => Math.max(r.main.h, r.side?.h ?? 0));
  // Each stage's rail is at least as tall as its rotated label (issue 20: "Included" was clipped on a one-box rail).
  for (const stage of new Set(rows.map((r) => r.stage))) {
    const at = rows.flatMap((r, i) => (r.stage === stage ? [i] : []));
    const span = at.reduce((sum, i) => sum + heights[i]!, 0) + GAP * (at.length - 1);
    const last = at[at.length - 1]!;
    heights[last] = heights[last]! + Math.max(0, railLabelLength(stage) - span);
  }
  const placed = rows.map((r, i) => {
    const h = heights[i]!;
    const out = { stage: r.stage, main: { ...r.main, y, h }, side: r.side ? { ...r.side, y, h } : undefined };
    y += h + GAP;
    return out;
  });
  const height = y - GAP + 20;
  const standalone = options.isStandalone ?? false;
  const scale = options.scale ?? 2;
  const font = 'font-family="Helvetica, Arial, sans-serif"';
  const boxStyle = standalone ? 'fill="#ffffff" stroke="#222222" stroke-width="1.2"' : 'class="prisma-box"';
  const textAttr = (isBold: boolean) => (standalone ? `${font} font-size="13" fill="#111111"${isBold ? ' font-weight="bold"' : ''}` : `class="prisma-text${isBold ? ' prisma-bold' : ''}"`);
  const out: string[] = [];
  if (standalone) out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${standalone ? WIDTH * scale : WIDTH}" height="${standalone ? height * scale : height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="prisma-title">`,
    `<title id="prisma-title">PRISMA 2020 flow diagram: ${c.identified} records identified, ${c.screened} screened, ${c.included} studies included</title>`,
  );
  if (!standalone) {
    out.push(
      '<style>.prisma-box{fill:#fff;stroke:#222;stroke-width:1.2}.prisma-text{font:13px Helvetica,Arial,sans-serif;fill:#111}.prisma-bold{font-weight:bold}.prisma-stage{font:bold 14px Helvetica,Arial,sans-serif;fill:#fff}.prisma-rail{fill:#6d9dc5}.prisma-arrow{stroke:#222;stroke-width:1.2;fill:none}</style>',
    );
  } else out.push(`<rect x="0" y="0" width="${WIDTH}" height="${height}" fill="#ffffff"/>`);
  out.push(`<defs><marker id="prisma-arrowhead" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#222222"/></marker></defs>`);
  out.push(`<text x="${MAIN_X}" y="30" ${standalone ? `${font} font-size="15" font-weight="bold" fill="#111111"` : 'class="prisma-text prisma-bold"'}>Identification of studies via databases and registers</text>`);
  // Stage rails on the left.
  const stages = ['Identification', 'Screening', 'Included'];
  for (const stage of stages) {
    const members = placed.filter((p) => p.stage === stage);
    const top = members[0]!.main.y;
    const last = members[members.length - 1]!.main;
    const bottom = last.y + last.h;
    const mid = (top + bottom) / 2;
    out.push(`<rect x="14" y="${top}" width="34" height="${bottom - top}" rx="6" ${standalone ? 'fill="#6d9dc5"' : 'class="prisma-rail"'}/>`);
    out.push(`<text x="31" y="${mid}" transform="rotate(-90 31 ${mid})" text-anchor="middle" dominant-baseline="central" ${standalone ? `${font} font-size="14" font-weight="bold" fill="#ffffff"` : 'class="prisma-stage"'}>${stage}</text>`);
  }
  const arrow = (x1: number, y1: number, x2: number, y2: number) =>
    `<path d="M${x1},${y1}L${x2},${y2}" ${standalone ? 'stroke="#222222" stroke-width="1.2" fill="none"' : 'class="prisma-arrow"'} marker-end="url(#prisma-arrowhead)"/>`;
  placed.forEach((p, i) => {
    for (const b of [p.main, p.side]) {
      if (!b) continue;
      out.push(`<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" ${boxStyle}/>`);
      b.lines.forEach((line, k) => out.push(`<text x="${b.x + PAD}" y="${b.y + PAD + 13 + k * LINE}" ${textAttr(line.isBold)} xml:space="preserve">${esc(line.text)}</text>`));
    }
    if (p.side) out.push(arrow(p.main.x + p.main.w, p.main.y + p.main.h / 2, p.side.x, p.side.y + p.side.h / 2));
    const next = placed[i + 1];
    if (next) out.push(arrow(p.main.x + p.main.w / 2, p.main.y + p.main.h, next.main.x + next.main.w / 2, next.main.y));
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}
