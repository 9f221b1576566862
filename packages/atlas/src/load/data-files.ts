import type { RecordKind } from '@exoatlas/schema';

/**
 * Where each record kind lives under data/: a single YAML file holding a list, or a directory of YAML files
 * each holding one record (studies) or a list (entities, claims).
 */
export const DATA_LAYOUT: Record<RecordKind, { file?: string; dir?: string; onePerFile?: boolean }> = {
  references: { file: 'references.yaml' },
  studies: { dir: 'studies', onePerFile: true },
  entities: { dir: 'entities' },
  claims: { dir: 'claims' },
  isolationMethods: { file: 'isolation-methods.yaml' },
  facts: { file: 'facts.yaml' },
  advantages: { file: 'advantages.yaml' },
  limitations: { file: 'limitations.yaml' },
  directions: { file: 'directions.yaml' },
  gaps: { file: 'gaps.yaml' },
  biology: { file: 'biology.yaml' },
};

export const SOURCE_FILE = 'source.yaml';
export const REVIEW_TEXT_FILE = 'source/review.txt';
