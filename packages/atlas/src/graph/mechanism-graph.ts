import type { Claim, DiseaseArea, Entity, Predicate } from '@exoatlas/schema';
import { DiseaseArea as DiseaseAreaEnum } from '@exoatlas/schema';
import { claimReferenceNumbers } from '../entities/claim-entities.js';

/** An entity in the mechanism graph. */
export interface GraphNode {
  id: string;
  label: string;
  kind: Entity['kind'];
  /** Disease areas of the claims the node takes part in. */
  diseaseAreas: DiseaseArea[];
  /** Steps from the focus entity (undirected), when the graph is a neighbourhood. */
  distance?: number;
}

/** One subject–predicate–object relation, with every claim that states it. */
export interface GraphEdge {
  /** `subject--predicate--object` (entity ids never contain "--"). */
  id: string;
  source: string;
  target: string;
  predicate: Predicate;
  claimIds: string[];
  figures: number[];
  referenceNumbers: number[];
  /** True when every claim behind the edge is hedged ("may", "potentially"). */
  isHedged: boolean;
}

export interface MechanismGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export const edgeId = (source: string, predicate: string, target: string): string => `${source}--${predicate}--${target}`;

const sortedNumbers = (values: Iterable<number>): number[] => [...new Set(values)].sort((a, b) => a - b);

/** Builds the graph of the claims: one node per subject or object entity, one edge per distinct subject–predicate–object. */
export function buildGraph(claims: readonly Claim[], entitiesById: ReadonlyMap<string, Entity>, claimAreas: (claim: Claim) => readonly DiseaseArea[]): MechanismGraph {
  const edges = new Map<string, { edge: GraphEdge; claims: Claim[] }>();
  const nodeAreas = new Map<string, Set<DiseaseArea>>();
  for (const c of claims) {
    const id = edgeId(c.subject, c.predicate, c.object);
    let entry = edges.get(id);
    if (!entry) {
      entry = { edge: { id, source: c.subject, target: c.object, predicate: c.predicate, claimIds: [], figures: [], referenceNumbers: [], isHedged: true }, claims: [] };
      edges.set(id, entry);
    }
    entry.claims.push(c);
    const areas = claimAreas(c);
    for (const node of [c.subject, c.object]) {
      if (!nodeAreas.has(node)) nodeAreas.set(node, new Set());
      for (const a of areas) nodeAreas.get(node)!.add(a);
    }
  }
  const edgeList = [...edges.values()].map(({ edge, claims: cs }) => ({
    ...edge,
    claimIds: cs.map((c) => c.id),
    figures: sortedNumbers(cs.flatMap((c) => (c.figure ? [c.figure] : []))),
    referenceNumbers: sortedNumbers(cs.flatMap(claimReferenceNumbers)),
    isHedged: cs.every((c) => c.isHedged),
  }));
  const nodes = [...nodeAreas].map(([id, areas]): GraphNode => {
    const e = entitiesById.get(id);
    return { id, label: e?.name ?? id, kind: e?.kind ?? 'process', diseaseAreas: DiseaseAreaEnum.options.filter((a) => areas.has(a)) };
  });
  return { nodes: nodes.sort((a, b) => a.id.localeCompare(b.id)), edges: edgeList.sort((a, b) => a.id.localeCompare(b.id)) };
}

/** The subgraph on the given nodes: those nodes and every edge between two of them. */
export function subgraph(graph: MechanismGraph, nodeIds: ReadonlySet<string>): MechanismGraph {
  return { nodes: graph.nodes.filter((n) => nodeIds.has(n.id)), edges: graph.edges.filter((e) => nodeIds.has(e.source) && nodeIds.has(e.target)) };
}
