const WHITESPACE = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g;
/** Anything cleanText would change: a whitespace character other than a single space, or two spaces in a row. */
const NEEDS_CLEANING = /[\t\n\v\f\r\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}/;

/** Collapses runs of whitespace (line breaks, tabs, no-break spaces) into one space and trims; empty → undefined. */
export function cleanText(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  if (first !== 32 && last !== 32 && !NEEDS_CLEANING.test(value)) return value;
  const text = value.replace(WHITESPACE, ' ').trim();
  return text === '' ? undefined : text;
}

/** The first value, cleaned, among several candidate values. */
export function firstText(values: readonly string[] | undefined): string | undefined {
  if (!values) return undefined;
  for (const value of values) {
    const text = cleanText(value);
    if (text !== undefined) return text;
  }
  return undefined;
}

/** Adds values to a list, skipping empties and case-insensitive repeats. */
export function addUnique(list: string[], values: Iterable<string>): void {
  const seen = new Set(list.map((v) => v.toLowerCase()));
  for (const value of values) {
    const text = cleanText(value);
    if (text === undefined) continue;
    const key = text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    list.push(text);
  }
}
