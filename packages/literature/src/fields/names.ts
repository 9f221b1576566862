import type { CitationAuthor } from '../citation-record.js';
import { cleanText } from './text.js';

const INITIALS = /^(?:[A-Z]\.?-?){1,4}$/;
const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'del', 'della', 'du', 'dos', 'das', 'le', 'la', 'ter', 'ten', 'zu', 'af', 'al', 'el', 'bin', 'ibn']);
const ORGANISATION = /\b(?:organi[sz]ation|group|committee|consortium|society|association|institute|university|collaborat\w*|network|council|agency|department|ministry|foundation|team|working|investigators|trialists|writing|panel|board|centre|center|study|office|federation|alliance|initiative|program(?:me)?|project|taskforce|task force)\b/i;

/** True for "R.", "M.A.", "AD", "D.-G." — initials, not a name. */
function isInitials(token: string): boolean {
  return token.length <= 8 && INITIALS.test(token) && /^[A-Z.-]+$/.test(token);
}

/**
 * One author name as exports write it: "Trindade, Ines A" (RIS, WoS), "Liu R." and "Eloubeidi M.A." (Embase),
 * "Neilen AD" (MEDLINE AU), "K D Gadow" (given first), "World Health Organization" (an organisation → literal).
 */
export function parseName(value: string | undefined): CitationAuthor | undefined {
  const text = cleanText(value);
  if (!text) return undefined;
  if (/^\{[^{}]*\}$/.test(text)) return { literal: text.slice(1, -1).trim() };
  const comma = text.indexOf(',');
  if (comma > 0) {
    const family = cleanText(text.slice(0, comma));
    const given = cleanText(text.slice(comma + 1).replace(/^,+/, ''));
    if (family && ORGANISATION.test(family) && given && ORGANISATION.test(given)) return { literal: text };
    return given ? { family: family ?? given, given } : { family: family ?? text };
  }
  const tokens = text.split(' ');
  if (tokens.length === 1) return { family: text };
  if (ORGANISATION.test(text) || tokens.length > 5) return { literal: text };
  const last = tokens[tokens.length - 1]!;
  if (isInitials(last)) return { family: tokens.slice(0, -1).join(' '), given: last };
  // Given names first: the family name starts at the first particle or is the last word.
  let start = tokens.length - 1;
  for (let i = 1; i < tokens.length - 1; i++) {
    if (PARTICLES.has(tokens[i]!.toLowerCase())) {
      start = i;
      break;
    }
  }
  return { family: tokens.slice(start).join(' '), given: tokens.slice(0, start).join(' ') };
}

/** True when the last word of a part is initials: "Gadow K", "Labanski A.". */
function endsWithInitials(part: string): boolean {
  const tokens = part.split(' ');
  return tokens.length > 1 && isInitials(tokens[tokens.length - 1]!);
}

/**
 * Several authors in one cell: "A; B; C", "A and B" (BibTeX), "Gadow K, Sverd J" (MEDLINE style),
 * "Labanski, A., Langhorst, J." (family, given pairs); "Labanski, A." is one author.
 */
export function splitAuthorList(value: string | undefined): string[] {
  const text = cleanText(value);
  if (!text) return [];
  if (text.includes(';')) return text.split(';').map((s) => s.trim()).filter(Boolean);
  if (/\sand\s/.test(text)) return text.split(/\s+and\s+/).map((s) => s.trim()).filter(Boolean);
  const parts = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (parts.length < 2) return parts;
  if (parts.every(endsWithInitials)) return parts;
  const isGiven = (p: string): boolean => isInitials(p.replace(/\s/g, '')) || /^[A-Z][\p{L}'-]*(?:\s[A-Z]\.?)*$/u.test(p);
  if (parts.length % 2 === 0 && parts.every((p, i) => (i % 2 === 1 ? isGiven(p) : !endsWithInitials(p)))) {
    const out: string[] = [];
    for (let i = 0; i < parts.length; i += 2) out.push(`${parts[i]}, ${parts[i + 1]}`);
    return out;
  }
  return parts;
}

/** Parses every value as one author. */
export function parseNames(values: readonly string[] | undefined): CitationAuthor[] {
  const out: CitationAuthor[] = [];
  for (const value of values ?? []) {
    const name = parseName(value);
    if (name) out.push(name);
  }
  return out;
}
