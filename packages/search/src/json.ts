import { cleanText } from '@exoatlas/literature';

/** Narrow readers for JSON from a service: anything unexpected reads as undefined, never throws. */
export type Json = Record<string, unknown>;

export function obj(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A string or a number as text, cleaned; anything else undefined. */
export function str(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' ? cleanText(value) : undefined;
}

export function num(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

export function strings(value: unknown): string[] {
  return arr(value).map(str).filter((s): s is string => s !== undefined);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Text with its markup removed (JATS in Crossref abstracts, HTML in Europe PMC's): tags become spaces, entities decoded. */
export function plainText(value: unknown): string | undefined {
  const text = str(value);
  if (text === undefined) return undefined;
  const stripped = text
    .replace(/^\s*<jats:title>\s*Abstract\s*<\/jats:title>/i, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
  return cleanText(stripped);
}
