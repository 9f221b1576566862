import { useId } from 'react';
import type { Claim } from '../api/types';
import { SIGN_STYLE, predicateSign } from '../lib/predicates';
import { Link } from '../router/Link';
import { RefNumbers } from './RefNumbers';

export interface MiniLayout {
  nodes: { id: string; label: string; x: number; y: number }[];
  edges: { id: string; source: string; target: string; predicate: string; x1: number; y1: number; x2: number; y2: number }[];
  width: number;
  height: number;
}

const NODE_W = 150;
const NODE_H = 34;
const COL_GAP = 70;
const ROW_GAP = 16;

/** Layered layout: each node one column right of its furthest predecessor (cycles cut), rows in order of appearance. */
export function layoutClaims(claims: readonly Pick<Claim, 'id' | 'subject' | 'predicate' | 'object'>[], names: ReadonlyMap<string, string> = new Map()): MiniLayout {
  const ids: string[] = [];
  for (const c of claims) for (const id of [c.subject, c.object]) if (!ids.includes(id)) ids.push(id);
  const layer = new Map(ids.map((id) => [id, 0]));
  for (let pass = 0; pass < ids.length; pass++) {
    let changed = false;
    for (const c of claims) {
      if (c.subject === c.object) continue;
      const want = (layer.get(c.subject) ?? 0) + 1;
      if (want > (layer.get(c.object) ?? 0) && want < ids.length) {
        layer.set(c.object, want);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const columns = new Map<number, string[]>();
  for (const id of ids) {
    const l = layer.get(id) ?? 0;
    columns.set(l, [...(columns.get(l) ?? []), id]);
  }
  const tallest = Math.max(1, ...[...columns.values()].map((c) => c.length));
  const height = tallest * (NODE_H + ROW_GAP) + ROW_GAP;
  const pos = new Map<string, { x: number; y: number }>();
  for (const [l, col] of columns) {
    const offset = (height - col.length * (NODE_H + ROW_GAP) + ROW_GAP) / 2;
    col.forEach((id, i) => pos.set(id, { x: 8 + l * (NODE_W + COL_GAP), y: offset + i * (NODE_H + ROW_GAP) }));
  }
  const width = 16 + Math.max(0, ...columns.keys()) * (NODE_W + COL_GAP) + NODE_W;
  const nodes = ids.map((id) => ({ id, label: names.get(id) ?? id, ...pos.get(id)! }));
  const edges = claims.map((c) => {
    const a = pos.get(c.subject)!;
    const b = pos.get(c.object)!;
    const isBackward = b.x <= a.x;
    return {
      id: c.id,
      source: c.subject,
      target: c.object,
      predicate: c.predicate,
      x1: isBackward ? a.x + NODE_W / 2 : a.x + NODE_W,
      y1: isBackward ? a.y + NODE_H : a.y + NODE_H / 2,
      x2: isBackward ? b.x + NODE_W / 2 : b.x,
      y2: isBackward ? b.y : b.y + NODE_H / 2,
    };
  });
  return { nodes, edges, width, height };
}

const truncate = (s: string, n = 20): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * A small mechanism graph drawn as SVG (no graph library), with the same relations listed as text below it.
 * Pure: claims and names in, markup out.
 */
export function MiniGraph({
  claims,
  names = new Map(),
  refTitles,
  caption,
}: {
  claims: readonly Claim[];
  names?: ReadonlyMap<string, string>;
  refTitles?: ReadonlyMap<number, string>;
  caption: string;
}) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const layout = layoutClaims(claims, names);
  return (
    <figure className="mini-graph">
      {/* Scrolls sideways on a phone: focusable so the keyboard can scroll it (axe scrollable-region-focusable, issue 20). */}
      <div className="mini-graph-canvas" role="region" aria-labelledby={`${uid}-cap`} tabIndex={0}>
        <svg viewBox={`0 0 ${layout.width} ${layout.height}`} width={layout.width} height={layout.height} role="img" aria-labelledby={`${uid}-cap`} className="mini-graph-svg">
          <defs>
            <marker id={`${uid}-up`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" fill={SIGN_STYLE.up.colour} />
            </marker>
            <marker id={`${uid}-down`} viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto">
              <rect x="6" y="0" width="3" height="10" fill={SIGN_STYLE.down.colour} />
            </marker>
            <marker id={`${uid}-link`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10" fill="none" stroke={SIGN_STYLE.link.colour} strokeWidth="1.5" />
            </marker>
          </defs>
          {layout.edges.map((e) => {
            const sign = predicateSign(e.predicate);
            const st = SIGN_STYLE[sign];
            const mx = (e.x1 + e.x2) / 2;
            return (
              <g key={e.id} className={`mini-edge mini-edge-${sign}`}>
                <path
                  d={`M${e.x1},${e.y1} C${mx},${e.y1} ${mx},${e.y2} ${e.x2},${e.y2}`}
                  fill="none"
                  stroke={st.colour}
                  strokeWidth="2"
                  strokeDasharray={st.dash || undefined}
                  markerEnd={`url(#${uid}-${sign})`}
                />
              </g>
            );
          })}
          {layout.nodes.map((n) => (
            <g key={n.id} className="mini-node" transform={`translate(${n.x},${n.y})`}>
              <title>{n.label}</title>
              <rect width={NODE_W} height={NODE_H} rx="6" fill="#ffffff" stroke="#14263d" strokeWidth="1.5" />
              <text x={NODE_W / 2} y={NODE_H / 2} dominantBaseline="central" textAnchor="middle" fontSize="13" fill="#14263d">
                {truncate(n.label)}
              </text>
            </g>
          ))}
        </svg>
      </div>
      <figcaption id={`${uid}-cap`}>{caption}</figcaption>
      <ul className="claim-sentences">
        {claims.map((c) => (
          <li key={c.id}>
            <Link to={`/entities/${c.subject}`}>{names.get(c.subject) ?? c.subject}</Link> <span className={`predicate predicate-${predicateSign(c.predicate)}`}>{c.predicate}</span>{' '}
            <Link to={`/entities/${c.object}`}>{names.get(c.object) ?? c.object}</Link>
            {c.isHedged && <span className="hedge"> (stated as possible)</span>} <RefNumbers numbers={c.referenceNumbers} titles={refTitles} />
          </li>
        ))}
      </ul>
    </figure>
  );
}
