import { ExoError, type Claim, type DiseaseArea, type Entity } from '@exoatlas/schema';
import { filterClaims, type ClaimFilterContext, type ClaimFilters } from './claim-filters.js';
import { buildGraph, type MechanismGraph } from './mechanism-graph.js';
import { neighbourhood } from './neighbourhood.js';

export interface GraphQuery extends ClaimFilters {
  /** Entity id, name or synonym whose neighbourhood to return. */
  focus?: string;
  /** Steps from the focus (default 1). */
  depth?: number;
}

export interface GraphContext extends ClaimFilterContext {
  claims: readonly Claim[];
  entitiesById: ReadonlyMap<string, Entity>;
  claimAreas: (claim: Claim) => readonly DiseaseArea[];
}

/** The mechanism graph of the claims matching the filters, cut to the neighbourhood of `focus` when one is given. */
export function queryGraph(query: GraphQuery, context: GraphContext): MechanismGraph {
  const { focus, depth, ...filters } = query;
  if (depth !== undefined && focus === undefined) throw new ExoError('EXO_ERR_QUERY_INVALID', 'depth needs a focus entity (focus=…)', { field: 'depth' });
  const focusEntity = focus === undefined ? undefined : context.resolveEntity(focus);
  const graph = buildGraph(filterClaims(context.claims, filters, context), context.entitiesById, context.claimAreas);
  if (!focusEntity) return graph;
  const entity = context.entitiesById.get(focusEntity.id);
  const node = graph.nodes.find((n) => n.id === focusEntity.id) ?? { id: focusEntity.id, label: entity?.name ?? focusEntity.id, kind: entity?.kind ?? 'process', diseaseAreas: [] };
  return neighbourhood(graph, node, depth ?? 1);
}
