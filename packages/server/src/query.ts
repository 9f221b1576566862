import { z } from 'zod';
import { ExoError } from '@exoatlas/schema';

/** Parses query parameters with a strict zod schema; a problem becomes a 400 naming the parameter. */
export function parseQuery<T extends z.ZodType>(schema: T, query: unknown): z.infer<T> {
  const result = schema.safeParse(query ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const name = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.');
  const message = issue.code === 'unrecognized_keys' ? `unknown query parameter${issue.keys.length > 1 ? 's' : ''} '${name}'` : `query parameter '${name}': ${issue.message}`;
  throw new ExoError('EXO_ERR_QUERY_INVALID', message, { field: name });
}

/** A whole number in a query string, written canonically (no sign, no leading zero): one value, one spelling. */
export const intParam = (min: number, max: number) =>
  z
    .string()
    .regex(/^(0|[1-9]\d{0,15})$/, 'must be a whole number without leading zeros')
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be between ${min} and ${max}`);

export const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');
