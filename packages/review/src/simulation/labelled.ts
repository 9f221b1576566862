import { readCitations } from '@exoatlas/literature';
import { ExoError } from '@exoatlas/schema';
import type { Label } from '../ranking/classifier.js';
import { recordText } from '../ranking/record-text.js';

/** Label columns looked for, in order, when none is named (ASReview's and the benchmark files' names). */
export const LABEL_COLUMNS = ['label_included', 'included', 'label', 'final_included', 'label_abstract_screening', 'relevant', 'include'];

export interface LabelledSet {
  texts: string[];
  labels: Label[];
  labelColumn: string;
}

const truthy = new Set(['1', 'true', 'yes', 'y', 'include', 'included']);
const falsy = new Set(['0', 'false', 'no', 'n', 'exclude', 'excluded']);

/** Reads a labelled CSV/TSV (title, abstract and a 0/1 label column per row; rows in file order). */
export async function readLabelledSet(data: string | Uint8Array, options: { fileName?: string; labelColumn?: string } = {}): Promise<LabelledSet> {
  const { records } = await readCitations(data, { fileName: options.fileName, keepRaw: true, format: /\.tsv$/i.test(options.fileName ?? '') ? 'tsv' : 'csv' });
  const columns = new Set(records.flatMap((r) => Object.keys(r.raw.fields)));
  const header = [...columns];
  const wanted = options.labelColumn;
  const labelColumn = wanted ?? LABEL_COLUMNS.map((name) => header.find((h) => h.trim().toLowerCase() === name)).find((h) => h !== undefined);
  if (labelColumn === undefined || (wanted !== undefined && !columns.has(wanted))) {
    throw new ExoError('EXO_ERR_REVIEW_LABELS', `${options.fileName ?? 'input'}: ${wanted ? `no column '${wanted}'` : `no label column (looked for ${LABEL_COLUMNS.join(', ')}); name one with --label-column`}`, { file: options.fileName });
  }
  const labels = records.map((r, i): Label => {
    const value = (r.raw.fields[labelColumn]?.[0] ?? '').trim().toLowerCase();
    if (truthy.has(value)) return 1;
    if (falsy.has(value) || value === '') return 0;
    throw new ExoError('EXO_ERR_REVIEW_LABELS', `${options.fileName ?? 'input'} line ${r.raw.line ?? i + 2}: label '${value}' in column '${labelColumn}' is not 0 or 1`, { file: options.fileName, line: r.raw.line, column: labelColumn });
  });
  if (!labels.includes(1) || !labels.includes(0)) {
    throw new ExoError('EXO_ERR_REVIEW_LABELS', `${options.fileName ?? 'input'}: column '${labelColumn}' needs at least one included (1) and one excluded (0) record`, { file: options.fileName, column: labelColumn });
  }
  return { texts: records.map((r) => recordText(r)), labels, labelColumn };
}
