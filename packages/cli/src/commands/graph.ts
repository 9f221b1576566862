import { subgraph, toCytoscape, toDot, type Atlas, type GraphPath, type MechanismGraph } from '@exoatlas/atlas';
import { ExoError } from '@exoatlas/schema';
import { ATLAS_OPTIONS, intOption, parseCommandArgs } from '../args.js';
import type { CommandIO } from '../command-io.js';
import { openAtlas } from '../context.js';

const USAGE = `Usage: exoatlas graph [--focus E [--depth N]] [--area A] [--figure N] [--entity E] [--cell-source S]
                      [--format json|dot|cytoscape] [--json]
       exoatlas graph --from A --to B [--max-length N] [--format dot] [--json]
  The mechanism graph of the review's claims: entities linked by subject → predicate → object. --focus gives the
  neighbourhood of one entity (to --depth steps, default 1); --from/--to give the paths between two entities along the
  claims, shortest first. --format dot prints Graphviz DOT (pipe it to \`dot -Tsvg\`); cytoscape prints Cytoscape.js
  elements; json (or --json) the nodes and edges.
`;

const FORMATS = ['json', 'dot', 'cytoscape'] as const;

/** `exoatlas graph`: the mechanism graph, a neighbourhood, or the paths between two entities. */
export async function graphCommand(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseCommandArgs(
    'graph',
    args,
    {
      ...ATLAS_OPTIONS,
      focus: { type: 'string' },
      depth: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'max-length': { type: 'string' },
      area: { type: 'string' },
      figure: { type: 'string' },
      entity: { type: 'string' },
      'cell-source': { type: 'string' },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    false,
  );
  if (values.help) return (io.stdout(USAGE), 0);
  const requested = values.format ?? (values.json ? 'json' : undefined);
  if (requested !== undefined && !(FORMATS as readonly string[]).includes(requested)) {
    throw new ExoError('EXO_ERR_QUERY_INVALID', `--format must be ${FORMATS.join(', ')} (got '${requested}')`, { field: 'format' });
  }
  const format = requested as (typeof FORMATS)[number] | undefined;
  if (values.json && values.format && values.format !== 'json') throw new ExoError('EXO_ERR_CLI_USAGE', `graph: --json and --format ${values.format} ask for two outputs; choose one`);
  const isPaths = values.from !== undefined || values.to !== undefined;
  if (isPaths && (values.from === undefined || values.to === undefined)) throw new ExoError('EXO_ERR_CLI_USAGE', 'graph: paths need both --from and --to');
  const filters = { focus: values.focus, depth: intOption('depth', values.depth, 1), diseaseArea: values.area, figure: intOption('figure', values.figure, 1), entity: values.entity, cellSource: values['cell-source'] };
  if (isPaths && Object.values(filters).some((v) => v !== undefined)) throw new ExoError('EXO_ERR_CLI_USAGE', 'graph: --from/--to search the whole graph; leave out --focus, --depth and the filters');

  const { atlas, stores } = await openAtlas(io, values);
  try {
    if (isPaths) {
      const result = atlas.graphPaths(values.from!, values.to!, { maxLength: intOption('max-length', values['max-length'], 1) });
      if (format === 'json') io.stdout(JSON.stringify(result, null, 2) + '\n');
      else if (format === undefined) io.stdout(pathsText(result, atlas));
      else io.stdout(output(pathsGraph(result.paths, atlas), format));
      return 0;
    }
    const graph = atlas.graph(filters);
    io.stdout(format === undefined ? graphText(graph) : output(graph, format));
    return 0;
  } finally {
    await stores.close();
  }
}

function output(graph: MechanismGraph, format: (typeof FORMATS)[number]): string {
  if (format === 'dot') return toDot(graph);
  return JSON.stringify(format === 'cytoscape' ? toCytoscape(graph) : graph, null, 2) + '\n';
}

/** The nodes and edges the paths go through. */
function pathsGraph(paths: readonly GraphPath[], atlas: Atlas): MechanismGraph {
  const graph = atlas.graph();
  const nodeIds = new Set(paths.flatMap((p) => p.nodes));
  const edgeIds = new Set(paths.flatMap((p) => p.edges.map((e) => e.id)));
  const sub = subgraph(graph, nodeIds);
  return { nodes: sub.nodes, edges: sub.edges.filter((e) => edgeIds.has(e.id)) };
}

const refs = (numbers: readonly number[]): string => (numbers.length ? ` [${numbers.join(', ')}]` : '');
const figs = (figures: readonly number[]): string => (figures.length ? ` Fig. ${figures.join(', ')}` : '');

function pathsText(result: ReturnType<Atlas['graphPaths']>, atlas: Atlas): string {
  const name = (id: string): string => atlas.entitiesById.get(id)?.name ?? id;
  const lines = [`Paths from ${name(result.from)} to ${name(result.to)} along the claims (${result.paths.length}, shortest first)`, ''];
  result.paths.forEach((p, i) => {
    lines.push(`${i + 1}. ${name(p.nodes[0]!)}${p.edges.map((e) => ` —${e.predicate}→ ${name(e.target)}`).join('')}`);
    for (const e of p.edges) lines.push(`     ${e.source} ${e.predicate} ${e.target}:${figs(e.figures)}${refs(e.referenceNumbers)} (${e.claimIds.join(', ')})`);
  });
  return lines.join('\n') + '\n';
}

function graphText(graph: MechanismGraph): string {
  const label = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const lines = graph.edges.map((e) => `${label.get(e.source)} —${e.predicate}→ ${label.get(e.target)}${e.isHedged ? ' (hedged)' : ''}  · ${e.claimIds.length} claim${e.claimIds.length === 1 ? '' : 's'}${figs(e.figures)}${refs(e.referenceNumbers)}`);
  const focus = graph.nodes.find((n) => n.distance === 0);
  const head = focus ? `Neighbourhood of ${focus.label}: ` : '';
  return [...lines, `${head}${graph.nodes.length} node${graph.nodes.length === 1 ? '' : 's'}, ${graph.edges.length} edge${graph.edges.length === 1 ? '' : 's'} (--format dot for Graphviz)`].join('\n') + '\n';
}
