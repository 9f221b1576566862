import { ExoError, type Gap, type Study } from '@exoatlas/schema';
import { checkDimension, orderValues, studyValues, type MapDimension } from './dimensions.js';
import { headToHeadComparisons, type HeadToHead } from './head-to-head.js';

/** Which studies a map counts: exosome and extracellular-vesicle studies (default), cell-therapy studies, or all. */
export const VESICLE_SCOPES = ['exosome', 'cell', 'all'] as const;
export type VesicleScope = (typeof VESICLE_SCOPES)[number];

export interface EvidenceMapOptions {
  rows?: string;
  cols?: string;
  vesicle?: string;
}

export interface MapCell {
  row: string;
  col: string;
  count: number;
  studyIds: string[];
  /** Of those, the studies published from living-review projects (not in the review itself): the map marks them. */
  fromProjects: number;
  /** Gaps the review names for this cell. */
  gapIds: string[];
}

/** A gap the review names, placed on the map where its fields give the row and the column. */
export type PlacedGap = Gap & { row?: string; col?: string };

export interface EvidenceMap {
  rowDimension: MapDimension;
  colDimension: MapDimension;
  vesicle: VesicleScope;
  rows: string[];
  cols: string[];
  /** Every row × column, empty ones included, row by row. */
  cells: MapCell[];
  comparisons: HeadToHead[];
  gaps: PlacedGap[];
}

const GAP_FIELD: Partial<Record<MapDimension, 'diseaseArea' | 'cellSource'>> = { diseaseArea: 'diseaseArea', cellSource: 'cellSource' };

const inScope = (s: Study, scope: VesicleScope): boolean => scope === 'all' || (scope === 'cell' ? s.vesicle === 'cell' : s.vesicle !== 'cell');

/**
 * Crosses two study dimensions and counts the studies in each cell. A study with several species or settings counts
 * once in each of them; one whose species the review does not state counts under "unspecified". Rows and columns are
 * the values that occur in the studies or in the review's gaps. Gaps whose disease area or cell source fall on the
 * map's axes are attached to their cell; the head-to-head comparisons of iPSC-derived against adult MSC vesicles
 * come with their direction.
 */
export function evidenceMap(studies: readonly Study[], gaps: readonly Gap[], options: EvidenceMapOptions = {}): EvidenceMap {
  const rowDimension = checkDimension(options.rows ?? 'diseaseArea', 'rows');
  const colDimension = checkDimension(options.cols ?? 'cellSource', 'cols');
  if (rowDimension === colDimension) throw new ExoError('EXO_ERR_QUERY_INVALID', `rows and cols must be different dimensions (both are '${rowDimension}')`, { field: 'cols' });
  const vesicle = (options.vesicle ?? 'exosome') as VesicleScope;
  if (!VESICLE_SCOPES.includes(vesicle)) {
    throw new ExoError('EXO_ERR_QUERY_UNKNOWN_FILTER', `unknown vesicle scope '${options.vesicle}'; known: ${VESICLE_SCOPES.join(', ')}`, { field: 'vesicle' });
  }
  const counted = studies.filter((s) => inScope(s, vesicle));
  const placed: PlacedGap[] = gaps.map((g) => {
    const rowField = GAP_FIELD[rowDimension];
    const colField = GAP_FIELD[colDimension];
    const row = rowField ? g[rowField] : undefined;
    const col = colField ? g[colField] : undefined;
    return { ...g, ...(row !== undefined ? { row } : {}), ...(col !== undefined ? { col } : {}) };
  });

  const rows = orderValues([...counted.flatMap((s) => studyValues(s, rowDimension)), ...placed.flatMap((g) => (g.row ? [g.row] : []))], rowDimension);
  const cols = orderValues([...counted.flatMap((s) => studyValues(s, colDimension)), ...placed.flatMap((g) => (g.col ? [g.col] : []))], colDimension);
  const key = (row: string, col: string): string => `${row}\u0000${col}`;
  const cells = new Map<string, MapCell>();
  for (const row of rows) for (const col of cols) cells.set(key(row, col), { row, col, count: 0, studyIds: [], fromProjects: 0, gapIds: [] });
  for (const s of counted) {
    for (const row of new Set(studyValues(s, rowDimension))) {
      for (const col of new Set(studyValues(s, colDimension))) {
        const cell = cells.get(key(row, col))!;
        cell.count++;
        cell.studyIds.push(s.id);
        if (s.origin.kind === 'project') cell.fromProjects++;
      }
    }
  }
  for (const g of placed) if (g.row !== undefined && g.col !== undefined) cells.get(key(g.row, g.col))!.gapIds.push(g.id);

  return { rowDimension, colDimension, vesicle, rows, cols, cells: [...cells.values()], comparisons: headToHeadComparisons(counted), gaps: placed };
}
