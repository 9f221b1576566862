import { ExoError, foldForQuote, type KnowledgeBase, type Provenance } from '@exoatlas/schema';

export interface RecordLocation {
  readonly file: string;
  readonly line: number;
}

type Located = { kind: string; id: string };

/**
 * Checks what a schema cannot: unique ids, links between records, and that every quote is verbatim in the review.
 * Returns every problem found, each naming the record's file and line.
 */
export function checkIntegrity(kb: KnowledgeBase, reviewText: string, locations: ReadonlyMap<string, RecordLocation>): ExoError[] {
  const problems: ExoError[] = [];
  const fail = (code: 'EXO_ERR_DATA_DUPLICATE_ID' | 'EXO_ERR_DATA_DANGLING_REF' | 'EXO_ERR_DATA_QUOTE_NOT_VERBATIM', at: Located, message: string): void => {
    const loc = locations.get(`${at.kind}:${at.id}`);
    const where = loc ? `${loc.file}:${loc.line}: ` : '';
    problems.push(new ExoError(code, `${where}${at.kind} '${at.id}': ${message}`, { file: loc?.file, line: loc?.line, id: at.id }));
  };

  for (const [kind, records] of Object.entries(kb) as [string, unknown][]) {
    if (!Array.isArray(records)) continue;
    const seen = new Set<string>();
    for (const r of records as { id: string }[]) {
      if (seen.has(r.id)) fail('EXO_ERR_DATA_DUPLICATE_ID', { kind, id: r.id }, 'this id is used twice');
      seen.add(r.id);
    }
  }

  const refNumbers = new Set(kb.references.map((r) => r.reviewNumber));
  for (const r of kb.references) {
    if (r.id !== `ref-${r.reviewNumber}`) fail('EXO_ERR_DATA_DANGLING_REF', { kind: 'references', id: r.id }, `id must be ref-${r.reviewNumber}`);
  }
  const entityIds = new Set(kb.entities.map((e) => e.id));
  const synonymOwner = new Map<string, string>();
  for (const e of kb.entities) {
    for (const name of [e.name, ...e.synonyms]) {
      const key = name.toLowerCase();
      const owner = synonymOwner.get(key);
      if (owner && owner !== e.id) fail('EXO_ERR_DATA_DUPLICATE_ID', { kind: 'entities', id: e.id }, `the name "${name}" also belongs to entity '${owner}'`);
      synonymOwner.set(key, e.id);
    }
  }
  const needEntity = (at: Located, id: string, role: string): void => {
    if (!entityIds.has(id)) fail('EXO_ERR_DATA_DANGLING_REF', at, `${role} '${id}' is not an entity (add it under data/entities/)`);
  };
  const needRefs = (at: Located, numbers: readonly number[]): void => {
    for (const n of numbers) if (!refNumbers.has(n)) fail('EXO_ERR_DATA_DANGLING_REF', at, `reference [${n}] is not in data/references.yaml`);
  };

  for (const s of kb.studies) {
    const at = { kind: 'studies', id: s.id };
    needRefs(at, s.referenceNumbers);
    for (const e of s.entities) needEntity(at, e, 'entity');
    // A head-to-head result needs its comparator quoted: the comparator= filter reads `comparators`, not `comparisons`.
    const quoted = new Set((s.comparators ?? []).flatMap((c) => (c.cellSource ? [c.cellSource] : [])));
    for (const c of s.comparisons) {
      if (!quoted.has(c.comparator)) fail('EXO_ERR_DATA_DANGLING_REF', at, `comparison with '${c.comparator}' has no quoted comparator with that cellSource (add it under comparators)`);
    }
  }
  for (const c of kb.claims) {
    const at = { kind: 'claims', id: c.id };
    needEntity(at, c.subject, 'subject');
    needEntity(at, c.object, 'object');
    for (const e of [...c.context.diseases, ...c.context.cellTypes]) needEntity(at, e, 'context entity');
    needRefs(at, c.referenceNumbers);
  }

  const folded = foldForQuote(reviewText);
  const checkQuotes = (kind: string, id: string, provenance: readonly Provenance[] | undefined): void => {
    for (const p of provenance ?? []) {
      if (!folded.includes(foldForQuote(p.quote))) fail('EXO_ERR_DATA_QUOTE_NOT_VERBATIM', { kind, id }, `quote is not verbatim in the review: "${p.quote.slice(0, 80)}…"`);
      needRefs({ kind, id }, p.referenceNumbers);
    }
  };
  for (const [kind, records] of Object.entries(kb) as [string, unknown][]) {
    if (!Array.isArray(records)) continue;
    for (const r of records as { id: string; provenance?: Provenance[]; advantages?: { provenance: Provenance[] }[]; disadvantages?: { provenance: Provenance[] }[]; combinations?: { provenance: Provenance[] }[]; similarTo?: { provenance: Provenance[] }[]; comparators?: { provenance: Provenance[] }[]; printed?: string }[]) {
      checkQuotes(kind, r.id, r.provenance);
      for (const part of [...(r.advantages ?? []), ...(r.disadvantages ?? []), ...(r.combinations ?? []), ...(r.similarTo ?? []), ...(r.comparators ?? [])]) checkQuotes(kind, r.id, part.provenance);
      if (kind === 'references' && r.printed && !folded.includes(foldForQuote(r.printed))) {
        fail('EXO_ERR_DATA_QUOTE_NOT_VERBATIM', { kind, id: r.id }, `'printed' is not verbatim in the review's reference list`);
      }
    }
  }
  return problems;
}
