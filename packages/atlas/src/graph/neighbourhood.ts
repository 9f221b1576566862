import { ExoError } from '@exoatlas/schema';
import { subgraph, type GraphNode, type MechanismGraph } from './mechanism-graph.js';

export const MAX_DEPTH = 6;

/**
 * The neighbourhood of an entity: every node within `depth` steps of it, following edges in either direction, and the
 * edges among them; each node carries its distance. An entity without claims gives a graph of itself alone.
 */
export function neighbourhood(graph: MechanismGraph, focus: GraphNode, depth: number): MechanismGraph {
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_DEPTH) {
    throw new ExoError('EXO_ERR_QUERY_INVALID', `depth must be a whole number from 1 to ${MAX_DEPTH} (got '${depth}')`, { field: 'depth' });
  }
  const adjacent = new Map<string, string[]>();
  for (const e of graph.edges) {
    adjacent.set(e.source, [...(adjacent.get(e.source) ?? []), e.target]);
    adjacent.set(e.target, [...(adjacent.get(e.target) ?? []), e.source]);
  }
  const distance = new Map<string, number>([[focus.id, 0]]);
  let frontier = [focus.id];
  for (let d = 1; d <= depth && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const n of adjacent.get(id) ?? []) {
        if (distance.has(n)) continue;
        distance.set(n, d);
        next.push(n);
      }
    }
    frontier = next;
  }
  const sub = subgraph(graph, new Set(distance.keys()));
  const nodes = sub.nodes.length > 0 ? sub.nodes : [focus];
  return { nodes: nodes.map((n) => ({ ...n, distance: distance.get(n.id) ?? 0 })), edges: sub.edges };
}
