import { EXIT, defineErrors } from '@exoatlas/core';

/** The codes packages/meta raises; packages/schema assembles them into the project's error catalogue. */
export const META_ERRORS = defineErrors('EXO_ERR_META_', {
  EXO_ERR_META_MISSING_COLUMN: { description: 'The data lack a column the measure needs', status: 400, exit: EXIT.invalidData },
  EXO_ERR_META_NOT_NUMERIC: { description: 'A cell that must be a number is not', status: 400, exit: EXIT.invalidData },
  EXO_ERR_META_OUT_OF_RANGE: { description: 'A value is outside its valid range (negative SD or variance, n < 2, proportion above 1, …)', status: 400, exit: EXIT.invalidData },
  EXO_ERR_META_NO_STUDIES: { description: 'No study is left to pool (k = 0)', status: 400, exit: EXIT.invalidData },
  EXO_ERR_META_UNKNOWN_MEASURE: { description: 'The effect-size measure is not known', status: 400, exit: EXIT.usage },
  EXO_ERR_META_UNKNOWN_METHOD: { description: 'The heterogeneity estimator is not known', status: 400, exit: EXIT.usage },
  EXO_ERR_META_BAD_OPTION: { description: 'An analysis option is malformed or not applicable', status: 400, exit: EXIT.usage },
  EXO_ERR_META_CONSTANT_MODERATOR: { description: 'A moderator has the same value in every study', status: 400, exit: EXIT.invalidData },
  EXO_ERR_META_SINGULAR: { description: 'The model matrix is singular (redundant moderators or too few studies)', status: 400, exit: EXIT.invalidData },
  EXO_ERR_META_NO_CONVERGENCE: { description: 'The estimator did not converge', status: 422, exit: EXIT.failure },
  EXO_ERR_META_CLUSTERS: { description: 'Cluster-robust inference is not possible with these clusters (fewer than two, fewer than the coefficients, a missing cluster, or random effects not nested within them)', status: 400, exit: EXIT.invalidData },
  EXO_ERR_META_CSV: { description: 'The CSV file is malformed', status: 400, exit: EXIT.invalidData },
});

export type MetaErrorCode = keyof typeof META_ERRORS;
