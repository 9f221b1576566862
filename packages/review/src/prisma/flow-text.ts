/** Text of the PRISMA flow diagrams (the review's and each living update's): counts and box lines. */

/** "(n = 1,234)", as the PRISMA 2020 template writes counts. */
export const countLabel = (value: number): string => `(n = ${String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',')})`;

/** Padding inside a box, in px. */
export const BOX_PAD = 10;
/** About 6.6 px a character of 12 px Helvetica. */
const CHARS_PER_PX = 1 / 6.6;

/** Greedy word wrap to a box width (approximate glyph width; long words are not split); later lines start with `indent`. */
export function wrapToBox(text: string, width: number, indent = ''): string[] {
  const max = Math.floor((width - 2 * BOX_PAD) * CHARS_PER_PX);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length > max && line) {
      lines.push(line);
      line = `${indent}${word}`;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}
