import type { GraphEdge, GraphNode, MechanismGraph } from './mechanism-graph.js';

/** The elements of a Cytoscape.js graph: `cytoscape({ elements })`. */
export interface CytoscapeElements {
  elements: { nodes: { data: GraphNode }[]; edges: { data: GraphEdge }[] };
}

/** The graph as Cytoscape.js elements (every node and edge field under `data`). */
export function toCytoscape(graph: MechanismGraph): CytoscapeElements {
  return { elements: { nodes: graph.nodes.map((data) => ({ data })), edges: graph.edges.map((data) => ({ data })) } };
}
