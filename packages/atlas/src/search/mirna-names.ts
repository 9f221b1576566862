import { dedupe, foldTerm, namesOf, searchTokens, type QueryTerm, type SearchLexicon, type TermPhrase } from './search-terms.js';

/**
 * miRNA names as people type them: "miR-135b", "mir135b", "miR135b", "microRNA-135b", "miRNA-135b", "Micro-RNA-137",
 * "hsa-miR-135b", and with an arm, "miR-135b-5p". The species prefix is dropped (the review names none); the
 * number keeps its letter (135b is not 135a).
 */
const MIRNA = /^(?:(?:hsa|mmu|rno) ?)?(?:mir|mirna|microrna|micro rna|mircorna) ?(\d+[a-z]?)(?: ([35]p))?$/;

const GENERIC = new Set(['mir', 'mirs', 'mirna', 'mirnas', 'microrna', 'micrornas', 'micro rna', 'micro rnas']);

/** The ways a miRNA name is written, as token phrases: mir 135b, mirna 135b, microrna 135b, micro rna 135b, mir135b… */
function spellings(num: string, arm: string | undefined, isPrefix: boolean): TermPhrase[] {
  const tail = arm ? [arm] : [];
  const spaced = [['mir'], ['mirna'], ['microrna'], ['micro', 'rna']].map((m) => [...m, num, ...tail]);
  const joined = ['mir', 'mirna', 'microrna'].map((m) => [`${m}${num}`, ...tail]);
  return [...spaced, ...joined].map((tokens) => ({ text: tokens.join(' '), tokens, isPrefix }));
}

/** The query term for a run of words that names a miRNA, or undefined. */
export function mirnaTerm(run: string, lexicon: SearchLexicon, isLast: boolean): QueryTerm | undefined {
  const folded = searchTokens(run).join(' ');
  // "microRNA" or "miRNAs" on its own: any miRNA, however the text spells the word.
  if (GENERIC.has(folded)) return { phrases: dedupe([...GENERIC].map((text) => ({ text, tokens: text.split(' '), isPrefix: isLast }))) };
  const match = MIRNA.exec(folded);
  if (!match) return undefined;
  const [, num, arm] = match as unknown as [string, string, string | undefined];
  // The curated spellings of this miRNA (a misprint such as "mircorna-135b" included).
  const known = [...(namesOf(lexicon, `mir${num}`) ?? []), ...(arm ? (namesOf(lexicon, `mir${num}${arm}`) ?? []) : [])].map((text) => ({ text, tokens: searchTokens(text), isPrefix: false }));
  if (!arm) return { phrases: dedupe([...spellings(num, undefined, isLast), ...known]) };
  // The review seldom names the arm: "miR-135b-5p" also finds "miR-135b", but not a record that names only the other arm.
  const asked = spellings(num, arm, isLast);
  const other = spellings(num, arm === '5p' ? '3p' : '5p', false);
  return { phrases: dedupe([...asked, ...spellings(num, undefined, false), ...known.filter((p) => !foldTerm(p.text).endsWith(arm === '5p' ? '3p' : '5p'))]), exclude: { other, asked } };
}
