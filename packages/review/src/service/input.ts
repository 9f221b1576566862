import { ExoError } from '@exoatlas/schema';
import { STAGES, type Criteria, type Stage } from '../types.js';

/** Checks of what the API and the CLI send the review service: each refusal names the field. */

export const PROJECT_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;
export const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/;
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function invalid(message: string, field: string): never {
  throw new ExoError('EXO_ERR_REVIEW_INVALID_INPUT', message, { field });
}

/** The longest free text (a note, a criterion) a form may send: a few kB, not megabytes held by every later read. */
export const NOTE_MAX = 4000;

export function text(value: unknown, field: string, options: { required?: boolean; max?: number } = {}): string | undefined {
  if (value === undefined || value === null || value === '') {
    if (options.required) invalid(`${field} is required`, field);
    return undefined;
  }
  if (typeof value !== 'string') invalid(`${field} must be text`, field);
  const trimmed = value.trim();
  if (options.required && trimmed === '') invalid(`${field} is required`, field);
  if (trimmed.length > (options.max ?? NOTE_MAX)) invalid(`${field} is too long (at most ${options.max ?? NOTE_MAX} characters)`, field);
  return trimmed || undefined;
}

/** "iMSC exosomes in wound healing" → "imsc-exosomes-in-wound-healing" */
export function slugify(name: string): string {
  const slug = name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48).replace(/-+$/, '');
  return slug.length >= 2 ? slug : `review-${slug || 'project'}`;
}

export function parseCriteria(value: unknown): Criteria {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) invalid('criteria must be an object with population, intervention, comparator, outcomes, studyDesigns, inclusion, exclusion', 'criteria');
  const v = value as Record<string, unknown>;
  const keys = ['population', 'intervention', 'comparator', 'outcomes', 'studyDesigns', 'inclusion', 'exclusion'] as const;
  for (const k of Object.keys(v)) if (!(keys as readonly string[]).includes(k)) invalid(`unknown criteria field '${k}' (known: ${keys.join(', ')})`, `criteria.${k}`);
  const out: Criteria = {};
  for (const k of keys) {
    const t = text(v[k], `criteria.${k}`, { max: 5000 });
    if (t !== undefined) out[k] = t;
  }
  return out;
}

export function parseReasons(value: unknown, fallback: Record<Stage, string[]>): Record<Stage, string[]> {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'object' || Array.isArray(value)) invalid("exclusionReasons must map a stage ('title-abstract', 'full-text') to a list of reasons", 'exclusionReasons');
  const v = value as Record<string, unknown>;
  const out = { ...fallback };
  for (const [stage, reasons] of Object.entries(v)) {
    if (!(STAGES as readonly string[]).includes(stage)) invalid(`unknown stage '${stage}' in exclusionReasons`, 'exclusionReasons');
    if (!Array.isArray(reasons) || reasons.some((r) => typeof r !== 'string' || r.trim() === '')) invalid(`exclusionReasons.${stage} must be a list of non-empty texts`, `exclusionReasons.${stage}`);
    out[stage as Stage] = [...new Set((reasons as string[]).map((r) => r.trim()))];
  }
  return out;
}
