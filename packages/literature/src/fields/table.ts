import type { CitationRecord } from '../citation-record.js';
import type { WarningCode } from '../errors.js';
import { parseDate } from './date.js';
import { findDoi, findIsbn, findIssns, findPmcid, findPmid } from './identifiers.js';
import { parseNames, splitAuthorList } from './names.js';
import { normalisePages } from './pages.js';
import { inferSourceDatabase } from './source-database.js';
import { addUnique, cleanText, firstText } from './text.js';
import { mapType } from './types.js';

/** Reads the values a native record holds under a key (a tag, a field name, an element path). */
export type Getter = (key: string) => readonly string[] | undefined;

type Keys = readonly string[];

/**
 * A declarative map from a format's keys to CitationRecord fields. Each entry lists the source keys in order of
 * preference: the first key with a usable value wins (lists gather every key).
 */
export interface FieldTable {
  type?: { keys: Keys; types: Readonly<Record<string, string>>; fallback: string };
  title?: Keys;
  abstract?: Keys;
  /** Keys whose every value is one author. */
  authors?: Keys;
  /** Keys whose value lists several authors ("A; B", "A and B"). */
  authorLists?: Keys;
  date?: Keys;
  journal?: Keys;
  journalAbbrev?: Keys;
  volume?: Keys;
  issue?: Keys;
  pages?: { range?: Keys; start?: Keys; end?: Keys };
  doi?: Keys;
  pmid?: Keys;
  pmcid?: Keys;
  issn?: Keys;
  isbn?: Keys;
  url?: Keys;
  publisher?: Keys;
  language?: Keys;
  keywords?: ListSpec;
  meshTerms?: ListSpec;
  publicationTypes?: ListSpec;
  /** Keys naming the database outright (RIS DB). */
  sourceDatabase?: Keys;
  /** Keys whose values reveal the database (URLs, accession numbers). */
  sourceHints?: Keys;
  sourceId?: Keys;
  notes?: Keys;
  /** Keys holding a screening decision (1/0, yes/no, included/excluded). */
  label?: Keys;
  /** Keys of free-text notes that may carry ASReview's ASReview_relevant / ASReview_irrelevant markers. */
  labelNotes?: Keys;
}

/** Keys gathered into a list; `split` cuts one value into several. */
export interface ListSpec {
  keys: Keys;
  split?: RegExp | ((value: string) => string[]);
}

function splitValue(value: string, split: ListSpec['split']): string[] {
  if (!split) return [value];
  return typeof split === 'function' ? split(value) : value.split(split);
}

export interface TableContext {
  warn(code: WarningCode, message: string): void;
}

function first(get: Getter, keys: Keys | undefined): string | undefined {
  if (!keys) return undefined;
  for (const key of keys) {
    const text = firstText(get(key));
    if (text !== undefined) return text;
  }
  return undefined;
}

function firstFound<T>(get: Getter, keys: Keys | undefined, find: (value: string) => T | undefined): T | undefined {
  if (!keys) return undefined;
  for (const key of keys) {
    for (const value of get(key) ?? []) {
      const found = find(value);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function all(get: Getter, spec: ListSpec | undefined): string[] {
  const out: string[] = [];
  if (!spec) return out;
  for (const key of spec.keys) {
    const values = get(key);
    if (!values) continue;
    addUnique(out, values.flatMap((v) => splitValue(v, spec.split)));
  }
  return out;
}

function asreviewLabel(value: string): 0 | 1 | undefined {
  if (!value.includes('ASReview_')) return undefined;
  if (/ASReview_relevant/i.test(value)) return 1;
  if (/ASReview_irrelevant/i.test(value)) return 0;
  return undefined;
}

/** 1 for included/relevant, 0 for excluded/irrelevant, undefined otherwise. */
export function parseLabel(value: string | undefined): 0 | 1 | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^(?:1|1\.0|yes|y|true|include|included|relevant)$/i.test(text)) return 1;
  if (/^(?:0|0\.0|no|n|false|exclude|excluded|irrelevant)$/i.test(text)) return 0;
  return undefined;
}

type Settable = Exclude<keyof CitationRecord, 'id' | 'raw' | 'merge'>;

/** Sets a field only when there is a value (records carry no undefined keys). */
function set<K extends Settable>(record: CitationRecord, key: K, value: CitationRecord[K] | undefined): void {
  if (value !== undefined) record[key] = value;
}

/** Notes keep their line breaks (Scopus lists one cited reference per line); only blank notes and repeats go. */
function notes(get: Getter, keys: Keys | undefined): string[] {
  const out: string[] = [];
  for (const key of keys ?? []) {
    for (const value of get(key) ?? []) {
      const text = value.trim();
      if (text !== '' && !out.includes(text)) out.push(text);
    }
  }
  return out;
}

/** Fills `record` from a native record through a field table; warns about a missing title or an unreadable year. */
export function applyTable(table: FieldTable, get: Getter, record: CitationRecord, ctx: TableContext): void {
  if (table.type) record.type = mapType(table.type.types, first(get, table.type.keys), table.type.fallback);
  set(record, 'title', first(get, table.title));
  set(record, 'abstract', first(get, table.abstract));
  if (table.authors) {
    for (const key of table.authors) {
      const names = parseNames(get(key));
      if (names.length > 0) {
        record.authors = names;
        break;
      }
    }
  }
  if (record.authors.length === 0 && table.authorLists) {
    for (const key of table.authorLists) {
      const names = parseNames((get(key) ?? []).flatMap((v) => splitAuthorList(v)));
      if (names.length > 0) {
        record.authors = names;
        break;
      }
    }
  }
  if (table.date) {
    const parsed = table.date.flatMap((key) => (get(key) ?? []).map(parseDate)).filter((d) => d !== undefined);
    if (parsed.length > 0) {
      // The year of the first usable key; the most precise date that agrees with it (PY 2019 + DA 2019/10//).
      const year = parsed[0]!.year;
      record.year = year;
      record.date = parsed.filter((d) => d.year === year).reduce((a, b) => (b.date.length > a.date.length ? b : a)).date;
    } else {
      const given = first(get, table.date);
      if (given !== undefined) {
        record.flags.push('unparsed-year');
        ctx.warn('unparsed-year', `no year could be read from "${given}"`);
      }
    }
  }
  set(record, 'journal', first(get, table.journal));
  set(record, 'journalAbbrev', first(get, table.journalAbbrev));
  set(record, 'volume', first(get, table.volume));
  set(record, 'issue', first(get, table.issue));
  if (table.pages) {
    const range = first(get, table.pages.range);
    set(record, 'pages', range !== undefined ? normalisePages(range) : normalisePages(undefined, first(get, table.pages.start), first(get, table.pages.end)));
  }
  set(record, 'doi', firstFound(get, table.doi, findDoi));
  set(record, 'pmid', firstFound(get, table.pmid, findPmid));
  set(record, 'pmcid', firstFound(get, table.pmcid, findPmcid));
  if (table.issn) record.issn = findIssns(table.issn.flatMap((k) => get(k) ?? []));
  if (table.isbn) set(record, 'isbn', findIsbn(table.isbn.flatMap((k) => get(k) ?? [])));
  set(record, 'url', first(get, table.url));
  set(record, 'publisher', first(get, table.publisher));
  set(record, 'language', first(get, table.language));
  record.keywords = all(get, table.keywords);
  record.meshTerms = all(get, table.meshTerms);
  record.publicationTypes = all(get, table.publicationTypes);
  set(record, 'sourceDatabase', first(get, table.sourceDatabase) ?? (table.sourceHints ? inferSourceDatabase(table.sourceHints.flatMap((k) => get(k) ?? [])) : undefined));
  set(record, 'sourceId', first(get, table.sourceId));
  record.notes = notes(get, table.notes);
  set(record, 'label', firstFound(get, table.label, parseLabel) ?? firstFound(get, table.labelNotes, asreviewLabel));
}

/** Drops keys whose value is undefined, so records compare and serialise cleanly. */
export function removeUndefined(record: CitationRecord): void {
  const bag = record as unknown as Record<string, unknown>;
  for (const key of Object.keys(bag)) if (bag[key] === undefined) delete bag[key];
}

/** Flags a record without a title and says so. */
export function checkTitle(record: CitationRecord, ctx: TableContext): void {
  if (!record.title) {
    record.flags.push('missing-title');
    ctx.warn('missing-title', 'the record has no title (kept, flagged)');
  }
}

export { cleanText };
