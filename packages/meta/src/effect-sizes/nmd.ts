import { type MeasureDefinition, col, emptyEffects } from './types.js';

/** Columns of the NMD: treatment (1) and control (2) groups as for MD, and the sham group's mean `msi`. */
export const NMD_COLUMNS = ['m1i', 'sd1i', 'n1i', 'm2i', 'sd2i', 'n2i'];

/**
 * Normalised mean difference of preclinical studies (CAMARADES; Vesterinen et al. 2014, J Neurosci Methods
 * 221:92–102, "normalised mean difference"): the treatment effect as a percentage of the lesion in the control
 * group, measured from the sham (normal) animals' mean ε_sham:
 *   ε*_c = ε_c − ε_sham,  NMD = 100·(ε_c − ε_Rx)/ε*_c,
 *   SD*_c = 100·SD_c/ε*_c,  SD*_Rx = 100·SD_Rx/ε*_c,  vᵢ = SD*_c²/n_c + SD*_Rx²/n_Rx.
 * Here group 1 is treatment (m1i, sd1i, n1i), group 2 control (m2i, sd2i, n2i) and `msi` the sham mean; without
 * an `msi` column the sham mean is taken as 0 (outcomes such as infarct volume, whose normal value is 0).
 * The sign makes an improvement positive whichever direction the scale runs; a control equal to sham has no
 * lesion to normalise by and gives no effect size.
 */
export function nmd(mTreat: number, sdTreat: number, nTreat: number, mControl: number, sdControl: number, nControl: number, mSham: number): { yi: number; vi: number } {
  const lesion = mControl - mSham;
  const yi = (100 * (mControl - mTreat)) / lesion;
  const sdc = (100 * sdControl) / lesion;
  const sdt = (100 * sdTreat) / lesion;
  return { yi, vi: (sdc * sdc) / nControl + (sdt * sdt) / nTreat };
}

export const NMD: MeasureDefinition = {
  measure: 'NMD',
  label: 'Normalised Mean Difference (%)',
  inputs: [NMD_COLUMNS],
  optional: ['msi'],
  compute(cols, k, warnings) {
    const out = emptyEffects(k);
    const [m1, sd1, n1, m2, sd2, n2] = NMD_COLUMNS.map((c) => col(cols, c)) as Float64Array[];
    const ms = cols['msi'];
    if (!ms) warnings.push('No sham column "msi": the sham (normal) mean is taken as 0 for every study.');
    for (let i = 0; i < k; i++) {
      const r = nmd(m1![i]!, sd1![i]!, n1![i]!, m2![i]!, sd2![i]!, n2![i]!, ms ? ms[i]! : 0);
      out.yi[i] = r.yi;
      out.vi[i] = r.vi;
    }
    return out;
  },
};
