import { ExoError } from '@exoatlas/schema';
import type { GraphEdge, MechanismGraph } from './mechanism-graph.js';

export interface GraphPath {
  /** Entity ids from the start to the end. */
  nodes: string[];
  edges: GraphEdge[];
}

export interface PathOptions {
  /** Most edges a path may have (default 4, at most 8). */
  maxLength?: number;
  /** Most paths returned (default 20). */
  limit?: number;
}

export const DEFAULT_MAX_PATH_LENGTH = 4;
export const MAX_PATH_LENGTH = 8;

/** Steps from every node to `to` along the edges' direction (a backwards breadth-first search). */
function stepsTo(graph: MechanismGraph, to: string): Map<string, number> {
  const incoming = new Map<string, string[]>();
  for (const e of graph.edges) incoming.set(e.target, [...(incoming.get(e.target) ?? []), e.source]);
  const steps = new Map<string, number>([[to, 0]]);
  let frontier = [to];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const s of incoming.get(id) ?? []) {
        if (steps.has(s)) continue;
        steps.set(s, steps.get(id)! + 1);
        next.push(s);
      }
    }
    frontier = next;
  }
  return steps;
}

/**
 * Every simple path from `from` to `to` following edges from subject to object, of at most `maxLength` edges:
 * shortest first, then in order of their node ids. Throws EXO_ERR_GRAPH_NO_PATH when there is none.
 */
export function findPaths(graph: MechanismGraph, from: string, to: string, options: PathOptions = {}): GraphPath[] {
  const maxLength = options.maxLength ?? DEFAULT_MAX_PATH_LENGTH;
  const limit = options.limit ?? 20;
  if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > MAX_PATH_LENGTH) {
    throw new ExoError('EXO_ERR_QUERY_INVALID', `maxLength must be a whole number from 1 to ${MAX_PATH_LENGTH} (got '${maxLength}')`, { field: 'maxLength' });
  }
  if (from === to) throw new ExoError('EXO_ERR_QUERY_INVALID', `a path needs two different entities (from and to are both '${from}')`, { field: 'to' });
  const outgoing = new Map<string, GraphEdge[]>();
  for (const e of graph.edges) outgoing.set(e.source, [...(outgoing.get(e.source) ?? []), e]);
  const steps = stepsTo(graph, to);
  const found: GraphPath[] = [];
  const walk = (node: string, nodes: string[], edges: GraphEdge[]): void => {
    if (node === to) {
      found.push({ nodes: [...nodes], edges: [...edges] });
      return;
    }
    for (const e of outgoing.get(node) ?? []) {
      const remaining = steps.get(e.target);
      if (remaining === undefined || edges.length + 1 + remaining > maxLength || nodes.includes(e.target)) continue;
      nodes.push(e.target);
      edges.push(e);
      walk(e.target, nodes, edges);
      nodes.pop();
      edges.pop();
    }
  };
  if ((steps.get(from) ?? Infinity) <= maxLength) walk(from, [from], []);
  if (found.length === 0) {
    const shortest = steps.get(from);
    const why =
      shortest !== undefined
        ? `the shortest takes ${shortest} steps; raise maxLength`
        : stepsTo(graph, from).has(to)
          ? `the claims lead the other way, from '${to}' to '${from}'`
          : 'the claims do not connect them in this direction';
    throw new ExoError('EXO_ERR_GRAPH_NO_PATH', `no path from '${from}' to '${to}' of at most ${maxLength} steps: ${why}`, { from, to, maxLength });
  }
  const key = (p: GraphPath): string => p.edges.map((e) => e.id).join(' ');
  return found.sort((a, b) => a.edges.length - b.edges.length || key(a).localeCompare(key(b))).slice(0, limit);
}
