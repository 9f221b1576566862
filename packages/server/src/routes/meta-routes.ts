import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { analyseTable, forestPlot, funnelPlot, parseCsv, MEASURES, METHODS } from '@exoatlas/meta';
import { ExoError } from '@exoatlas/schema';

const Cell = z.union([z.string(), z.number(), z.null()]);

/** The body of POST /api/meta: the data (records or CSV text) and the options of `exoatlas meta`. */
export const MetaRequest = z
  .object({
    rows: z.array(z.record(z.string(), Cell)).max(200_000).optional().describe('Data as records, columns named as in metafor escalc'),
    csv: z.string().max(50_000_000).optional().describe('Data as CSV text (alternative to rows)'),
    measure: z.string().min(1).describe(`Effect-size measure: ${MEASURES.join(', ')}`),
    method: z.string().optional().describe(`τ² estimator: ${METHODS.join(', ')}`),
    test: z.enum(['z', 'knha']).optional(),
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
    plots: z.boolean().default(true).describe('Also draw the forest and funnel plots as SVG'),
  })
  .strict();

/** POST /api/meta: a meta-analysis computed with packages/meta, with its forest and funnel plots. */
export function metaRoutes(app: FastifyInstance): void {
  app.post('/api/meta', async (request) => {
    const parsed = MetaRequest.safeParse(request.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ExoError('EXO_ERR_HTTP_BAD_REQUEST', `body field '${issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '')}': ${issue.message}`, { field: issue.path.join('.') });
    }
    const { rows, csv, plots, ...options } = parsed.data;
    if ((rows === undefined) === (csv === undefined)) throw new ExoError('EXO_ERR_HTTP_BAD_REQUEST', "send the data either as 'rows' (records) or as 'csv' (text), not both or neither", { field: 'rows' });
    const table = rows ?? parseCsv(csv!);
    const result = analyseTable(table, options);
    return { result, svg: plots ? { forest: forestPlot(result), funnel: funnelPlot(result) } : undefined };
  });
}
