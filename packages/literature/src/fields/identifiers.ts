const DOI_PATTERN = /10\.\d{4,9}\/[^\s"<>&?#]+/;

/** Trims what is not part of a DOI at its end: punctuation, an unbalanced closing bracket. */
function trimDoiEnd(doi: string): string {
  let out = doi.replace(/[.,;:'"]+$/, '');
  for (const [open, close] of [['(', ')'], ['[', ']']] as const) {
    while (out.endsWith(close) && out.split(open).length < out.split(close).length) out = out.slice(0, -1).replace(/[.,;:]+$/, '');
  }
  return out;
}

/**
 * The DOI in a value (`10.1016/j.x`, `doi:10…`, `https://doi.org/10…`, `http://dx.doi.org/10.1002%2Fjts`, `10… [doi]`),
 * or undefined. The case is kept; compare DOIs with {@link doiKey}.
 */
export function findDoi(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let text = value.trim();
  if (/%2f/i.test(text)) {
    try {
      text = decodeURIComponent(text);
    } catch {
      // not URL-encoded after all
    }
  }
  const m = DOI_PATTERN.exec(text);
  return m ? trimDoiEnd(m[0]) : undefined;
}

/** The form two DOIs are compared in: lower case. */
export function doiKey(doi: string | undefined): string | undefined {
  return doi ? doi.toLowerCase() : undefined;
}

/** A PubMed id from "31690499", "PMID: 31690499", "NLM23803397", "https://www.ncbi.nlm.nih.gov/pubmed/23162881". */
export function findPmid(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const text = value.trim();
  let m = /^(?:pmid:?\s*)?(?:NLM)?(\d{1,8})$/i.exec(text);
  if (m) return String(Number(m[1]));
  if (!text.includes('ubmed') && !text.includes('PMID') && !text.includes('pmid')) return undefined;
  m = /(?:pubmed\.ncbi\.nlm\.nih\.gov\/|ncbi\.nlm\.nih\.gov\/pubmed\/|PMID:?\s*(?:NLM)?)(\d{1,8})\b/i.exec(text);
  return m ? String(Number(m[1])) : undefined;
}

/** A PubMed Central id ("PMC5343225"); a bare number is not taken for one (Scopus's C2 holds the PMID). */
export function findPmcid(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = /\bPMC\s*(\d{3,9})\b/i.exec(value);
  return m ? `PMC${m[1]}` : undefined;
}

/** Every ISSN in the values ("1895-5770 1895-5770", "03064530 (ISSN)"), hyphenated, without repeats. */
export function findIssns(values: readonly string[] | undefined): string[] {
  const out: string[] = [];
  for (const value of values ?? []) {
    for (const m of value.matchAll(/(?<![\dX])(\d{4})-?(\d{3}[\dXx])(?![\dX])/g)) {
      const issn = `${m[1]}-${m[2]!.toUpperCase()}`;
      if (!out.includes(issn)) out.push(issn);
    }
  }
  return out;
}

/** The first ISBN-like value (10 or 13 digits, hyphens allowed). */
export function findIsbn(values: readonly string[] | undefined): string | undefined {
  for (const value of values ?? []) {
    const m = /(?:97[89][-\s]?)?(?:\d[-\s]?){9}[\dXx]/.exec(value);
    if (m) return m[0].replace(/\s/g, '');
  }
  return undefined;
}
