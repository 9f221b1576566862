import { useEffect, useRef } from 'react';
import type { Core, ElementDefinition, LayoutOptions, NodeSingular, StylesheetJson } from 'cytoscape';
import type { Graph } from '../api/types';
import { KIND_STYLE, SIGN_STYLE, kindStyle, predicateSign } from '../lib/predicates';

export type GraphSelection = { kind: 'node' | 'edge'; id: string } | null;

/** Cytoscape elements for a graph: nodes carry kind colours and shapes, edges their predicate's sign. */
export function toElements(graph: Graph, focus?: string): ElementDefinition[] {
  const nodes: ElementDefinition[] = graph.nodes.map((n) => {
    const st = kindStyle(n.kind);
    return {
      group: 'nodes',
      data: { id: n.id, label: n.label, kind: n.kind, colour: st.colour, shape: st.shape, text: st.text, isFocus: n.id === focus ? 1 : 0, distance: n.distance ?? 0 },
    };
  });
  const ids = new Set(graph.nodes.map((n) => n.id));
  const edges: ElementDefinition[] = graph.edges
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .map((e) => {
      const sign = predicateSign(e.predicate);
      return {
        group: 'edges',
        data: { id: `e:${e.id}`, edgeId: e.id, source: e.source, target: e.target, label: e.predicate, sign, colour: SIGN_STYLE[sign].colour, claims: e.claimIds.length },
      };
    });
  return [...nodes, ...edges];
}

/** The graph's look: Okabe–Ito colours, shapes per kind, arrow or bar per predicate sign, a thick outline when selected. */
export function graphStylesheet(): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'background-color': 'data(colour)',
        shape: 'data(shape)' as never,
        color: '#14263d',
        'font-size': 11,
        'font-family': 'system-ui, sans-serif',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'wrap',
        'text-max-width': '110px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        // Labels appear once they are readable: a clean overview, and a faster first draw.
        'min-zoomed-font-size': 7,
        width: 26,
        height: 26,
        'border-width': 1,
        'border-color': '#14263d',
      },
    },
    { selector: 'node[isFocus = 1]', style: { width: 38, height: 38, 'border-width': 3, 'font-weight': 'bold' } },
    {
      selector: 'edge',
      style: {
        width: 2,
        'line-color': 'data(colour)',
        'target-arrow-color': 'data(colour)',
        'target-arrow-shape': 'triangle',
        'curve-style': 'bezier',
        'arrow-scale': 1.1,
        label: '',
        'font-size': 9,
        color: '#333',
      },
    },
    { selector: 'edge[sign = "down"]', style: { 'target-arrow-shape': 'tee' } },
    { selector: 'edge[sign = "link"]', style: { 'line-style': 'dashed', 'target-arrow-shape': 'vee' } },
    { selector: 'edge:selected, edge.is-selected', style: { width: 4, label: 'data(label)', 'text-background-color': '#fff', 'text-background-opacity': 1 } },
    { selector: 'node:selected, node.is-selected', style: { 'border-width': 4, 'border-color': '#000000', 'overlay-opacity': 0 } },
    { selector: '.is-faded', style: { opacity: 0.25 } },
  ];
}

/** A text summary of the graph for screen readers. */
export function describeGraph(graph: Graph): string {
  const kinds = new Map<string, number>();
  for (const n of graph.nodes) kinds.set(n.kind, (kinds.get(n.kind) ?? 0) + 1);
  const parts = [...kinds.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n} ${k}`);
  return `Mechanism graph with ${graph.nodes.length} nodes (${parts.join(', ')}) and ${graph.edges.length} relations. The lists beside it give the same content for keyboard and screen-reader use.`;
}

/**
 * The interactive mechanism graph (Cytoscape.js). Pure in its inputs: the graph, the selection and a callback;
 * the canvas is drawn in an effect, so server rendering gives the labelled container alone.
 */
export function GraphView({
  graph,
  selection,
  focus,
  onSelect,
  layout = 'cose',
}: {
  graph: Graph;
  selection: GraphSelection;
  focus?: string;
  onSelect: (s: GraphSelection) => void;
  layout?: GraphLayout;
}) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  useEffect(() => {
    let isCancelled = false;
    let instance: Core | null = null;
    void import('cytoscape').then(({ default: cytoscape }) => {
      if (isCancelled || !container.current) return;
      instance = cytoscape({
        container: container.current,
        elements: toElements(graph, focus),
        style: graphStylesheet(),
        layout: layoutOptions(layout, graph),
        minZoom: 0.2,
        maxZoom: 3,
        boxSelectionEnabled: false,
        autoungrabify: false,
      });
      instance.on('tap', 'node', (evt) => onSelectRef.current({ kind: 'node', id: evt.target.id() as string }));
      instance.on('tap', 'edge', (evt) => onSelectRef.current({ kind: 'edge', id: evt.target.data('edgeId') as string }));
      instance.on('tap', (evt) => {
        if (evt.target === instance) onSelectRef.current(null);
      });
      cy.current = instance;
      // Small graphs would be fitted at a huge zoom: keep labels at reading size.
      if (instance.zoom() > 1.4) {
        instance.zoom(1.4);
        instance.center();
      }
      highlight(instance, selectionRef.current);
    });
    return () => {
      isCancelled = true;
      instance?.destroy();
      cy.current = null;
    };
  }, [graph, focus, layout]);

  const selectionRef = useRef(selection);
  selectionRef.current = selection;
  useEffect(() => {
    if (cy.current) highlight(cy.current, selection);
  }, [selection]);

  return (
    <div className="graph-canvas-wrap">
      <div ref={container} className="graph-canvas" role="img" aria-label={describeGraph(graph)} />
      <div className="graph-zoom" role="group" aria-label="Zoom the graph">
        <button type="button" className="button button-small" onClick={() => cy.current?.zoom({ level: cy.current.zoom() * 1.25, renderedPosition: center(cy.current) })}>
          Zoom in
        </button>
        <button type="button" className="button button-small" onClick={() => cy.current?.zoom({ level: cy.current.zoom() / 1.25, renderedPosition: center(cy.current) })}>
          Zoom out
        </button>
        <button type="button" className="button button-small" onClick={() => cy.current?.fit(undefined, 20)}>
          Fit
        </button>
      </div>
    </div>
  );
}

export type GraphLayout = 'cose' | 'tree' | 'focus';

/** Layouts: a force-directed one for the whole graph, left-to-right layers for a figure, rings by distance around a focus. */
export function layoutOptions(layout: GraphLayout, graph: Graph): LayoutOptions {
  if (layout === 'tree') {
    return {
      name: 'breadthfirst',
      directed: true,
      spacingFactor: 1.15,
      animate: false,
      padding: 24,
      // Layers as columns, so that labels under the nodes do not run into each other.
      transform: (_node: unknown, pos: { x: number; y: number }) => ({ x: pos.y * 2, y: pos.x * 0.75 }),
    } as LayoutOptions;
  }
  if (layout === 'focus') {
    const far = Math.max(1, ...graph.nodes.map((n) => n.distance ?? 0));
    return { name: 'concentric', animate: false, padding: 24, minNodeSpacing: 64, concentric: (n: NodeSingular) => far - ((n.data('distance') as number | undefined) ?? 0), levelWidth: () => 1 } as LayoutOptions;
  }
  return { name: 'cose', animate: false, randomize: false, padding: 24, nodeRepulsion: () => 600_000, idealEdgeLength: () => 80, nodeOverlap: 24, componentSpacing: 60, gravity: 0.6, numIter: 1000 } as LayoutOptions;
}

const center = (c: Core): { x: number; y: number } => ({ x: c.width() / 2, y: c.height() / 2 });

function highlight(c: Core, selection: GraphSelection): void {
  c.batch(() => {
    c.elements().removeClass('is-selected is-faded');
    if (!selection) return;
    const el = selection.kind === 'node' ? c.getElementById(selection.id) : c.edges().filter((e) => e.data('edgeId') === selection.id);
    if (el.empty()) return;
    const hood = selection.kind === 'node' ? el.closedNeighborhood() : el.union(el.connectedNodes());
    c.elements().not(hood).addClass('is-faded');
    el.addClass('is-selected');
  });
}

/** The legend: node kinds by colour and shape, relations by colour, line and arrowhead. */
export function GraphLegend({ kinds }: { kinds: readonly string[] }) {
  return (
    <div className="graph-legend">
      <h2 className="legend-title">Legend</h2>
      <ul className="legend-list">
        {kinds.map((k) => {
          const st = KIND_STYLE[k] ?? kindStyle(k);
          return (
            <li key={k}>
              <span className={`legend-node shape-${st.shape}`} style={{ background: st.colour }} aria-hidden="true" /> {k}
              <span className="visually-hidden"> ({st.shape})</span>
            </li>
          );
        })}
        {(['up', 'down', 'link'] as const).map((s) => (
          <li key={s}>
            <span className={`legend-edge legend-edge-${s}`} style={{ borderColor: SIGN_STYLE[s].colour }} aria-hidden="true" /> {SIGN_STYLE[s].label}
          </li>
        ))}
      </ul>
    </div>
  );
}
