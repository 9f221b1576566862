import type { EvidenceMap } from '@exoatlas/atlas';
import { ATLAS_OPTIONS, parseCommandArgs } from '../args.js';
import type { CommandIO } from '../command-io.js';
import { openAtlas } from '../context.js';

const USAGE = `Usage: exoatlas map [--rows D] [--cols D] [--vesicle exosome|cell|all] [--json]
  The evidence map: how many studies there are for each pair of values (D: diseaseArea, cellSource, species,
  setting; default rows diseaseArea, columns cellSource), the head-to-head comparisons of iPSC-derived against adult
  MSC vesicles, and the gaps the review names. Counts exosome and EV studies unless --vesicle says otherwise.
`;

/** `exoatlas map`: the evidence map as a table, with comparisons and gaps. */
export async function mapCommand(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseCommandArgs('map', args, { ...ATLAS_OPTIONS, rows: { type: 'string' }, cols: { type: 'string' }, vesicle: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, false);
  if (values.help) return (io.stdout(USAGE), 0);
  const { atlas, stores } = await openAtlas(io, values);
  try {
    const map = atlas.evidenceMap({ rows: values.rows, cols: values.cols, vesicle: values.vesicle });
    io.stdout(values.json ? JSON.stringify(map, null, 2) + '\n' : mapText(map));
    return 0;
  } finally {
    await stores.close();
  }
}

/** The map as a grid ("·" for no study, "∅" for a cell the review names as a gap), then comparisons and gaps. */
function mapText(map: EvidenceMap): string {
  const cell = new Map(map.cells.map((c) => [`${c.row}\u0000${c.col}`, c]));
  const rowWidth = Math.max(map.rowDimension.length, ...map.rows.map((r) => r.length));
  const colWidths = map.cols.map((c) => Math.max(c.length, 3));
  const lines = [
    `Studies by ${map.rowDimension} × ${map.colDimension} (${map.vesicle === 'exosome' ? 'exosome and EV studies' : map.vesicle === 'cell' ? 'cell-therapy studies' : 'all studies'})`,
    '',
    [map.rowDimension.padEnd(rowWidth), ...map.cols.map((c, i) => c.padStart(colWidths[i]!))].join('  '),
  ];
  for (const row of map.rows) {
    const cells = map.cols.map((col, i) => {
      const c = cell.get(`${row}\u0000${col}`)!;
      const shown = c.count === 0 ? (c.gapIds.length ? '∅' : '·') : `${c.count}${c.gapIds.length ? '*' : ''}`;
      return shown.padStart(colWidths[i]!);
    });
    lines.push([row.padEnd(rowWidth), ...cells].join('  '));
  }
  lines.push('', '· no study   ∅ no study, and the review names the gap   * the review names a gap here');
  if (map.comparisons.length) {
    lines.push('', 'Head-to-head: iPSC-derived against adult MSC vesicles');
    for (const c of map.comparisons) {
      lines.push(`  ${c.source} ${c.result} to ${c.comparator} — ${c.diseaseArea}, ${c.condition} [${c.referenceNumbers.join(', ')}] (${c.studyId})`);
      lines.push(`      ${c.summary}`);
      if (c.sourceCorrection) lines.push(`      note: the review says ${c.sourceCorrection.asPrinted}; ${c.sourceCorrection.note}`);
    }
  }
  if (map.gaps.length) {
    lines.push('', 'Gaps the review names');
    for (const g of map.gaps) {
      const at = [g.row, g.col].filter(Boolean).join(' × ');
      lines.push(`  ${at ? `[${at}] ` : ''}${g.text.replace(/\s+/g, ' ')}`);
      lines.push(`      “${g.provenance[0]!.quote}” (§ ${g.provenance[0]!.section})`);
    }
  }
  return lines.join('\n') + '\n';
}
