import { emptyRecord, type CitationRecord } from '@exoatlas/literature';
import { BudgetStop, type SearchSession } from './session.js';
import type { SearchOptions, SearchService } from './types.js';

/** What a client is given to run one search. */
export interface ClientContext {
  options: SearchOptions;
  baseUrl: string;
  session: SearchSession;
  sink: RecordSink;
}

/** One bibliographic service's client. */
export interface SearchClient {
  service: SearchService;
  /** The service's name in messages ("PubMed"). */
  label: string;
  defaultBaseUrl: string;
  /** Requests per second the service allows (or asks of polite clients). */
  rate(options: SearchOptions): number;
  run(ctx: ClientContext): Promise<void>;
}

/** The records of one search: counts them against `maxRecords` and stops the search when it is reached. */
export class RecordSink {
  readonly records: CitationRecord[] = [];
  total = 0;

  constructor(private readonly maxRecords: number | undefined) {}

  /** How many more records the budget allows (Infinity without a limit). */
  get room(): number {
    return this.maxRecords === undefined ? Infinity : Math.max(0, this.maxRecords - this.records.length);
  }

  /** Adds a page; throws BudgetStop when the budget is full and the service holds more. */
  add(records: readonly CitationRecord[]): void {
    this.records.push(...records.slice(0, this.room));
    if (this.maxRecords !== undefined && this.records.length >= this.maxRecords && this.total > this.records.length) {
      throw new BudgetStop('max-records', `stopped at ${this.records.length} records (the budget's maximum) of ${this.total}`);
    }
  }
}

/** A URL with query parameters; undefined and empty values are left out. */
export function urlOf(base: string, path: string, params: Record<string, string | number | undefined>): URL {
  const url = new URL(base.replace(/\/+$/, '') + path);
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== '') url.searchParams.set(name, String(value));
  return url;
}

/**
 * An empty record for a JSON service's result. The id is set once the search is complete; `raw` keeps no native
 * fields (the services answer in JSON, and CSL-JSON is the nearest format the readers name).
 */
export function newRecord(): CitationRecord {
  return emptyRecord('', { format: 'csl-json', fields: {} });
}

/** Drops the optional fields a mapping left undefined, so that records look like the readers' records. */
export function clean(record: CitationRecord): CitationRecord {
  for (const key of Object.keys(record) as (keyof CitationRecord)[]) if (record[key] === undefined) delete record[key];
  return record;
}
