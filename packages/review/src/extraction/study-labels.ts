/**
 * Study labels for outputs: "Kimura et al. 2019", with "a", "b", … when several included records share first
 * author and year (in record-id order, so the letters are stable), the way reference lists tell them apart
 * (issue 18 item 8: two "Kimura et al. 2019" rows could not be told apart in the traffic-light plot).
 */
export interface LabelledRecord {
  id: number;
  authors: readonly string[];
  year?: number | null;
}

export function baseStudyLabel(r: LabelledRecord): string {
  const first = r.authors[0];
  const surname = first ? (first.includes(',') ? first.split(',')[0]! : first.split(/\s+/).slice(-1)[0]!) : `Record ${r.id}`;
  return `${surname.trim()}${r.authors.length > 1 ? ' et al.' : ''} ${r.year ?? 'n.d.'}`.trim();
}

/** Record id → label, unique within `records`. */
export function studyLabels(records: readonly LabelledRecord[]): Map<number, string> {
  const byBase = new Map<string, LabelledRecord[]>();
  for (const r of [...records].sort((a, b) => a.id - b.id)) {
    const base = baseStudyLabel(r);
    byBase.set(base, [...(byBase.get(base) ?? []), r]);
  }
  const out = new Map<number, string>();
  for (const [base, group] of byBase) group.forEach((r, i) => out.set(r.id, group.length === 1 ? base : `${base}${suffix(i)}`));
  return out;
}

/** a … z, then aa, ab, … */
function suffix(i: number): string {
  return i < 26 ? String.fromCharCode(97 + i) : `${suffix(Math.floor(i / 26) - 1)}${suffix(i % 26)}`;
}
