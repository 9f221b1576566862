import type { Predicate } from '@exoatlas/schema';
import type { MechanismGraph } from './mechanism-graph.js';

/** Predicates that lower or block their object: drawn with a flat ("tee") arrowhead. */
export const INHIBITORY_PREDICATES: ReadonlySet<Predicate> = new Set(['inhibits', 'decreases', 'reduces', 'suppresses', 'downregulates', 'prevents']);

const KIND_COLOURS: Record<string, string> = {
  mirna: '#fde2b8',
  gene: '#cfe3f7',
  protein: '#cfe3f7',
  pathway: '#d5ecd4',
  'cell-type': '#efd9f2',
  process: '#f2f2f2',
  disease: '#f7d4d4',
  species: '#eeeeee',
  compound: '#fff4c2',
  anatomy: '#e6e0d4',
  vesicle: '#d9f2f0',
};

const quote = (text: string): string => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

/** The graph in Graphviz DOT: nodes coloured by kind, inhibitory edges with a flat head, hedged claims dashed. */
export function toDot(graph: MechanismGraph, name = 'mechanisms'): string {
  const lines = [
    `digraph ${quote(name)} {`,
    '  graph [rankdir=LR, fontname="Helvetica", overlap=false];',
    '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11, fillcolor="#f2f2f2"];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  for (const n of graph.nodes) {
    lines.push(`  ${quote(n.id)} [label=${quote(n.label)}, fillcolor=${quote(KIND_COLOURS[n.kind] ?? '#f2f2f2')}, tooltip=${quote(`${n.kind}${n.diseaseAreas.length ? `: ${n.diseaseAreas.join(', ')}` : ''}`)}];`);
  }
  for (const e of graph.edges) {
    const attrs = [
      `label=${quote(e.predicate)}`,
      `tooltip=${quote(`${e.claimIds.join(', ')}${e.referenceNumbers.length ? ` [${e.referenceNumbers.join(', ')}]` : ''}`)}`,
      ...(INHIBITORY_PREDICATES.has(e.predicate) ? ['arrowhead=tee', 'color="#b03a2e"'] : []),
      ...(e.isHedged ? ['style=dashed'] : []),
    ];
    lines.push(`  ${quote(e.source)} -> ${quote(e.target)} [${attrs.join(', ')}];`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}
