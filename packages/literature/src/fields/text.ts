const WHITESPACE = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g;

/** Collapses runs of whitespace (line breaks, tabs, no-break spaces) into one space and trims; empty → undefined. */
export function cleanText(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
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
