/**
 * Folds text for verbatim comparison: Unicode NFC, line-break hyphenation removed ("difficult-\nto" → "difficultto"),
 * every run of whitespace made one space. Quotes and the review text are compared after this.
 */
export function foldForQuote(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\u00ad/g, '')
    .replace(/(\w)-[ \t]*\r?\n[ \t]*(\w)/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when `quote` is a verbatim span of `text` (both folded). Pass an already-folded text for speed. */
export function isVerbatimIn(quote: string, foldedText: string): boolean {
  return foldedText.includes(foldForQuote(quote));
}
