import type { SearchHit } from '../api/types';
import { withQuery } from '../router/router';

/** Where a search hit is shown in the app. */
export function hitHref(hit: Pick<SearchHit, 'kind' | 'id'>): string {
  switch (hit.kind) {
    case 'study':
      return `/studies/${hit.id}`;
    case 'reference':
      return `/references/${hit.id.replace(/^ref-/, '')}`;
    case 'entity':
      return `/entities/${hit.id}`;
    case 'claim':
      return withQuery('/mechanisms', { claim: hit.id });
    case 'isolationMethod':
      return `/methods#method-${hit.id}`;
    case 'biology':
      return `/#biology-${hit.id}`;
    default:
      return `/clinical#${hit.kind}-${hit.id}`;
  }
}
