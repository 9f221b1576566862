/**
 * The body of `POST /api/meta` → results and SVGs: what the HTTP route calls. Validates the JSON shape
 * (errors are MetaErrors with EXO_ERR_META_* codes, mapped to HTTP 400 by the server).
 *
 * Body: { data: {columns, rows} | records[], options: AnalysisOptions, plots?: { forest?: boolean | ForestOptions,
 *         funnel?: boolean | FunnelOptions } }  →  { result: MetaResult, svg: { forest?: string, funnel?: string } }
 */
import { analyseTable } from './analyse.js';
import { MetaError } from './errors.js';
import { type AnalysisOptions, checkRequestOptions } from './options.js';
import { type ForestOptions, forestPlot } from './plots/forest.js';
import { type FunnelOptions, funnelPlot } from './plots/funnel.js';
import type { MetaResult } from './results.js';
import type { TableInput } from './table.js';

export interface MetaRequest {
  data: TableInput;
  options: AnalysisOptions;
  plots?: { forest?: boolean | ForestOptions; funnel?: boolean | FunnelOptions };
}

export interface MetaResponse {
  result: MetaResult;
  svg: { forest?: string; funnel?: string };
}

export { checkRequestOptions };

function bad(field: string, message: string): MetaError {
  return new MetaError('EXO_ERR_META_BAD_OPTION', message, { field });
}

export function runMetaRequest(body: unknown): MetaResponse {
  if (body === null || typeof body !== 'object') throw bad('body', 'the request body must be a JSON object {data, options}');
  const b = body as Partial<MetaRequest>;
  if (b.data === undefined) throw bad('data', 'the request needs "data": {columns, rows} or an array of records');
  const options = checkRequestOptions(b.options);
  const result = analyseTable(b.data, options);
  const svg: MetaResponse['svg'] = {};
  const plots = b.plots ?? {};
  if (plots.forest) svg.forest = forestPlot(result, typeof plots.forest === 'object' ? plots.forest : {});
  if (plots.funnel) svg.funnel = funnelPlot(result, typeof plots.funnel === 'object' ? plots.funnel : {});
  return { result, svg };
}
