/**
 * The body of `POST /api/meta` → results and SVGs: what the HTTP route calls. Validates the JSON shape
 * (errors are MetaErrors with EXO_ERR_META_* codes, mapped to HTTP 400 by the server).
 *
 * Body: { data: {columns, rows} | records[], options: AnalysisOptions, plots?: { forest?: boolean | ForestOptions,
 *         funnel?: boolean | FunnelOptions } }  →  { result: MetaResult, svg: { forest?: string, funnel?: string } }
 */
import { analyseTable } from './analyse.js';
import { MetaError } from './errors.js';
import type { AnalysisOptions } from './options.js';
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

const OPTION_TYPES: Record<keyof AnalysisOptions, 'string' | 'boolean' | 'number' | 'string[]' | 'object'> = {
  measure: 'string',
  method: 'string',
  test: 'string',
  mods: 'string[]',
  subgroup: 'string',
  bias: 'boolean',
  leaveOneOut: 'boolean',
  cumulative: 'string',
  influence: 'boolean',
  permutations: 'number',
  seed: 'number',
  level: 'number',
  studyColumn: 'string',
  control: 'object',
};

function bad(field: string, message: string): MetaError {
  return new MetaError('EXO_ERR_META_BAD_OPTION', message, { field });
}

/** Checks the option types of a request (unknown options are rejected, so typos do not pass silently). */
export function checkRequestOptions(options: unknown): AnalysisOptions {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) throw bad('options', 'options must be an object with at least "measure"');
  for (const [key, value] of Object.entries(options)) {
    const type = OPTION_TYPES[key as keyof AnalysisOptions];
    if (!type) throw bad(key, `unknown option "${key}" (known: ${Object.keys(OPTION_TYPES).join(', ')})`);
    if (value === undefined || value === null) continue;
    const ok = type === 'string[]' ? Array.isArray(value) && value.every((v) => typeof v === 'string') : type === 'object' ? typeof value === 'object' && !Array.isArray(value) : typeof value === type;
    if (!ok) throw bad(key, `option "${key}" must be ${type === 'string[]' ? 'an array of strings' : `a ${type}`}`);
  }
  return options as AnalysisOptions;
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
