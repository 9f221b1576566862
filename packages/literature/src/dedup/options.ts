import { LiteratureError } from '../errors.js';

export interface DedupOptions {
  /** Overall score (weighted over the fields both records have) needed to link two records. Default 0.85. */
  threshold?: number;
  /** Title similarity (1 − normalised edit distance) needed before other fields are looked at. Default 0.9. */
  titleThreshold?: number;
  /** Title similarity needed to group a preprint with its published version (titles often change). Default 0.8. */
  preprintTitleThreshold?: number;
  /** Group preprints with their published versions (default true); false keeps them apart. */
  groupPreprints?: boolean;
  /** Blocks larger than this are paired by sorted neighbourhood only. Default 500. */
  maxBlockSize?: number;
  /** Neighbourhood window in large blocks. Default 25. */
  window?: number;
}

export type ResolvedDedupOptions = Required<DedupOptions>;

export const DEFAULT_DEDUP_OPTIONS: ResolvedDedupOptions = {
  threshold: 0.85,
  titleThreshold: 0.9,
  preprintTitleThreshold: 0.8,
  groupPreprints: true,
  maxBlockSize: 500,
  window: 25,
};

function checkFraction(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0 || value > 1) {
    throw new LiteratureError('EXO_ERR_LIT_BAD_OPTION', `${name} must be a number above 0 and at most 1, not ${value}`, { field: name });
  }
}

/** Options with defaults filled in; out-of-range values are refused. */
export function resolveDedupOptions(options: DedupOptions = {}): ResolvedDedupOptions {
  const out = { ...DEFAULT_DEDUP_OPTIONS };
  for (const [key, value] of Object.entries(options)) if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  checkFraction('threshold', out.threshold);
  checkFraction('titleThreshold', out.titleThreshold);
  checkFraction('preprintTitleThreshold', out.preprintTitleThreshold);
  for (const key of ['maxBlockSize', 'window'] as const) {
    if (!Number.isInteger(out[key]) || out[key] < 1) throw new LiteratureError('EXO_ERR_LIT_BAD_OPTION', `${key} must be a positive whole number, not ${out[key]}`, { field: key });
  }
  return out;
}
