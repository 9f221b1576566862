import type { Label } from '../ranking/classifier.js';

export interface ScreeningMetrics {
  /** Records in the simulation. */
  n: number;
  /** Relevant (included) records. */
  relevant: number;
  /** Work saved over sampling at 95% recall, 0–1 (Cohen et al. 2006). */
  wss95: number;
  /** Relevant records found after screening 10% of all records, as a fraction of the relevant records (0–1). */
  rrf10: number;
  /** Average time to discovery as a fraction of all records (0–1; Ferdinands et al. 2023). */
  atd: number;
  /** Average time to discovery in records: the mean 1-based position of the relevant records in the order. */
  atdRecords: number;
  /** Records screened to reach 95% recall. */
  screenedAt95: number;
}

/**
 * Metrics of a screening order (every record once, the starting records first; they count as screened).
 * - WSS@95 (Cohen, Hersh, Peterson & Yen 2006): (N − k)/N − 0.05, where k is the number of records screened when
 *   ⌈0.95·R⌉ of the R relevant records have been found: the share of records left unread, minus what random
 *   screening would leave at 95% recall.
 * - RRF@10: relevant records among the first ⌊0.10·N⌋ screened, divided by R.
 * - ATD (Ferdinands et al. 2023, Systematic Reviews 12:100): the mean over relevant records of the number of records
 *   screened until it was found (its 1-based position), divided by N.
 */
export function screeningMetrics(order: readonly number[], labels: readonly Label[]): ScreeningMetrics {
  const n = labels.length;
  const relevant = labels.reduce<number>((s, l) => s + l, 0);
  const target = Math.ceil(0.95 * relevant);
  const tenth = Math.floor(0.1 * n);
  let found = 0;
  let screenedAt95 = n;
  let foundAt10 = 0;
  let positions = 0;
  order.forEach((row, k) => {
    if (labels[row] !== 1) return;
    found++;
    positions += k + 1;
    if (k < tenth) foundAt10++;
    if (found === target) screenedAt95 = k + 1;
  });
  return {
    n,
    relevant,
    wss95: (n - screenedAt95) / n - 0.05,
    rrf10: relevant > 0 ? foundAt10 / relevant : 0,
    atd: relevant > 0 ? positions / relevant / n : 0,
    atdRecords: relevant > 0 ? positions / relevant : 0,
    screenedAt95,
  };
}
