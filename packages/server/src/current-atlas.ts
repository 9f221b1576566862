import { Atlas } from '@exoatlas/atlas';
import type { Study } from '@exoatlas/schema';

/**
 * The atlas as the API serves it: the curated knowledge base plus the studies that finished living-review projects
 * have published (origin `project`). The merged atlas is rebuilt only when the published set changes.
 */
export function currentAtlasProvider(base: Atlas, projectStudies?: () => Study[]): () => Atlas {
  if (!projectStudies) return () => base;
  let key = '';
  let merged = base;
  return () => {
    const extra = projectStudies();
    const nextKey = JSON.stringify(extra);
    if (nextKey !== key) {
      key = nextKey;
      merged = extra.length === 0 ? base : new Atlas({ ...base.kb, studies: [...base.kb.studies, ...extra] });
    }
    return merged;
  };
}
