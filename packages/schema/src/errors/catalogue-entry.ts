/** One entry of the error catalogue: its meaning, the HTTP status and the CLI exit code it maps to. */
export interface CatalogueEntry {
  readonly description: string;
  readonly status: number;
  readonly exit: number;
}

/** Exit codes: 1 general failure, 2 usage, 3 not found, 4 invalid input data, 5 storage, 6 conflict, 7 auth. */
export const EXIT = { failure: 1, usage: 2, notFound: 3, invalidData: 4, storage: 5, conflict: 6, auth: 7 } as const;
