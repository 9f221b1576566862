/**
 * Standard deviation from a standard error of the mean, SD = SEM·√n (Cochrane Handbook §6.5.2.2;
 * Vesterinen et al. 2014 for preclinical data, where SEMs are the norm).
 */
export function sdFromSem(sem: number, n: number): number {
  return sem * Math.sqrt(n);
}

/**
 * Fills the SD column from the SEM column where the SD cell is missing (`sd1i` ← `sem1i`·√`n1i`); returns how
 * many cells were converted.
 */
export function fillSdFromSem(sd: Float64Array, sem: Float64Array | undefined, n: Float64Array): number {
  if (!sem) return 0;
  let converted = 0;
  for (let i = 0; i < sd.length; i++) {
    if (Number.isNaN(sd[i]!) && !Number.isNaN(sem[i]!) && !Number.isNaN(n[i]!)) {
      sd[i] = sdFromSem(sem[i]!, n[i]!);
      converted++;
    }
  }
  return converted;
}
