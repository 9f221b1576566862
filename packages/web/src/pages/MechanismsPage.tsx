import { useMemo } from 'react';
import { paths, type ApiResponses } from '../api/client';
import type { Claim, EntitySummary, Graph } from '../api/types';
import { ClaimCard } from '../components/ClaimCard';
import { GraphLegend, GraphView, type GraphSelection } from '../components/GraphView';
import { SelectField, type OptionGroup } from '../components/SelectField';
import { Async, Loading } from '../components/StatusMessage';
import { useApi } from '../hooks/useApi';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { DISEASE_AREA_LABELS, ENTITY_KIND_LABELS, FIGURE_TITLES, label } from '../lib/labels';
import { Link } from '../router/Link';
import { navigate, withQuery, type Route } from '../router/router';

const PARAMS = ['figure', 'area', 'focus', 'depth', 'cellSource', 'node', 'edge', 'claim', 'from', 'to'] as const;
type Param = (typeof PARAMS)[number];

const KIND_ORDER = ['pathway', 'mirna', 'gene', 'protein', 'cell-type', 'process', 'disease', 'compound', 'vesicle', 'anatomy', 'species'];

function entityGroups(items: EntitySummary[]): OptionGroup[] {
  const groups = new Map<string, EntitySummary[]>();
  for (const e of items) if (e.claimCount > 0) groups.set(e.kind, [...(groups.get(e.kind) ?? []), e]);
  return [...groups.entries()]
    .sort(([a], [b]) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b))
    .map(([kind, list]) => ({
      label: label(ENTITY_KIND_LABELS, kind),
      options: list.sort((a, b) => a.name.localeCompare(b.name)).map((e) => ({ value: e.id, label: e.name, count: e.claimCount })),
    }));
}

/** The mechanism graph of the review's causal claims, filterable, with one view per figure; Cytoscape loads only here. */
export function MechanismsPage({ route }: { route: Route }) {
  const p = Object.fromEntries(PARAMS.map((k) => [k, route.query.get(k) ?? ''])) as Record<Param, string>;
  const figure = /^[1-5]$/.test(p.figure) ? p.figure : '';
  useDocumentTitle(figure ? `Figure ${figure} mechanisms` : 'Mechanisms');
  const set = (changes: Partial<Record<Param, string>>, replace = false): void => navigate(withQuery('/mechanisms', { ...p, ...changes }), { replace });

  const entities = useApi<ApiResponses['entities']>(paths.entities());
  const names = useMemo(() => new Map((entities.data?.items ?? []).map((e) => [e.id, e.name])), [entities.data]);
  const groups = useMemo(() => entityGroups(entities.data?.items ?? []), [entities.data]);

  // A claim from a search hit: show it and select its edge once the graph is there.
  const claimLookup = useApi<ApiResponses['claims']>(p.claim ? paths.claims() : null);
  const linkedClaim = p.claim ? claimLookup.data?.items.find((c) => c.id === p.claim) : undefined;

  // A linked claim centres the graph on its subject (unless a focus is given) and selects its relation.
  const focus = p.focus || (p.claim && !figure ? linkedClaim?.subject : undefined);
  const isWaitingForClaim = p.claim !== '' && !p.focus && !figure && claimLookup.data === undefined && !claimLookup.error;
  const graph = useApi<ApiResponses['graph']>(
    isWaitingForClaim ? null : paths.graph({ figure: figure || undefined, area: p.area || undefined, focus, depth: focus ? p.depth || '1' : undefined, cellSource: p.cellSource || undefined }),
  );
  const claimEdge = linkedClaim ? `${linkedClaim.subject}--${linkedClaim.predicate}--${linkedClaim.object}` : undefined;
  const selection: GraphSelection = p.node ? { kind: 'node', id: p.node } : p.edge ? { kind: 'edge', id: p.edge } : claimEdge ? { kind: 'edge', id: claimEdge } : null;
  const onSelect = (s: GraphSelection): void => set({ node: s?.kind === 'node' ? s.id : '', edge: s?.kind === 'edge' ? s.id : '', claim: '' }, true);

  return (
    <>
      <h1>{figure ? `Figure ${figure}: ${FIGURE_TITLES[Number(figure)]}` : 'Mechanisms'}</h1>
      <p className="lead">
        {figure
          ? `The mechanisms of Figure ${figure} of the review, rebuilt from the causal claims its legend and text state. Select a node or a relation to read the claims, with quotes and references.`
          : 'Every causal statement of the review as a graph: miRNAs, genes, pathways, cells and diseases joined by what the review says one does to the other. Select a node or a relation to read its claims, with quotes and references.'}
      </p>
      <nav className="figure-tabs" aria-label="Views per figure of the review">
        <ul>
          <li>
            <Link to={withQuery('/mechanisms', { area: p.area, focus: p.focus, depth: p.depth })} aria-current={!figure ? 'page' : undefined}>
              All claims
            </Link>
          </li>
          {[1, 2, 3, 4, 5].map((n) => (
            <li key={n}>
              <Link to={withQuery('/mechanisms', { figure: n })} aria-current={figure === String(n) ? 'page' : undefined} title={FIGURE_TITLES[n]}>
                Figure {n}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form className="toolbar graph-filters" aria-label="Filter the graph" onSubmit={(e) => e.preventDefault()}>
        <SelectField label="Disease area" value={p.area} options={Object.entries(DISEASE_AREA_LABELS).map(([value, l]) => ({ value, label: l }))} onChange={(v) => set({ area: v, node: '', edge: '' })} />
        <SelectField label="Around (entity)" anyLabel="Everything" value={p.focus} groups={groups} onChange={(v) => set({ focus: v, node: v, edge: '' })} />
        {p.focus && (
          <SelectField
            label="Steps away"
            anyLabel="1 (direct)"
            value={p.depth === '1' ? '' : p.depth}
            options={[
              { value: '2', label: '2' },
              { value: '3', label: '3' },
            ]}
            onChange={(v) => set({ depth: v })}
          />
        )}
        <SelectField
          label="Vesicles from"
          value={p.cellSource}
          options={['iMSC', 'MSC', 'BM-MSC', 'hUC-MSC', 'AT-MSC', 'ESC-MSC', 'iPSC'].map((v) => ({ value: v, label: v }))}
          onChange={(v) => set({ cellSource: v })}
        />
      </form>
      <Async state={graph} what="The mechanism graph" loading={<Loading label="Loading the graph…" />}>
        {(g) => {
          // Around an entity, its own claims show until something else is selected.
          const focusId = focus ? g.nodes.find((n) => n.distance === 0)?.id : undefined;
          const shown: GraphSelection = selection ?? (focusId ? { kind: 'node', id: focusId } : null);
          return g.nodes.length === 0 ? (
            <p className="empty">No mechanism matches these filters.</p>
          ) : (
            <div className="graph-layout">
              <div className="graph-main">
                <GraphView graph={g} selection={shown} focus={focusId} onSelect={onSelect} layout={figure ? 'tree' : p.focus ? 'focus' : 'cose'} />
                <GraphLegend kinds={[...new Set(g.nodes.map((n) => n.kind))].sort((a, b) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b))} />
              </div>
              <aside className="graph-panel" aria-labelledby="panel-heading">
                <SelectionPanel graph={g} selection={shown} linkedClaim={linkedClaim} names={names} figure={figure} onSelect={onSelect} />
              </aside>
              <GraphLists graph={g} names={names} selection={shown} onSelect={onSelect} />
            </div>
          );
        }}
      </Async>
      <PathFinder from={p.from} to={p.to} groups={groups} names={names} onChange={(from, to) => set({ from, to })} onSelectEdge={(id) => set({ edge: id, node: '', claim: '' })} />
    </>
  );
}

/** Chains of claims leading from one entity to another (GET /api/graph/paths), each step selectable in the graph. */
function PathFinder({
  from,
  to,
  groups,
  names,
  onChange,
  onSelectEdge,
}: {
  from: string;
  to: string;
  groups: OptionGroup[];
  names: ReadonlyMap<string, string>;
  onChange: (from: string, to: string) => void;
  onSelectEdge: (id: string) => void;
}) {
  const result = useApi<ApiResponses['paths']>(from && to ? paths.graphPaths(from, to) : null);
  const name = (id: string): string => names.get(id) ?? id;
  return (
    <section className="path-finder" aria-labelledby="paths-heading">
      <h2 id="paths-heading">Chains of claims between two entities</h2>
      <p className="muted">How does one thing lead to another, in the review's own statements? Choose a start and an end (at most four steps).</p>
      <form className="toolbar" aria-label="Find chains of claims" onSubmit={(e) => e.preventDefault()}>
        <SelectField label="From" anyLabel="Choose…" value={from} groups={groups} onChange={(v) => onChange(v, to)} />
        <SelectField label="To" anyLabel="Choose…" value={to} groups={groups} onChange={(v) => onChange(from, v)} />
      </form>
      {from && to && (
        <Async state={result} what="Chains of claims">
          {(r) =>
            r.paths.length === 0 ? (
              <p className="empty">
                No chain of claims leads from {name(from)} to {name(to)}
                {r.reason && /lead the other way/.test(r.reason) ? ': the claims lead the other way.' : r.reason && /raise maxLength/.test(r.reason) ? ' in four steps or fewer.' : '.'}
              </p>
            ) : (
              <ol className="path-list">
                {r.paths.map((path, i) => (
                  <li key={i}>
                    {path.edges.map((e, j) => (
                      <span key={e.id}>
                        {j === 0 && <Link to={`/entities/${e.source}`}>{name(e.source)}</Link>}{' '}
                        <button type="button" className="link-button predicate" onClick={() => onSelectEdge(e.id)}>
                          {e.predicate}
                        </button>{' '}
                        <Link to={`/entities/${e.target}`}>{name(e.target)}</Link>
                        {e.referenceNumbers && e.referenceNumbers.length > 0 && <span className="muted"> [{e.referenceNumbers.join(', ')}]</span>}
                        {j < path.edges.length - 1 && ' → '}
                      </span>
                    ))}
                  </li>
                ))}
              </ol>
            )
          }
        </Async>
      )}
    </section>
  );
}

function SelectionPanel({
  graph,
  selection,
  linkedClaim,
  names,
  figure,
  onSelect,
}: {
  graph: Graph;
  selection: GraphSelection;
  linkedClaim: Claim | undefined;
  names: ReadonlyMap<string, string>;
  figure: string;
  onSelect: (s: GraphSelection) => void;
}) {
  const node = selection?.kind === 'node' ? graph.nodes.find((n) => n.id === selection.id) : undefined;
  const edge = selection?.kind === 'edge' ? graph.edges.find((e) => e.id === selection.id) : undefined;
  const entity = node?.id ?? edge?.source;
  const claims = useApi<ApiResponses['claims']>(entity ? paths.claims({ entity }) : figure && !linkedClaim ? paths.claims({ figure }) : null);
  const nodeName = (id: string): string => names.get(id) ?? graph.nodes.find((n) => n.id === id)?.label ?? id;

  if (linkedClaim && !selection) {
    return (
      <>
        <h2 id="panel-heading">Claim</h2>
        <ClaimCard claim={linkedClaim} names={names} headingLevel={3} />
      </>
    );
  }
  if (!selection) {
    if (!figure) {
      const hubs = busiestNodes(graph, 12);
      return (
        <>
          <h2 id="panel-heading">Claims</h2>
          <p className="muted">Select a node or a relation in the graph, or in the lists below it, to read what the review says, with quotes and references.</p>
          <h3>Start from a well-connected entity</h3>
          <ul className="inline-list start-points">
            {hubs.map((n) => (
              <li key={n.id}>
                <Link to={withQuery('/mechanisms', { focus: n.id })}>{n.label}</Link> <span className="muted">({n.degree})</span>
              </li>
            ))}
          </ul>
        </>
      );
    }
    return (
      <>
        <h2 id="panel-heading">Claims of Figure {figure}</h2>
        <Async state={claims} what="Claims">
          {(c) => (
            <>
              <p className="muted">{c.total} claims.</p>
              {c.items.map((cl) => (
                <ClaimCard key={cl.id} claim={cl} names={names} headingLevel={3} />
              ))}
            </>
          )}
        </Async>
      </>
    );
  }
  if (!node && !edge) {
    return (
      <>
        <h2 id="panel-heading">Not in this view</h2>
        <p className="muted">The selected element is not in the graph with the current filters.</p>
      </>
    );
  }
  const title = node ? nodeName(node.id) : `${nodeName(edge!.source)} ${edge!.predicate} ${nodeName(edge!.target)}`;
  return (
    <>
      <h2 id="panel-heading">{title}</h2>
      <p>
        {node ? (
          <>
            <Link to={`/entities/${node.id}`}>Everything about {nodeName(node.id)}</Link> ·{' '}
            <Link to={withQuery('/mechanisms', { focus: node.id, node: node.id })}>Centre the graph on it</Link>
          </>
        ) : (
          <>{edge!.figures && edge!.figures.length > 0 && `Shown in Figure ${edge!.figures.join(', ')}. `}</>
        )}{' '}
        <button type="button" className="button button-small button-secondary" onClick={() => onSelect(null)}>
          Clear selection
        </button>
      </p>
      <Async state={claims} what="Claims">
        {(c) => {
          const list = edge ? c.items.filter((cl) => edge.claimIds.includes(cl.id)) : c.items;
          return list.length === 0 ? (
            <p className="muted">No claim found.</p>
          ) : (
            <>
              {list.map((cl) => (
                <ClaimCard key={cl.id} claim={cl} names={names} headingLevel={3} />
              ))}
            </>
          );
        }}
      </Async>
    </>
  );
}

/** Nodes with the most relations, vesicles aside: good places to start exploring. */
export function busiestNodes(graph: Graph, n: number): { id: string; label: string; degree: number }[] {
  const degree = new Map<string, number>();
  for (const e of graph.edges) for (const id of [e.source, e.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
  return graph.nodes
    .filter((node) => node.kind !== 'vesicle')
    .map((node) => ({ id: node.id, label: node.label, degree: degree.get(node.id) ?? 0 }))
    .sort((a, b) => b.degree - a.degree || a.label.localeCompare(b.label))
    .slice(0, n);
}

/** The graph as lists of buttons: the keyboard and screen-reader way through it. */
function GraphLists({ graph, names, selection, onSelect }: { graph: Graph; names: ReadonlyMap<string, string>; selection: GraphSelection; onSelect: (s: GraphSelection) => void }) {
  const nodeName = (id: string): string => names.get(id) ?? graph.nodes.find((n) => n.id === id)?.label ?? id;
  const nodes = [...graph.nodes].sort((a, b) => a.label.localeCompare(b.label));
  return (
    <div className="graph-lists">
      <details>
        <summary>Nodes as a list ({graph.nodes.length})</summary>
        <ul className="button-list">
          {nodes.map((n) => (
            <li key={n.id}>
              <button type="button" className="link-button" aria-pressed={selection?.kind === 'node' && selection.id === n.id} onClick={() => onSelect({ kind: 'node', id: n.id })}>
                {n.label}
              </button>{' '}
              <span className="muted">{label(ENTITY_KIND_LABELS, n.kind)}</span>
            </li>
          ))}
        </ul>
      </details>
      <details>
        <summary>Relations as a list ({graph.edges.length})</summary>
        <ul className="button-list">
          {graph.edges.map((e) => (
            <li key={e.id}>
              <button type="button" className="link-button" aria-pressed={selection?.kind === 'edge' && selection.id === e.id} onClick={() => onSelect({ kind: 'edge', id: e.id })}>
                {nodeName(e.source)} {e.predicate} {nodeName(e.target)}
              </button>{' '}
              <span className="muted">
                {e.claimIds.length} {e.claimIds.length === 1 ? 'claim' : 'claims'}
                {e.referenceNumbers && e.referenceNumbers.length > 0 ? ` · [${e.referenceNumbers.join(', ')}]` : ''}
              </span>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
