import type { Classifier, Label } from '../../src/index.js';
import { denseWithUnitRows, TOY_ROWS } from './dense-matrix.js';

/** Fits a linear model on the toy rows with these labels and reads its weights w and bias b back from the scores. */
export function fitToy(model: Classifier, y: readonly Label[]): { w: number[]; b: number } {
  const x = denseWithUnitRows(TOY_ROWS);
  model.fit(x, new Map(y.map((label, i) => [i, label])));
  const b = model.score(x, TOY_ROWS.length + 4);
  return { w: [0, 1, 2, 3].map((j) => model.score(x, TOY_ROWS.length + j) - b), b };
}
