/** Windows-1252 bytes 0x80–0x9F, for undoing UTF-8 read as Windows-1252 ("â€œ" → "“"). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Undoes mojibake: text that was UTF-8, decoded as Windows-1252 or Latin-1 ("â€œSepsis Sixâ€\u009d" → "“Sepsis Six”"). */
export function fixMojibake(text: string): string {
  if (!/[ÂÃâ][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/.test(text)) return text;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes[i] = code;
    else {
      const high = CP1252_HIGH.indexOf(text[i]!);
      if (high < 0 && !(code >= 0x80 && code <= 0x9f)) return text;
      bytes[i] = high >= 0 ? 0x80 + high : code;
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return text;
  }
}

const GREEK: Readonly<Record<string, string>> = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', κ: 'kappa', λ: 'lambda', μ: 'mu', π: 'pi',
  σ: 'sigma', τ: 'tau', ω: 'omega', ϕ: 'phi', φ: 'phi', χ: 'chi', ψ: 'psi', θ: 'theta', ζ: 'zeta', η: 'eta', ν: 'nu', ξ: 'xi', ρ: 'rho', ι: 'iota', υ: 'upsilon', ο: 'o',
};
const LETTERS: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/**
 * A title (or any text) reduced to what two exports of one record share: mojibake undone, markup and entities dropped,
 * accents stripped, Greek letters spelt out, lower case, words of letters and digits separated by single spaces.
 */
export function normaliseText(value: string | undefined): string {
  if (!value) return '';
  let text = fixMojibake(value)
    .replace(/<\/?[a-zA-Z][^>]*>/g, ' ')
    .replace(/&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, ' ')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  if (/[\u0080-\uffff]/.test(text)) text = text.replace(/[α-ωϕßæøœłđðþı]/g, (c) => GREEK[c] ?? LETTERS[c] ?? c);
  return text.replace(/[^a-z0-9]+/g, ' ').trim();
}

const ROMAN = new Set(['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii']);
const NUMBER_WORDS = new Set(
  (
    'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty ' +
    'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth ' +
    'seventeenth eighteenth nineteenth twentieth'
  ).split(' '),
);

/** Titles of notices about another record, which are records of their own: an erratum is not its article. */
const NOTICE = /^(?:erratum|errata|corrigendum|correction|retraction|retracted|withdrawn|expression of concern|comment(?:ary)? on|reply|response to|author reply|in reply)\b/;

/** The kind of notice a normalised title announces ("erratum", "retraction", …), or '' for an ordinary record. */
export function noticeKind(title: string): string {
  const m = NOTICE.exec(title);
  return m ? m[0].split(' ')[0]! : '';
}
const NUMBERED = new Set(['part', 'phase', 'type', 'study', 'trial', 'stage', 'grade', 'series', 'section', 'chapter', 'volume', 'experiment', 'cohort', 'wave']);

/**
 * What distinguishes otherwise similar titles: every number (in digits or words, "sixteenth"), roman numerals, and the
 * letter after "part", "phase", … ("… part A" vs "… part B"; "… phase II" vs "… phase III"). Two records of one work
 * have the same.
 */
export function distinguishers(title: string): string {
  const out: string[] = [];
  for (const m of title.matchAll(/\d+/g)) out.push(String(Number(m[0])));
  const words = title.split(' ');
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if ((ROMAN.has(w) && w !== 'i' && w !== 'v' && w !== 'x') || NUMBER_WORDS.has(w)) out.push(w);
    else if (i > 0 && NUMBERED.has(words[i - 1]!) && (w.length === 1 || ROMAN.has(w))) out.push(`${words[i - 1]}-${w}`);
  }
  return out.sort().join(',');
}

const JOURNAL_STOPWORDS = new Set(['the', 'of', 'and', 'for', 'in', 'on', 'de', 'la', 'le', 'der', 'und', 'fur', 'a', 'an', 'official', 'publication']);

/** A journal key that survives abbreviation: the initials of its significant words ("J Psychosom Res" = "Journal of Psychosomatic Research" = "jpr"). */
export function journalKey(journal: string | undefined): string | undefined {
  const words = normaliseText(journal?.replace(/\(.*?\)|:.*$/g, ' ')).split(' ').filter((w) => w && !JOURNAL_STOPWORDS.has(w));
  return words.length > 0 ? words.map((w) => w[0]).join('') : undefined;
}

/** A family name for comparing: letters only, lower case, accents stripped. */
export function nameKey(name: string | undefined): string | undefined {
  const key = normaliseText(name).replace(/[^a-z]/g, '');
  return key || undefined;
}
