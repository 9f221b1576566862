const NOT_PAGES = /^(?:no|not|n\/?a|none|unknown)\b|^not? specified$/i;

/** "188-97" → "188-197"; keeps "e90-e95", "S47-S49", "1722034". */
function expandRange(start: string, end: string): string {
  if (/^\d+$/.test(start) && /^\d+$/.test(end) && end.length < start.length && Number(end) < Number(start)) {
    return `${start}-${start.slice(0, start.length - end.length)}${end}`;
  }
  return start === end ? start : `${start}-${end}`;
}

/** Pages from a range ("188-197", "188–97") or from start and end; undefined for "No Specified" and the like. */
export function normalisePages(range?: string, start?: string, end?: string): string | undefined {
  if (range !== undefined) {
    const text = range.trim();
    if (text === '' || NOT_PAGES.test(text)) return undefined;
    const m = /^([A-Za-z]?\d+[A-Za-z]?)\s*(?:-+|–|—)\s*([A-Za-z]?\d+[A-Za-z]?)$/.exec(text);
    return m ? expandRange(m[1]!, m[2]!) : text;
  }
  const s = start?.trim() ?? '';
  const e = end?.trim() ?? '';
  if (NOT_PAGES.test(`${s} ${e}`.trim())) return undefined;
  if (s && e) {
    if (s.includes('-')) return normalisePages(s);
    return expandRange(s, e);
  }
  if (s) return normalisePages(s);
  return e || undefined;
}

/** The first page ("188" of "188-197"), for comparing records. */
export function firstPage(pages: string | undefined): string | undefined {
  if (!pages) return undefined;
  const m = /^[A-Za-z]?0*(\d+)/.exec(pages.trim());
  return m ? m[1] : undefined;
}
