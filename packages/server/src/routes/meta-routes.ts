import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MEASURES, METHODS, checkAnalysisOptions } from '@exoatlas/meta';
import { ExoError } from '@exoatlas/schema';
import type { Jobs } from '../workers/budgets.js';

const Cell = z.union([z.string(), z.number(), z.null()]);

/** The body of POST /api/meta: the data (records or CSV text) and the options of `exoatlas meta`. */
export const MetaRequest = z
  .object({
    rows: z.array(z.record(z.string(), Cell)).max(200_000).optional().describe('Data as records, columns named as in metafor escalc'),
    csv: z.string().max(50_000_000).optional().describe('Data as CSV text (alternative to rows)'),
    measure: z.string().min(1).describe(`Effect-size measure: ${MEASURES.join(', ')}`),
    method: z.string().optional().describe(`τ² estimator: ${METHODS.join(', ')}`),
    test: z.enum(['z', 'knha', 't']).optional().describe('z, knha (Knapp–Hartung) or t (multilevel models)'),
    mods: z.array(z.string().min(1)).optional(),
    subgroup: z.string().min(1).optional(),
    bias: z.boolean().optional(),
    leaveOneOut: z.boolean().optional(),
    cumulative: z.string().min(1).optional(),
    influence: z.boolean().optional(),
    permutations: z.number().int().min(2).max(100_000).optional(),
    seed: z.number().int().optional(),
    level: z.number().gt(0).lt(100).optional(),
    studyColumn: z.string().min(1).optional(),
    random: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional().describe('Multilevel model (metafor rma.mv): nested grouping columns, outermost first, "paper/experiment" or an array'),
    robust: z.string().min(1).optional().describe('Cluster-robust inference clustered by this column (multilevel models)'),
    robustType: z.enum(['CR2', 'CR1']).optional().describe('CR2 with Satterthwaite df (clubSandwich, default) or CR1 (metafor robust() default)'),
    plots: z.boolean().default(true).describe('Also draw the forest and funnel plots as SVG'),
  })
  .strict();

/** Bytes of a POST /api/meta body: data of tens of thousands of studies, far below an upload's limit. */
export const META_BODY_LIMIT = 10 * 1024 * 1024;

/** POST /api/meta: a meta-analysis computed with packages/meta in the worker pool, with its forest and funnel plots. */
export function metaRoutes(app: FastifyInstance, jobs: Jobs): void {
  app.post('/api/meta', { bodyLimit: META_BODY_LIMIT }, async (request) => {
    const parsed = MetaRequest.safeParse(request.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ExoError('EXO_ERR_HTTP_BAD_REQUEST', `body field '${issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '')}': ${issue.message}`, { field: issue.path.join('.') });
    }
    const { rows, csv, plots, ...body } = parsed.data;
    // the engine's own check, before any work is queued: an unknown measure or method is EXO_ERR_META_UNKNOWN_*
    const options = checkAnalysisOptions(body);
    if ((rows === undefined) === (csv === undefined)) throw new ExoError('EXO_ERR_HTTP_BAD_REQUEST', "send the data either as 'rows' (records) or as 'csv' (text), not both or neither", { field: 'rows' });
    checkMetaBudget(jobs, rows?.length ?? countLines(csv!), options.permutations);
    return jobs.pool.run('meta', { rows, csv, plots, options }, jobs.budgets.metaTimeoutMs);
  });
}

/** Refuses, before any work, an analysis larger (413) or costlier (422) than the server's budget. */
function checkMetaBudget(jobs: Jobs, rows: number, permutations: number | undefined): void {
  const { metaMaxRows, metaMaxPermutationWork } = jobs.budgets;
  if (rows > metaMaxRows) throw new ExoError('EXO_ERR_JOB_TOO_LARGE', `the data has ${rows} rows; this server analyses at most ${metaMaxRows}`, { field: 'rows', limit: metaMaxRows });
  if (permutations !== undefined && rows * permutations > metaMaxPermutationWork) {
    const most = Math.max(0, Math.floor(metaMaxPermutationWork / Math.max(1, rows)));
    throw new ExoError('EXO_ERR_JOB_OVER_BUDGET', `${permutations} permutations of ${rows} rows is more work than this server's budget (rows × permutations ≤ ${metaMaxPermutationWork}); ask for at most ${most}`, { field: 'permutations', limit: most });
  }
}

/** Data lines of a CSV text (the header excluded), counted without parsing it. */
function countLines(csv: string): number {
  let n = 0;
  for (let i = csv.indexOf('\n'); i !== -1; i = csv.indexOf('\n', i + 1)) n++;
  return csv.endsWith('\n') ? n - 1 : n;
}
