import type { PreparedRecord } from './prepare.js';

/** Keys that may pair every member of their block; the rest only back them up and are dropped when too common. */
const PRIMARY = new Set(['d', 'p', 't', 'e']);

/** The blocking keys of a record: records sharing no key are never compared. */
export function blockingKeys(p: PreparedRecord): string[] {
  const keys: string[] = [];
  if (p.doi) keys.push(`d:${p.doi}`);
  if (p.pmid) keys.push(`p:${p.pmid}`);
  const c = p.compact;
  if (c.length >= 8) {
    keys.push(`t:${c.slice(0, 20)}`);
    if (c.length >= 30) keys.push(`e:${c.slice(-20)}`);
    const words = p.title.split(' ').filter((w) => w.length >= 4);
    if (words.length >= 4) {
      const longest = [...words].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).slice(0, 3).sort();
      keys.push(`w:${longest.join(' ')}`);
    }
  }
  if (p.author && p.year !== undefined && p.page) keys.push(`a:${p.author}|${p.year}|${p.page}`);
  return keys;
}

/**
 * Candidate pairs: every pair within a block. A title block larger than `maxBlockSize` (a common start such as
 * "editorial" or "a randomized controlled trial of") is sorted by title and only neighbours within `window` are
 * paired; a large back-up block (longest words, author-year-page) is skipped. Each pair is returned once.
 */
export function candidatePairs(records: readonly PreparedRecord[], maxBlockSize: number, window: number): Array<[number, number]> {
  const blocks = new Map<string, number[]>();
  for (const p of records) {
    for (const key of blockingKeys(p)) {
      const block = blocks.get(key);
      if (block) block.push(p.index);
      else blocks.set(key, [p.index]);
    }
  }
  const n = records.length;
  const seen = new Set<number>();
  const pairs: Array<[number, number]> = [];
  const add = (i: number, j: number): void => {
    const code = i < j ? i * n + j : j * n + i;
    if (seen.has(code)) return;
    seen.add(code);
    pairs.push(i < j ? [i, j] : [j, i]);
  };
  for (const [key, members] of blocks) {
    if (members.length < 2) continue;
    if (members.length <= maxBlockSize) {
      for (let x = 0; x < members.length; x++) for (let y = x + 1; y < members.length; y++) add(members[x]!, members[y]!);
      continue;
    }
    if (!PRIMARY.has(key[0]!)) continue;
    const sorted = [...members].sort((a, b) => (records[a]!.compact < records[b]!.compact ? -1 : records[a]!.compact > records[b]!.compact ? 1 : a - b));
    for (let x = 0; x < sorted.length; x++) for (let y = x + 1; y <= x + window && y < sorted.length; y++) add(sorted[x]!, sorted[y]!);
  }
  return pairs;
}
