/**
 * Form validation with one message per field: zod issues become `{path: "outcomes[0].groups[1].sd", message}`,
 * and the throwing variants raise one ExoError listing them all (context.fields), so a client can show each
 * message at its field and nothing partial is saved.
 */
import { type ErrorCode, ExoError } from '@exoatlas/schema';
import type { z } from 'zod';
import { ExtractionForm } from './form-schema.js';

export interface FieldIssue {
  /** the field, as `outcomes[0].groups[1].sd` */
  path: string;
  message: string;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/** `['outcomes', 0, 'groups', 1, 'sd']` → `outcomes[0].groups[1].sd`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function issueMessage(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined) return 'this field is required';
  return issue.message;
}

/** Validates with a schema, returning every issue with its field path (sorted, deduplicated). */
export function validateWith<S extends z.ZodType>(schema: S, input: unknown): Validation<z.output<S>> {
  const r = schema.safeParse(input);
  if (r.success) return { ok: true, value: r.data };
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  for (const issue of r.error.issues) {
    const path = formatPath(issue.path);
    const message = issueMessage(issue, input);
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ path, message });
  }
  return { ok: false, issues };
}

/** `path: message` lines, for the CLI and error messages. */
export function formatIssues(issues: readonly FieldIssue[]): string {
  return issues.map((i) => `${i.path === '' ? '(form)' : i.path}: ${i.message}`).join('\n');
}

/** Validates or throws one error whose context.fields lists every issue. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, code: ErrorCode, what: string): z.output<S> {
  const r = validateWith(schema, input);
  if (r.ok) return r.value;
  throw new ExoError(code, `${what} has ${r.issues.length === 1 ? 'a bad value' : `${r.issues.length} bad values`}; nothing was saved:\n${formatIssues(r.issues)}`, { fields: r.issues });
}

export function validateExtractionForm(input: unknown): Validation<ExtractionForm> {
  return validateWith(ExtractionForm, input);
}

export function parseExtractionForm(input: unknown): ExtractionForm {
  return parseOrThrow(ExtractionForm, input, 'EXO_ERR_EXTRACT_INVALID', 'The extraction form');
}
