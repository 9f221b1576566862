/**
 * The fields of a form, flattened from its zod schema for people (`exoatlas synthesis schema`, issue 18 item 8):
 * `outcomes[].groups[].sd  number ≥ 0 (optional)`. Derived from the same schema that validates, so it cannot
 * drift from what is accepted.
 */
import { z } from 'zod';

export interface FormField {
  /** as in validation messages: `outcomes[].groups[].sd` */
  path: string;
  type: string;
  required: boolean;
  /** allowed values, for enumerations */
  values?: string[];
  description?: string;
}

interface Js {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Js>;
  required?: string[];
  items?: Js;
  description?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  anyOf?: Js[];
}

function typeOf(s: Js): string {
  if (s.enum) return 'one of';
  const t = Array.isArray(s.type) ? s.type.join('|') : (s.type ?? (s.anyOf ? s.anyOf.map(typeOf).join('|') : 'any'));
  if (t === 'number' || t === 'integer') {
    const name = t === 'integer' ? 'whole number' : 'number';
    if (s.exclusiveMinimum !== undefined) return `${name} > ${s.exclusiveMinimum}`;
    if (s.minimum !== undefined) return `${name} ≥ ${s.minimum}`;
    return name;
  }
  return t;
}

function walk(s: Js, path: string, required: boolean, out: FormField[]): void {
  if (s.type === 'object' && s.properties) {
    for (const [k, v] of Object.entries(s.properties)) walk(v, path === '' ? k : `${path}.${k}`, (s.required ?? []).includes(k), out);
    return;
  }
  if (s.type === 'array' && s.items && s.items.type === 'object') {
    out.push({ path: `${path}[]`, type: 'list', required, ...(s.description ? { description: s.description } : {}) });
    walk(s.items, `${path}[]`, true, out);
    return;
  }
  const values = s.enum ?? (s.type === 'array' ? s.items?.enum : undefined);
  out.push({ path, type: s.type === 'array' ? `list of ${s.items ? typeOf(s.items) : 'any'}` : typeOf(s), required, ...(values ? { values: values.map(String) } : {}), ...(s.description ? { description: s.description } : {}) });
}

export function formFields(schema: z.ZodType): FormField[] {
  const out: FormField[] = [];
  walk(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Js, '', true, out);
  return out;
}

/** One line per field, for a terminal. */
export function formatFormFields(fields: readonly FormField[]): string {
  return fields
    .map((f) => `  ${f.path}${f.required ? '' : ' (optional)'}: ${f.type}${f.values ? ` ${f.values.join(', ')}` : ''}${f.description ? ` — ${f.description}` : ''}`)
    .join('\n');
}
