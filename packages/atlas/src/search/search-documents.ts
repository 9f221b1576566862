import type { KnowledgeBase } from '@exoatlas/schema';

/** One full-text search document: a record of any kind flattened to a title and a body. */
export interface SearchDocument {
  kind: 'study' | 'reference' | 'entity' | 'claim' | 'isolationMethod' | 'fact' | 'advantage' | 'limitation' | 'direction' | 'gap' | 'biology';
  id: string;
  title: string;
  body: string;
}

const quotes = (p?: { quote: string }[]): string => (p ?? []).map((x) => x.quote).join(' \n ');

/** Flattens every record of the knowledge base into search documents. */
export function searchDocuments(kb: KnowledgeBase): SearchDocument[] {
  const docs: SearchDocument[] = [];
  for (const s of kb.studies) {
    docs.push({ kind: 'study', id: s.id, title: s.title, body: [s.diseaseType, s.condition, s.model, s.cellSource, s.outcome, s.mechanism, quotes(s.provenance)].filter(Boolean).join(' \n ') });
  }
  for (const r of kb.references) docs.push({ kind: 'reference', id: r.id, title: `[${r.reviewNumber}] ${r.title}`, body: r.printed });
  for (const e of kb.entities) docs.push({ kind: 'entity', id: e.id, title: e.name, body: [e.kind, e.synonyms.join(', '), e.description, quotes(e.provenance)].filter(Boolean).join(' \n ') });
  for (const c of kb.claims) docs.push({ kind: 'claim', id: c.id, title: `${c.subject} ${c.predicate} ${c.object}`, body: quotes(c.provenance) });
  for (const m of kb.isolationMethods) {
    docs.push({ kind: 'isolationMethod', id: m.id, title: `${m.name} (${m.abbr})`, body: [m.principle, ...m.advantages.map((a) => a.text), ...m.disadvantages.map((d) => d.text), quotes(m.provenance)].join(' \n ') });
  }
  for (const f of kb.facts) docs.push({ kind: 'fact', id: f.id, title: f.measure, body: quotes(f.provenance) });
  for (const a of kb.advantages) docs.push({ kind: 'advantage', id: a.id, title: a.title, body: [a.text, quotes(a.provenance)].join(' \n ') });
  for (const l of kb.limitations) docs.push({ kind: 'limitation', id: l.id, title: l.title, body: [l.text, quotes(l.provenance)].join(' \n ') });
  for (const d of kb.directions) docs.push({ kind: 'direction', id: d.id, title: d.title, body: [d.text, quotes(d.provenance)].join(' \n ') });
  for (const g of kb.gaps) docs.push({ kind: 'gap', id: g.id, title: g.text, body: quotes(g.provenance) });
  for (const b of kb.biology) docs.push({ kind: 'biology', id: b.id, title: b.text, body: quotes(b.provenance) });
  return docs;
}
