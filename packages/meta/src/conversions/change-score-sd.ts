/**
 * The SD of a change from baseline from the baseline and final SDs and their correlation r (issue 19 item 4;
 * Cochrane Handbook 6.4, §6.5.2.8): SD_change = √(SD_b² + SD_f² − 2·r·SD_b·SD_f). The correlation is the
 * reviewer's stated assumption (or one estimated from a study reporting all three), kept with the value.
 */
import { MetaError } from '../errors.js';
import { finite, positive } from './check.js';

export function sdOfChange(sdBaseline: number, sdFinal: number, correlation: number): number {
  positive('sdBaseline', sdBaseline);
  positive('sdFinal', sdFinal);
  const r = finite('correlation', correlation);
  if (r < -1 || r > 1) throw new MetaError('EXO_ERR_META_OUT_OF_RANGE', `the correlation must be between −1 and 1 (got ${r})`, { field: 'correlation' });
  return Math.sqrt(Math.max(0, sdBaseline ** 2 + sdFinal ** 2 - 2 * r * sdBaseline * sdFinal));
}
