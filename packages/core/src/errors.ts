/**
 * The one error class of ExoAtlas and the shape of the error catalogue. Each package declares its own codes with
 * defineErrors() (packages/meta/src/error-codes.ts, packages/literature/src/error-codes.ts, packages/schema/src/errors/)
 * and packages/schema assembles them into the one catalogue that docs/errors.md is generated from. An ExoError's
 * code is typed by its package's list, so a code that is not in the catalogue does not compile.
 */

/** One entry of the error catalogue: its meaning, the HTTP status and the CLI exit code it maps to. */
export interface CatalogueEntry {
  readonly description: string;
  readonly status: number;
  readonly exit: number;
}

/** Exit codes: 1 general failure, 2 usage, 3 not found, 4 invalid input data, 5 storage, 6 conflict, 7 auth. */
export const EXIT = { failure: 1, usage: 2, notFound: 3, invalidData: 4, storage: 5, conflict: 6, auth: 7 } as const;

/** Where in the input an error is: what a user needs to find and fix it. */
export interface ErrorContext {
  file?: string;
  line?: number;
  column?: number | string;
  row?: number;
  field?: string;
  record?: string;
  id?: string;
  [key: string]: unknown;
}

/** Every code declared so far (each list registers itself when its module loads), for status and exit code. */
const DECLARED = new Map<string, CatalogueEntry>();

/**
 * Declares a package's codes: `defineErrors('EXO_ERR_META_', {...})`. Every code must start with the package's prefix
 * (checked by the type); a code declared twice with another meaning is a programming error.
 */
export function defineErrors<P extends string, const T extends Record<`${P}${string}`, CatalogueEntry>>(prefix: P, list: T): T {
  for (const [code, entry] of Object.entries(list) as [string, CatalogueEntry][]) {
    if (!code.startsWith(prefix)) throw new Error(`error code ${code} does not start with ${prefix}`);
    const known = DECLARED.get(code);
    if (known && known !== entry) throw new Error(`error code ${code} is declared twice`);
    DECLARED.set(code, entry);
  }
  return list;
}

/** The catalogue entry of a declared code. */
export function catalogueEntry(code: string): CatalogueEntry | undefined {
  return DECLARED.get(code);
}

/** An error a user can act on: a catalogue code, a plain message and where it happened. */
export class ExoError<C extends string = string> extends Error {
  readonly code: C;
  readonly context: ErrorContext;
  constructor(code: C, message: string, context: ErrorContext = {}) {
    super(message);
    this.name = 'ExoError';
    this.code = code;
    this.context = context;
  }
  /** The HTTP status of the code (500 for a code not declared, which the types prevent). */
  get status(): number {
    return DECLARED.get(this.code)?.status ?? 500;
  }
  get exitCode(): number {
    return DECLARED.get(this.code)?.exit ?? EXIT.failure;
  }
  toJSON(): { code: string; message: string; context: ErrorContext } {
    return { code: this.code, message: this.message, context: this.context };
  }
}
