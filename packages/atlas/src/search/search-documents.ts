import type { Claim, Fact, KnowledgeBase, Study } from '@exoatlas/schema';

/** One full-text search document: a record of any kind flattened to a title and a body. */
export interface SearchDocument {
  kind: 'study' | 'reference' | 'entity' | 'claim' | 'isolationMethod' | 'fact' | 'advantage' | 'limitation' | 'direction' | 'gap' | 'biology';
  id: string;
  title: string;
  body: string;
}

const quotes = (p?: { quote: string }[]): string => (p ?? []).map((x) => x.quote).join(' \n ');

/** Where in the review a record is stated, as the pages label it. */
export function placeLabel(section: string): string {
  if (section === 'table-1') return 'Table 1';
  const fig = /^fig-(\d)$/.exec(section);
  if (fig) return `Figure ${fig[1]}`;
  return /^\d+$/.test(section) ? `§${section}` : section;
}

/**
 * A claim as a statement in the entities' names, with what tells it from the review's other claims of the same
 * subject, predicate and object: "exosome promotes angiogenesis — vesicles from iMSC, in osteoporosis (Table 1)".
 * (Titles of entity ids, "exosome promotes angiogenesis" nine times over, read as duplicate hits: issue 18 item 7.)
 */
export function claimTitle(c: Claim, name: (id: string) => string): string {
  const context = [
    c.context.cellSource ? `vesicles from ${c.context.cellSource}` : undefined,
    c.context.diseases.length > 0 ? `in ${c.context.diseases.map(name).join(', ')}` : undefined,
    c.context.cellTypes.length > 0 ? `in ${c.context.cellTypes.map(name).join(', ')}` : undefined,
    c.isHedged ? 'stated as possible' : undefined,
  ].filter(Boolean);
  return `${name(c.subject)} ${c.predicate} ${name(c.object)}${context.length > 0 ? ` — ${context.join(', ')}` : ''} (${placeLabel(c.figure ? `fig-${c.figure}` : c.section)})`;
}

const QUALIFIERS: Record<Fact['qualifier'], string> = { exactly: '', over: 'over ', around: 'around ', 'up-to': 'up to ', 'at-least': 'at least ' };

/** A fact with its number: two measures of the same thing at 24 h and 48 h are two facts, not one hit twice. */
export const factTitle = (f: Fact): string => `${f.measure}: ${QUALIFIERS[f.qualifier]}${f.value}${f.valueMax !== undefined ? `–${f.valueMax}` : ''}${f.unit ? ` ${f.unit}` : ''}`;

/** A study's search document (a study published from a review project is indexed by the same function). */
export function studyDocument(s: Study): SearchDocument {
  return { kind: 'study', id: s.id, title: s.title, body: [s.diseaseType, s.condition, s.model, s.cellSource, s.outcome, s.mechanism, quotes(s.provenance)].filter(Boolean).join(' \n ') };
}

/** Flattens every record of the knowledge base into search documents. */
export function searchDocuments(kb: KnowledgeBase): SearchDocument[] {
  const docs: SearchDocument[] = [];
  const names = new Map(kb.entities.map((e) => [e.id, e.name]));
  const name = (id: string): string => names.get(id) ?? id;
  for (const s of kb.studies) docs.push(studyDocument(s));
  for (const r of kb.references) docs.push({ kind: 'reference', id: r.id, title: `[${r.reviewNumber}] ${r.title}`, body: r.printed });
  for (const e of kb.entities) docs.push({ kind: 'entity', id: e.id, title: e.name, body: [e.kind, e.synonyms.join(', '), e.description, quotes(e.provenance)].filter(Boolean).join(' \n ') });
  for (const c of kb.claims) docs.push({ kind: 'claim', id: c.id, title: claimTitle(c, name), body: quotes(c.provenance) });
  for (const m of kb.isolationMethods) {
    docs.push({ kind: 'isolationMethod', id: m.id, title: `${m.name} (${m.abbr})`, body: [m.principle, ...m.advantages.map((a) => a.text), ...m.disadvantages.map((d) => d.text), quotes(m.provenance)].join(' \n ') });
  }
  for (const f of kb.facts) docs.push({ kind: 'fact', id: f.id, title: factTitle(f), body: quotes(f.provenance) });
  for (const a of kb.advantages) docs.push({ kind: 'advantage', id: a.id, title: a.title, body: [a.text, quotes(a.provenance)].join(' \n ') });
  for (const l of kb.limitations) docs.push({ kind: 'limitation', id: l.id, title: l.title, body: [l.text, quotes(l.provenance)].join(' \n ') });
  for (const d of kb.directions) docs.push({ kind: 'direction', id: d.id, title: d.title, body: [d.text, quotes(d.provenance)].join(' \n ') });
  for (const g of kb.gaps) docs.push({ kind: 'gap', id: g.id, title: g.text, body: quotes(g.provenance) });
  for (const b of kb.biology) docs.push({ kind: 'biology', id: b.id, title: b.text, body: quotes(b.provenance) });
  return docs;
}
