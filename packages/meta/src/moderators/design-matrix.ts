/**
 * The model matrix of a meta-regression from moderator columns, as R's model.matrix(~ a + b) builds it for
 * rma(): an intercept, numeric moderators as they are, text moderators as factors in treatment coding with the
 * reference level first in sort order (levels taken from every row, as R's factor() does, named `<column><level>`).
 */
import { MetaError } from '../errors.js';
import { type Design, dropColumns, redundantColumns, subsetDesign } from '../model/design.js';
import { type AnyTable, cellAt, columnIndex, isMissing, numericColumn, parseNumber, rowCount, textColumn } from '../table.js';

/** R sorts factor levels with the locale's collation (ICU root/en here). */
export const levelCollator = new Intl.Collator('en');

export interface ModeratorInfo {
  name: string;
  kind: 'numeric' | 'factor';
  levels?: string[];
}

export interface ModeratorMatrix {
  /** design over all rows (NaN where a moderator is missing) */
  full: Design;
  /** rows (0-based) where some moderator is missing */
  missingRows: number[];
  moderators: ModeratorInfo[];
}

/** A text column is a factor; so is a column the CSV reader saw quoted throughout. */
export function isFactorColumn(table: AnyTable, name: string): boolean {
  if (table.textColumns?.includes(name)) return true;
  const j = columnIndex(table, name);
  for (let i = 0; i < rowCount(table); i++) {
    const v = cellAt(table, i, j);
    if (isMissing(v) || typeof v === 'number') continue;
    if (typeof v !== 'string' || parseNumber(v) === null) return true;
  }
  return false;
}

export function buildModeratorMatrix(table: AnyTable, mods: string[]): ModeratorMatrix {
  const k = rowCount(table);
  const cols: Float64Array[] = [new Float64Array(k).fill(1)];
  const names = ['intrcpt'];
  const missing = new Set<number>();
  const moderators: ModeratorInfo[] = [];
  for (const name of mods) {
    if (columnIndex(table, name) < 0) {
      throw new MetaError('EXO_ERR_META_MISSING_COLUMN', `moderator "${name}" is not a column of the data (columns: ${table.columns.join(', ')})`, { column: name, field: 'mods' });
    }
    if (isFactorColumn(table, name)) {
      const values = textColumn(table, name);
      const levels = [...new Set(values.filter((v): v is string => v !== null))].sort(levelCollator.compare);
      moderators.push({ name, kind: 'factor', levels });
      for (const level of levels.slice(1)) {
        const c = new Float64Array(k);
        values.forEach((v, i) => (c[i] = v === null ? NaN : v === level ? 1 : 0));
        cols.push(c);
        names.push(`${name}${level}`);
      }
      values.forEach((v, i) => v === null && missing.add(i));
    } else {
      const c = numericColumn(table, name);
      c.forEach((v, i) => Number.isNaN(v) && missing.add(i));
      moderators.push({ name, kind: 'numeric' });
      cols.push(c);
      names.push(name);
    }
  }
  const p = cols.length;
  const x = new Float64Array(k * p);
  cols.forEach((c, j) => x.set(c, j * k));
  return { full: { k, p, x, names, hasIntercept: true }, missingRows: [...missing].sort((a, b) => a - b), moderators };
}

/**
 * The design of the studies used: constant moderators are an error; columns redundant among these studies
 * (a factor level with no study left, say) are dropped with metafor's warning.
 */
export function designForRows(mm: ModeratorMatrix, rows: number[], warnings: string[]): Design {
  const d = subsetDesign(mm.full, rows);
  let col = 1;
  for (const mod of mm.moderators) {
    const width = mod.kind === 'factor' ? mod.levels!.length - 1 : 1;
    let constant = true;
    if (mod.kind === 'numeric') {
      for (let i = 1; i < d.k; i++) if (d.x[col * d.k + i] !== d.x[col * d.k]) constant = false;
    } else {
      // constant when every used study has the same level
      const key = (i: number): string => Array.from({ length: width }, (_, j) => d.x[(col + j) * d.k + i]).join(',');
      const first = key(0);
      for (let i = 1; i < d.k; i++) if (key(i) !== first) constant = false;
    }
    if (constant && d.k > 0) {
      throw new MetaError(
        'EXO_ERR_META_CONSTANT_MODERATOR',
        `moderator "${mod.name}" has the same value in every study used, so it cannot explain heterogeneity`,
        { column: mod.name, field: 'mods' },
      );
    }
    col += width;
  }
  const drop = redundantColumns(d);
  if (drop.some(Boolean)) {
    warnings.push('Redundant predictors dropped from the model.');
    return dropColumns(d, drop);
  }
  return d;
}
