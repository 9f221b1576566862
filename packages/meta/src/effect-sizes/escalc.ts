/**
 * escalc(): effect sizes yᵢ and sampling variances vᵢ from a table, with metafor's formulas, defaults and zero-cell
 * handling (metafor escalc, add = 1/2, to = "only0", vtype = "LS"). Values that come out infinite are recoded
 * to missing with metafor's warning; rows with a missing input give a missing effect size.
 */
import { MetaError } from '../errors.js';
import { type AnyTable, columnIndex, numericColumn, rowCount } from '../table.js';
import { COR } from './cor.js';
import { GEN } from './gen.js';
import { MD } from './md.js';
import { NMD } from './nmd.js';
import { OR } from './or.js';
import { PLO } from './plo.js';
import { PR } from './pr.js';
import { RD } from './rd.js';
import { ROM } from './rom.js';
import { RR } from './rr.js';
import { fillSdFromSem } from './sd-from-sem.js';
import { SMD } from './smd.js';
import { type ColumnSet, type EffectSizes, type Measure, type MeasureDefinition, MEASURES, isMeasure } from './types.js';
import { validateColumns } from './validate.js';
import { ZCOR } from './zcor.js';

export const MEASURE_DEFINITIONS: Record<Measure, MeasureDefinition> = { SMD, MD, ROM, OR, RR, RD, PLO, PR, COR, ZCOR, GEN, NMD };

/** SD columns may be given as SEMs (`sem1i`, `sem2i`) and converted with SD = SEM·√n. */
const SEM_FOR: Record<string, string> = { sd1i: 'sem1i', sd2i: 'sem2i' };

export interface EscalcResult extends EffectSizes {
  measure: Measure;
  /** the input columns used */
  columns: string[];
  warnings: string[];
}

function has(table: AnyTable, name: string): boolean {
  return columnIndex(table, name) >= 0;
}

function hasOrSem(table: AnyTable, name: string): boolean {
  const sem = SEM_FOR[name];
  return has(table, name) || (sem !== undefined && has(table, sem));
}

/** The first of the measure's column sets the table provides, or an error naming what is missing. */
function chooseInputs(def: MeasureDefinition, table: AnyTable): string[] {
  for (const set of def.inputs) if (set.every((c) => hasOrSem(table, c))) return set;
  const first = def.inputs[0]!;
  const missing = first.filter((c) => !hasOrSem(table, c));
  const alternatives = def.inputs.map((s) => s.join(',')).join(' or ');
  throw new MetaError(
    'EXO_ERR_META_MISSING_COLUMN',
    `measure ${def.measure} needs the columns ${alternatives}; the data lack ${missing.map((c) => `"${c}"`).join(', ')} (columns found: ${table.columns.join(', ')})`,
    { column: missing[0] },
  );
}

/** Computes yᵢ, vᵢ for every row of the table. */
export function escalc(table: AnyTable, measure: string): EscalcResult {
  if (!isMeasure(measure)) {
    throw new MetaError('EXO_ERR_META_UNKNOWN_MEASURE', `unknown measure "${measure}"; use one of ${MEASURES.join(', ')}`, { field: 'measure' });
  }
  const def = MEASURE_DEFINITIONS[measure];
  const k = rowCount(table);
  const warnings: string[] = [];
  const names = chooseInputs(def, table);
  // only the chosen column set is read (a table may carry n1i for its means and ai..di for its counts)
  const extra = [...(def.optional ?? [])];
  const cols: ColumnSet = {};
  let converted = 0;
  for (const name of [...names, ...extra]) {
    if (!has(table, name)) continue;
    cols[name] = numericColumn(table, name);
  }
  for (const [sd, sem] of Object.entries(SEM_FOR)) {
    if (!names.includes(sd)) continue;
    const semCol = has(table, sem) ? numericColumn(table, sem) : undefined;
    if (semCol) cols[sem] = semCol;
    const nCol = cols[sd === 'sd1i' ? 'n1i' : 'n2i']!;
    if (!cols[sd]) cols[sd] = new Float64Array(k).fill(NaN);
    validateColumns(measure, { [sem]: semCol ?? new Float64Array(0) }, semCol ? k : 0);
    converted += fillSdFromSem(cols[sd]!, semCol, nCol);
  }
  validateColumns(measure, cols, k);
  if (converted > 0) warnings.push(`Converted ${converted} standard error${converted === 1 ? '' : 's'} of the mean to standard deviations (SD = SEM * sqrt(n)).`);
  const es = def.compute(cols, k, warnings);
  // R distinguishes NA (a missing input: only the quantities depending on it are missing) from NaN (arithmetic
  // on complete inputs, e.g. 0/0: escalc recodes both yi and vi to NA)
  const required = names.map((c) => cols[c]!);
  let infinite = false;
  for (let i = 0; i < k; i++) {
    const y = es.yi[i]!;
    const v = es.vi[i]!;
    if (y === Infinity || y === -Infinity || v === Infinity || v === -Infinity) {
      infinite = true;
      es.yi[i] = NaN;
      es.vi[i] = NaN;
    } else if ((Number.isNaN(y) || Number.isNaN(v)) && required.every((c) => !Number.isNaN(c[i]!))) {
      es.yi[i] = NaN;
      es.vi[i] = NaN;
    }
    if (es.vi[i]! < 0) es.vi[i] = NaN;
  }
  if (infinite) warnings.push("Some 'yi' and/or 'vi' values equal to +-Inf. Recoded to NAs.");
  return { ...es, measure, columns: names, warnings };
}
