import type { SparseMatrix } from './sparse.js';
import { terms, type Tokenizer } from './tokenize.js';

export interface TfidfOptions {
  /** 1: words; 2: words and adjacent word pairs (default). */
  ngrams?: 1 | 2;
  /** "filtered" (default): accent-folded, no stop words or bare numbers; "plain": scikit-learn's default token pattern, nothing dropped. */
  tokenizer?: Tokenizer;
  /** tf = 1 + ln(count) instead of the raw count (default true; scikit-learn's default is false). */
  sublinear?: boolean;
  /** log2 of the number of hashed feature columns (default 20: 1,048,576 columns). */
  hashBits?: number;
  /** Terms in fewer documents than this are dropped (default 1: keep all). */
  minDf?: number;
  /** Terms in more than this share of the documents are dropped, as scikit-learn's max_df (default 1: keep all). */
  maxDf?: number;
  /** Reduce each word to its Porter stem before forming pairs ("exosomes", "exosomal" → "exosom"). */
  stem?: boolean;
  /** Also count the words of the first line (the title, as `recordText` writes it) as features of their own. */
  titleFeatures?: boolean;
}

/** FNV-1a, 32 bits, over UTF-16 code units: a fast, stable hash for the feature columns. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * TF-IDF features of documents with the hashing trick (terms hash into 2^hashBits columns, so no vocabulary has to be
 * held; the columns that occur are then numbered 0, 1, …). By default: words (case- and accent-folded, stop words and
 * bare numbers dropped) and adjacent word pairs, tf = 1 + ln(count) (sublinear), idf = ln((1 + n) / (1 + df)) + 1
 * (smoothed, as scikit-learn), each row scaled to unit Euclidean length. `{ ngrams: 1, tokenizer: 'plain', sublinear:
 * false }` gives scikit-learn's TfidfVectorizer defaults (ASReview's features); they ranked worse here
 * (bench/screening/RESULTS.md). Unsupervised: built once over every record of a project (title and abstract; a record without an
 * abstract is ranked by its title), whatever has been screened.
 */
export function tfidf(documents: readonly string[], options: TfidfOptions = {}): SparseMatrix {
  const ngrams = options.ngrams ?? 2;
  const tokenizer = options.tokenizer ?? 'filtered';
  const sublinear = options.sublinear ?? true;
  const bits = options.hashBits ?? 20;
  const mask = (1 << bits) - 1;
  const minDf = options.minDf ?? 1;
  const n = documents.length;
  const maxCount = (options.maxDf ?? 1) * n;
  const rowCols: Int32Array[] = [];
  const rowCounts: Float64Array[] = [];
  const df = new Int32Array(mask + 1);
  let nnz = 0;
  for (const doc of documents) {
    const counts = new Map<number, number>();
    const all = terms(doc, ngrams, tokenizer, options.stem);
    if (options.titleFeatures) {
      const end = doc.indexOf('\n');
      for (const term of terms(end === -1 ? doc : doc.slice(0, end), ngrams, tokenizer, options.stem)) all.push(`title:${term}`);
    }
    for (const term of all) {
      const col = fnv1a(term) & mask;
      counts.set(col, (counts.get(col) ?? 0) + 1);
    }
    const cols = Int32Array.from(counts.keys()).sort();
    const values = new Float64Array(cols.length);
    cols.forEach((c, k) => {
      values[k] = counts.get(c)!;
      df[c]!++;
    });
    rowCols.push(cols);
    rowCounts.push(values);
    nnz += cols.length;
  }
  // Number the hashed columns that occur (in hash order), so the matrix has only as many columns as distinct terms:
  // the models' weight vectors stay small and cache-friendly.
  const compact = new Int32Array(mask + 1).fill(-1);
  let used = 0;
  const isKept = (c: number) => df[c]! >= Math.max(minDf, 1) && df[c]! <= maxCount;
  for (let c = 0; c <= mask; c++) if (isKept(c)) compact[c] = used++;
  const rowPtr = new Int32Array(n + 1);
  const colIdx = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const cols = rowCols[i]!;
    const counts = rowCounts[i]!;
    const start = at;
    let norm = 0;
    for (let k = 0; k < cols.length; k++) {
      const c = cols[k]!;
      if (!isKept(c)) continue;
      const v = (sublinear ? 1 + Math.log(counts[k]!) : counts[k]!) * (Math.log((1 + n) / (1 + df[c]!)) + 1);
      colIdx[at] = compact[c]!;
      values[at] = v;
      norm += v * v;
      at++;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let k = start; k < at; k++) values[k]! *= scale;
    rowPtr[i + 1] = at;
  }
  return { rows: n, cols: Math.max(used, 1), rowPtr, colIdx: colIdx.subarray(0, at), values: values.subarray(0, at) };
}
