/** Input checks shared by the conversions: a coded error naming the field, never NaN passed on silently. */
import { MetaError } from '../errors.js';

export function finite(field: string, x: number): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new MetaError('EXO_ERR_META_NOT_NUMERIC', `${field} must be a number (got ${String(x)})`, { field });
  return x;
}

export function positive(field: string, x: number): number {
  if (!(finite(field, x) > 0)) throw new MetaError('EXO_ERR_META_OUT_OF_RANGE', `${field} must be greater than 0 (got ${x})`, { field });
  return x;
}

export function sampleSize(field: string, n: number, min = 2): number {
  if (!(Number.isInteger(finite(field, n)) && n >= min)) throw new MetaError('EXO_ERR_META_OUT_OF_RANGE', `${field} must be a whole number of at least ${min} (got ${n})`, { field });
  return n;
}

export function ordered(fields: string[], xs: number[]): void {
  for (let i = 1; i < xs.length; i++) {
    if (xs[i]! < xs[i - 1]!) throw new MetaError('EXO_ERR_META_OUT_OF_RANGE', `${fields[i - 1]} (${xs[i - 1]}) must not exceed ${fields[i]} (${xs[i]})`, { field: fields[i]! });
  }
  if (xs[xs.length - 1] === xs[0]) throw new MetaError('EXO_ERR_META_OUT_OF_RANGE', `${fields[0]} and ${fields[fields.length - 1]} are equal, so the spread (and the SD) would be 0`, { field: fields[fields.length - 1]! });
}
