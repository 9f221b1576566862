import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { GraphLegend, GraphView, describeGraph, graphStylesheet, layoutOptions, toElements } from '../src/components/GraphView';
import { OKABE_ITO } from '../src/lib/colour';
import { KIND_STYLE, SIGN_STYLE, predicateSign } from '../src/lib/predicates';
import { graph } from './fixtures';

describe('GraphView', () => {
  it('turns the API graph into Cytoscape elements, dropping edges to nodes not in the graph', () => {
    const els = toElements(graph, 'pi3k-akt');
    const nodes = els.filter((e) => e.group === 'nodes');
    const edges = els.filter((e) => e.group === 'edges');
    expect(nodes.map((n) => n.data.id)).toEqual(['mir-21', 'pten', 'pi3k-akt']);
    expect(edges.map((e) => e.data.edgeId)).toEqual(['mir-21--inhibits--pten', 'pten--inhibits--pi3k-akt']);
    expect(nodes.find((n) => n.data.id === 'pi3k-akt')!.data).toMatchObject({ isFocus: 1, colour: OKABE_ITO.blue, shape: 'hexagon', distance: 0 });
    expect(nodes.find((n) => n.data.id === 'mir-21')!.data).toMatchObject({ isFocus: 0, colour: OKABE_ITO.orange });
    expect(edges[0]!.data).toMatchObject({ source: 'mir-21', target: 'pten', sign: 'down', colour: SIGN_STYLE.down.colour, claims: 1 });
  });

  it('tells relations apart by arrowhead and line as well as by colour', () => {
    const style = JSON.stringify(graphStylesheet());
    expect(style).toContain('"target-arrow-shape":"tee"');
    expect(style).toContain('"line-style":"dashed"');
    expect(predicateSign('inhibits')).toBe('down');
    expect(predicateSign('promotes')).toBe('up');
    expect(predicateSign('contains')).toBe('link');
    // Okabe–Ito colours for every kind, each with its own shape among the main kinds.
    const main = ['mirna', 'gene', 'pathway', 'cell-type', 'process', 'disease'].map((k) => KIND_STYLE[k]!.shape);
    expect(new Set(main).size).toBe(main.length);
  });

  it('lays out a figure as columns, a focus as rings, the whole graph by force', () => {
    expect(layoutOptions('tree', graph).name).toBe('breadthfirst');
    expect(layoutOptions('focus', graph).name).toBe('concentric');
    expect(layoutOptions('cose', graph).name).toBe('cose');
  });

  it('renders a labelled container (the canvas is drawn in the browser) and zoom controls', () => {
    const html = renderToStaticMarkup(<GraphView graph={graph} selection={null} onSelect={() => {}} />);
    expect(html).toContain('class="graph-canvas" role="img"');
    expect(html).toContain(`aria-label="${describeGraph(graph)}"`);
    expect(describeGraph(graph)).toMatch(/^Mechanism graph with 3 nodes \(1 mirna, 1 gene, 1 pathway\) and 3 relations/);
    expect(html).toContain('>Zoom in</button>');
    expect(html).toContain('>Fit</button>');
  });

  it('has a legend naming kinds and relation styles', () => {
    const html = renderToStaticMarkup(<GraphLegend kinds={['pathway', 'mirna']} />);
    expect(html).toContain('pathway');
    expect(html).toContain('decreases or inhibits (flat bar)');
    expect(html).toContain(`background:${OKABE_ITO.blue}`);
  });
});
