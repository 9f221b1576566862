/**
 * Exports of a synthesis: the derived analysis table as CSV (metafor's escalc column names — `exoatlas meta
 * table.csv --measure SMD` or R's escalc + rma reproduce the numbers), the per-study results as CSV, everything as
 * JSON, and the plots as SVG.
 */
import { csvDocument } from '@exoatlas/core';
import type { Cell, Table } from '@exoatlas/meta';
import { ExoError } from '@exoatlas/schema';
import type { AnalysisTable } from './analysis-table.js';
import { type SynthesisOptions, type SynthesisResult, synthesiseTable } from './synthesise.js';

/**
 * R's conventions: NA for a missing value, a text "NA" quoted. Numbers are written as they are and numeric text is never
 * defused, so the table reads back into `exoatlas meta` and R unchanged; text labels that a spreadsheet would run as a
 * formula get a leading apostrophe (@exoatlas/core).
 */
export function tableToCsv(t: Table): string {
  return csvDocument(t.columns, t.rows, { missing: 'NA' });
}

/** One row per comparison: yi, vi, CI, weight (studies not used have no weight). */
export function resultsToCsv(s: SynthesisResult): string {
  const r = s.result;
  const z = 1.959963984540054;
  const used = new Map(r.rowsUsed.map((row, n) => [row, r.weights[n]!]));
  const rows: Cell[][] = r.labels.map((label, i) => {
    const st = r.studies[i]!;
    const se = st.vi === null ? null : Math.sqrt(st.vi);
    return [label, s.analysisTable.rows[i]?.studyId ?? null, st.yi, st.vi, st.yi !== null && se !== null ? st.yi - z * se : null, st.yi !== null && se !== null ? st.yi + z * se : null, used.get(i + 1) ?? null];
  });
  rows.push([`pooled (${r.method})`, null, r.estimate, r.se === null ? null : r.se ** 2, r.ciLower, r.ciUpper, 100]);
  return tableToCsv({ columns: ['study', 'studyId', 'yi', 'vi', 'ciLower', 'ciUpper', 'weight'], rows });
}

/** The whole synthesis as one JSON document (options, derived table, results, warnings, SVGs). */
export function synthesisToJson(s: SynthesisResult, meta: { projectId?: string; generatedAt?: string } = {}): string {
  return `${JSON.stringify(
    {
      ...meta,
      options: s.options,
      measure: s.measure,
      measureReason: s.measureReason,
      table: s.analysisTable.table,
      comparisons: s.analysisTable.rows,
      excluded: s.analysisTable.excluded,
      result: s.result,
      effect: s.effect,
      warnings: s.warnings,
      reproduce: `exoatlas meta table.csv --measure ${s.measure} --method ${s.result.method}${s.result.test === 'knha' ? ' --test knha' : ''}${s.options.subgroup ? ` (subgroups by ${s.options.subgroup})` : ''}`,
    },
    null,
    2,
  )}\n`;
}

/** A stored synthesis (the JSON of synthesisToJson) analysed again from its own derived table: the same numbers. */
export function synthesisFromJson(stored: unknown): SynthesisResult {
  const s = stored as { options?: SynthesisOptions; measure?: AnalysisTable['measure']; measureReason?: string; table?: Table; comparisons?: AnalysisTable['rows']; excluded?: AnalysisTable['excluded']; warnings?: string[] } | null;
  if (!s || !s.options || !s.measure || !s.table || !Array.isArray(s.table.columns) || !Array.isArray(s.table.rows)) {
    throw new ExoError('EXO_ERR_EXTRACT_BAD_OPTION', 'not a stored synthesis: it needs options, measure and table {columns, rows}', { field: 'synthesis' });
  }
  const at: AnalysisTable = { measure: s.measure, measureReason: s.measureReason ?? '', table: s.table, rows: s.comparisons ?? [], excluded: s.excluded ?? [], warnings: [] };
  const r = synthesiseTable(at, s.options);
  // the table's own warnings (conversions, shared controls) were recorded when it was derived
  const tableWarnings = (s.warnings ?? []).filter((w) => !r.warnings.includes(w));
  return { ...r, analysisTable: { ...at, warnings: tableWarnings }, warnings: s.warnings ?? r.warnings };
}
