import { describe, expect, it } from 'vitest';
import { studyLabels } from '../../src/extraction/study-labels.js';

describe('issue 18 item 8: study labels tell same author and year apart', () => {
  it('adds a, b in record-id order only where first author and year repeat', () => {
    const labels = studyLabels([
      { id: 9, authors: ['Kimura, T.', 'Sato, K.'], year: 2019 },
      { id: 4, authors: ['Kimura, H.', 'Ito, M.'], year: 2019 },
      { id: 5, authors: ['Kimura, H.'], year: 2019 },
      { id: 7, authors: ['Chen, L.', 'Wu, Q.'], year: 2020 },
    ]);
    expect(Object.fromEntries(labels)).toEqual({ 4: 'Kimura et al. 2019a', 9: 'Kimura et al. 2019b', 5: 'Kimura 2019', 7: 'Chen et al. 2020' });
  });
});
