import type { CitationAuthor } from '../../citation-record.js';
import { parseName } from '../../fields/names.js';
import { cleanText } from '../../fields/text.js';
import { decodeLatex } from './latex.js';

/** Splits a BibTeX name list at " and " outside braces ("{Barnes and Noble} and Smith, J."). */
export function splitBibtexNames(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '{') depth++;
    else if (ch === '}') depth--;
    else if (depth === 0 && /\s/.test(ch!) && /^\s+and\s/i.test(value.slice(i, i + 6))) {
      out.push(value.slice(start, i));
      const m = /^\s+and\s+/i.exec(value.slice(i))!;
      i += m[0].length - 1;
      start = i + 1;
    }
  }
  out.push(value.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
}

/**
 * BibTeX names: "Müller, Jörg", "Jörg M{\"u}ller", "von Neumann, John", and a name wholly in braces is an
 * organisation ("{World Health Organization}"). "others" is dropped.
 */
export function parseBibtexNames(value: string | undefined): CitationAuthor[] {
  if (!value) return [];
  const out: CitationAuthor[] = [];
  for (const part of splitBibtexNames(value)) {
    if (part.toLowerCase() === 'others') continue;
    if (/^\{[^]*\}$/.test(part) && balancedOuter(part)) {
      const literal = cleanText(decodeLatex(part.slice(1, -1)));
      if (literal) out.push({ literal });
      continue;
    }
    const name = parseName(decodeLatex(part));
    if (name) out.push(name);
  }
  return out;
}

/** True when the first brace closes at the very end ("{A and B}", not "{A} and {B}"). */
function balancedOuter(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i === text.length - 1;
  }
  return false;
}
