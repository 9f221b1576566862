/** Effect-size measures (metafor's escalc `measure`, plus CAMARADES' normalised mean difference). */
export const MEASURES = ['SMD', 'MD', 'ROM', 'OR', 'RR', 'RD', 'PLO', 'PR', 'COR', 'ZCOR', 'GEN', 'NMD'] as const;
export type Measure = (typeof MEASURES)[number];

export function isMeasure(m: string): m is Measure {
  return (MEASURES as readonly string[]).includes(m);
}

/** Numeric input columns by name; NaN marks a missing cell. */
export type ColumnSet = Record<string, Float64Array>;

export interface EffectSizes {
  yi: Float64Array;
  vi: Float64Array;
}

/** One measure: the column sets it accepts (first complete set wins) and how it turns them into yi, vi. */
export interface MeasureDefinition {
  measure: Measure;
  label: string;
  /** alternative input column sets */
  inputs: string[][];
  /** optional columns the measure uses when present */
  optional?: string[];
  compute(cols: ColumnSet, k: number, warnings: string[]): EffectSizes;
}

/** Allocates yi, vi filled with NaN. */
export function emptyEffects(k: number): EffectSizes {
  return { yi: new Float64Array(k).fill(NaN), vi: new Float64Array(k).fill(NaN) };
}

/** Column `name`, which the caller has checked is present. */
export function col(cols: ColumnSet, name: string): Float64Array {
  const c = cols[name];
  if (!c) throw new Error(`internal: column ${name} missing`);
  return c;
}
