import { join } from 'node:path';
import { ExoError, KnowledgeBase, RECORD_KINDS, Source, type RecordKind } from '@exoatlas/schema';
import { DATA_LAYOUT, REVIEW_TEXT_FILE, SOURCE_FILE } from './data-files.js';
import { hashDataFiles, readDataFiles, type DataFile } from './read-data.js';
import { parseYamlFile, type YamlFile } from './yaml-file.js';
import { validateRecord } from './validate-record.js';
import { checkIntegrity, type RecordLocation } from './check-integrity.js';

export interface LoadedKnowledgeBase {
  readonly kb: KnowledgeBase;
  /** The review text as it is stored in data/source/review.txt. */
  readonly reviewText: string;
  /** Content hash of every data file. */
  readonly hash: string;
  /** Where each record was read from ("kind:id" → file and line). */
  readonly locations: ReadonlyMap<string, RecordLocation>;
}

/** Loads, validates and checks data/ as a whole: the first problem throws an ExoError naming the file and line. */
export function loadKnowledgeBase(dataDir: string): LoadedKnowledgeBase {
  return loadKnowledgeBaseFromFiles(readDataFiles(dataDir), dataDir);
}

/** As loadKnowledgeBase, from files already read. */
export function loadKnowledgeBaseFromFiles(files: readonly DataFile[], dataDir = 'data'): LoadedKnowledgeBase {
  const { loaded, problems } = validateDataFiles(files, dataDir);
  if (!loaded || problems.length > 0) {
    const first = problems[0]!;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''}: run \`exoatlas validate\`)` : '';
    throw new ExoError(first.code, first.message + more, first.context);
  }
  return loaded;
}

/** Validates data/ and returns every problem found (each with file and line) rather than stopping at the first. */
export function validateDataDir(dataDir: string): { loaded?: LoadedKnowledgeBase; problems: ExoError[] } {
  return validateDataFiles(readDataFiles(dataDir), dataDir);
}

/** Validates data files: one problem per bad file or record, then the whole-base checks when every record is valid. */
export function validateDataFiles(files: readonly DataFile[], dataDir = 'data'): { loaded?: LoadedKnowledgeBase; problems: ExoError[] } {
  const problems: ExoError[] = [];
  const attempt = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (error) {
      if (error instanceof ExoError) problems.push(error);
      else throw error;
      return undefined;
    }
  };
  const byPath = new Map(files.map((f) => [f.path, f]));
  const display = (path: string): string => join(dataDir, path);
  const require = (path: string): DataFile => {
    const file = byPath.get(path);
    if (!file) throw new ExoError('EXO_ERR_DATA_MISSING', `${display(path)} is missing`, { file: display(path) });
    return file;
  };

  const reviewText = attempt(() => require(REVIEW_TEXT_FILE).text);
  const source = attempt(() => {
    const sourceFile = parseYamlFile(display(SOURCE_FILE), require(SOURCE_FILE).text);
    return validateRecord(Source, sourceFile.value, sourceFile, []);
  });

  const locations = new Map<string, RecordLocation>();
  const kb: Record<string, unknown[]> = {};
  for (const kind of Object.keys(RECORD_KINDS) as RecordKind[]) {
    const layout = DATA_LAYOUT[kind];
    const schema = RECORD_KINDS[kind];
    const records: unknown[] = [];
    const yamlFiles: YamlFile[] = [];
    const push = (file: DataFile): void => {
      const yf = attempt(() => parseYamlFile(display(file.path), file.text));
      if (yf) yamlFiles.push(yf);
    };
    if (layout.file) {
      const file = byPath.get(layout.file);
      if (file) push(file);
    } else if (layout.dir) {
      for (const file of files) if (file.path.startsWith(`${layout.dir}/`) && /\.ya?ml$/.test(file.path)) push(file);
    }
    for (const yf of yamlFiles) {
      const items = layout.onePerFile ? [yf.value] : yf.value ?? [];
      if (!Array.isArray(items)) {
        problems.push(new ExoError('EXO_ERR_DATA_INVALID', `${yf.path}:1: expected a list of ${kind}`, { file: yf.path, line: 1 }));
        continue;
      }
      items.forEach((item, index) => {
        const path = layout.onePerFile ? [] : [index];
        const record = attempt(() => validateRecord(schema as never, item, yf, path) as { id: string });
        if (!record) return;
        locations.set(`${kind}:${record.id}`, { file: yf.path, line: yf.lineOf(path) ?? 1 });
        records.push(record);
      });
    }
    kb[kind] = records;
  }

  if (reviewText === undefined || source === undefined) return { problems };
  const ordered = orderRecords(KnowledgeBase.parse({ schemaVersion: 1, source, ...kb }));
  problems.push(...checkIntegrity(ordered, reviewText, locations));
  if (problems.length > 0) return { problems };
  return { loaded: { kb: ordered, reviewText, hash: hashDataFiles(files), locations }, problems };
}

/** Stable, meaningful orders: references by number, Table 1 studies by row then the rest by id. */
function orderRecords(kb: KnowledgeBase): KnowledgeBase {
  return {
    ...kb,
    references: [...kb.references].sort((a, b) => a.reviewNumber - b.reviewNumber),
    studies: [...kb.studies].sort((a, b) => (a.table1Row ?? 99) - (b.table1Row ?? 99) || a.id.localeCompare(b.id)),
  };
}
