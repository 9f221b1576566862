import { deduplicate, readCitations, type CitationRecord, type LiteratureWarning } from '@exoatlas/literature';

/** A search file as uploaded or named on the command line. */
export interface SearchFile {
  name: string;
  data: string | Uint8Array;
}

export interface ReadSearchFile {
  name: string;
  format: string;
  records: CitationRecord[];
  warnings: LiteratureWarning[];
}

/** A record without its native fields (kept small in the store); the format and line stay. */
export function slimCitation(record: CitationRecord): CitationRecord {
  return { ...record, raw: { format: record.raw.format, line: record.raw.line, fields: {} } };
}

/** Reads every file completely before anything is written: a malformed file throws and nothing is imported. */
export async function readSearchFiles(files: readonly SearchFile[]): Promise<ReadSearchFile[]> {
  const out: ReadSearchFile[] = [];
  for (const [k, file] of files.entries()) {
    const { format, records, warnings } = await readCitations(file.data, { fileName: file.name, idPrefix: `import-${k}`, keepRaw: false });
    out.push({ name: file.name, format, records: records.map(slimCitation), warnings });
  }
  return out;
}

/** Where one incoming record went. */
export type IncomingFate = { kind: 'new'; newIndex: number } | { kind: 'duplicate-of-new'; newIndex: number } | { kind: 'duplicate-of-existing'; recordId: number };

export interface ImportPlan {
  /** The new unique records (a merged record for each group of incoming duplicates). */
  newRecords: CitationRecord[];
  /** For each file, for each of its records in order, what became of it. */
  fates: IncomingFate[][];
  /**
   * The project's records the plan was made against (their count and last id; records are only ever appended). The
   * store writes the plan only if they are still the same, else throws ImportBasisChanged: another server process
   * imported meanwhile, and writing would add its new records a second time.
   */
  basis?: { records: number; lastId: number };
}

/** Thrown by a store when the project's records changed since the plan was made; the service plans again. */
export class ImportBasisChanged extends Error {
  constructor(projectId: string) {
    super(`the records of project '${projectId}' changed while an import was being planned`);
    this.name = 'ImportBasisChanged';
  }
}

/** The basis of a plan made against these records. */
export function importBasis(existing: readonly { recordId: number }[]): { records: number; lastId: number } {
  return { records: existing.length, lastId: existing.reduce((m, r) => Math.max(m, r.recordId), 0) };
}

/**
 * De-duplicates incoming records against each other and against the project's records (packages/literature's
 * `deduplicate`). A group holding an existing record keeps that record unchanged (it may already be screened) and the
 * incoming members become its duplicates; a group of incoming records only becomes one new (merged) record.
 */
export function planImport(existing: readonly { recordId: number; citation: CitationRecord }[], files: readonly ReadSearchFile[]): ImportPlan {
  const existingIds = new Map<string, number>();
  const all: CitationRecord[] = existing.map(({ recordId, citation }) => {
    const id = `existing#${recordId}`;
    existingIds.set(id, recordId);
    return { ...citation, id };
  });
  const incoming = files.flatMap((f) => f.records);
  all.push(...incoming);
  const { groups, unique } = deduplicate(all);
  const uniqueById = new Map(unique.map((r) => [r.id, r]));
  const fateById = new Map<string, IncomingFate>();
  const newRecords: CitationRecord[] = [];
  for (const group of groups) {
    const existingMember = group.members.find((id) => existingIds.has(id));
    if (existingMember !== undefined) {
      for (const id of group.members) if (!existingIds.has(id)) fateById.set(id, { kind: 'duplicate-of-existing', recordId: existingIds.get(existingMember)! });
      continue;
    }
    const merged = uniqueById.get(group.kept)!;
    const newIndex = newRecords.push(merged) - 1;
    group.members.forEach((id, k) => fateById.set(id, k === 0 ? { kind: 'new', newIndex } : { kind: 'duplicate-of-new', newIndex }));
  }
  for (const record of incoming) {
    if (fateById.has(record.id)) continue;
    fateById.set(record.id, { kind: 'new', newIndex: newRecords.push(record) - 1 });
  }
  return { newRecords, fates: files.map((f) => f.records.map((r) => fateById.get(r.id)!)) };
}

/** Reads the files and plans their import against the project's records: the CPU part of an import, which a server runs off its request thread. */
export type ImportPlanner = (existing: readonly { recordId: number; citation: CitationRecord }[], files: readonly SearchFile[]) => Promise<{ read: ReadSearchFile[]; plan: ImportPlan }>;

/** The planner on the caller's own thread. */
export const planInThread: ImportPlanner = async (existing, files) => {
  const read = await readSearchFiles(files);
  return { read, plan: planImport(existing, read) };
};
