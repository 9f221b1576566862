import type { CitationRecord } from '../citation-record.js';
import { doiKey } from '../fields/identifiers.js';
import { firstPage } from '../fields/pages.js';
import { isPreprint } from './preprint.js';
import { distinguishers, journalKey, nameKey, normaliseText, noticeKind } from './text-keys.js';

/** What the comparison needs from a record, normalised once. */
export interface PreparedRecord {
  index: number;
  id: string;
  /** Normalised title: "a new decompression device for treating odontogenic cysts" */
  title: string;
  /** The same without spaces (for blocking keys). */
  compact: string;
  /** Numbers and part/phase markers of the title ("18", "part-a"). */
  marks: string;
  /** "erratum", "retraction", "comment", … when the title announces a notice about another record. */
  notice: string;
  year?: number;
  author?: string;
  journal?: string;
  page?: string;
  volume?: string;
  doi?: string;
  pmid?: string;
  isPreprint: boolean;
}

/** Titles compared are cut to this many characters (a long title is decided by its start). */
const MAX_TITLE = 300;

export function prepare(record: CitationRecord, index: number): PreparedRecord {
  const title = normaliseText(record.title).slice(0, MAX_TITLE);
  const first = record.authors[0];
  const volume = /^\d+/.exec(record.volume ?? '')?.[0];
  return {
    index,
    id: record.id,
    title,
    compact: title.replace(/ /g, ''),
    marks: distinguishers(title),
    notice: noticeKind(title),
    year: record.year,
    author: nameKey(first ? (first.family ?? first.literal) : undefined),
    journal: journalKey(record.journal ?? record.journalAbbrev),
    page: firstPage(record.pages),
    volume: volume ? String(Number(volume)) : undefined,
    doi: doiKey(record.doi),
    pmid: record.pmid,
    isPreprint: isPreprint(record),
  };
}
