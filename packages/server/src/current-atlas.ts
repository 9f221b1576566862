import { Atlas } from '@exoatlas/atlas';
import type { Study } from '@exoatlas/schema';

/** The published project studies and a version that changes whenever they do. */
export interface PublishedStudies {
  version: string;
  studies: Study[];
}

/**
 * The atlas as the API serves it: the curated knowledge base plus the studies that finished living-review projects
 * have published (origin `project`). The merged atlas is rebuilt only when the published version changes.
 */
export function currentAtlasProvider(base: Atlas, published?: () => Promise<PublishedStudies>): () => Promise<Atlas> {
  if (!published) return async () => base;
  let version = '';
  let merged = base;
  return async () => {
    const now = await published();
    if (now.version !== version) {
      version = now.version;
      merged = now.studies.length === 0 ? base : new Atlas({ ...base.kb, studies: [...base.kb.studies, ...now.studies] });
    }
    return merged;
  };
}
