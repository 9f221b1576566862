import { type ColumnSet, col } from './types.js';

export const PROPORTION_COLUMNS = [
  ['xi', 'ni'],
  ['xi', 'mi'],
];

/** Events and non-events with metafor's correction: add 1/2 to both when either is 0 (add=1/2, to="only0"). */
export function eventsWithCorrection(cols: ColumnSet, k: number, warnings: string[]): { x: Float64Array; m: Float64Array } {
  const xi = col(cols, 'xi');
  const ni = cols['ni'];
  const mi = cols['mi'];
  const x = new Float64Array(k);
  const m = new Float64Array(k);
  let corrected = 0;
  for (let i = 0; i < k; i++) {
    x[i] = xi[i]!;
    m[i] = mi && !Number.isNaN(mi[i]!) ? mi[i]! : ni ? ni[i]! - xi[i]! : NaN;
    if (x[i] === 0 || m[i] === 0) {
      x[i] = x[i]! + 0.5;
      m[i] = m[i]! + 0.5;
      corrected++;
    }
  }
  if (corrected > 0) warnings.push(`Added 1/2 to the events and non-events of ${corrected} stud${corrected === 1 ? 'y' : 'ies'} with 0 events or 0 non-events (metafor's add=1/2, to="only0").`);
  return { x, m };
}
