import { textOn, viridis } from '../lib/colour';
import { Link } from '../router/Link';

export interface HeatMapAxisItem {
  key: string;
  label: string;
  /** a longer description for the header's title */
  description?: string;
}

export interface HeatMapProps {
  caption: string;
  rowHeader: string;
  rows: readonly HeatMapAxisItem[];
  cols: readonly HeatMapAxisItem[];
  /** count of each cell, keyed `${row}\u0000${col}`; see cellKey() */
  counts: ReadonlyMap<string, number>;
  /** cells the review names as evidence gaps */
  gaps?: ReadonlySet<string>;
  /** per cell, how many of its studies were published from living-review projects (not the review's own) */
  fromProjects?: ReadonlyMap<string, number>;
  /** where clicking a cell with studies goes */
  hrefFor: (row: string, col: string) => string;
  /** accessible name of a cell's link */
  describe?: (row: HeatMapAxisItem, col: HeatMapAxisItem, count: number) => string;
}

export const cellKey = (row: string, col: string): string => `${row}\u0000${col}`;

/**
 * The evidence map as a heat map: an HTML table (readable by screen readers, keyboard-navigable) whose cells are
 * shaded with reversed viridis (more studies → darker) and carry their count as text. Pure: plain props, no fetching.
 */
export function HeatMap({ caption, rowHeader, rows, cols, counts, gaps, fromProjects, hrefFor, describe }: HeatMapProps) {
  const max = Math.max(1, ...counts.values());
  const say = describe ?? ((r, c, n) => `${n} ${n === 1 ? 'study' : 'studies'}: ${r.label}, ${c.label}`);
  const hasProjectStudies = [...(fromProjects?.values() ?? [])].some((n) => n > 0);
  return (
    <div className="heatmap-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="heatmap">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="heatmap-corner">
              {rowHeader}
            </th>
            {cols.map((c) => (
              <th key={c.key} scope="col" className="heatmap-col" title={c.description}>
                <span>{c.label}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row" className="heatmap-row" title={r.description}>
                {r.label}
              </th>
              {cols.map((c) => {
                const key = cellKey(r.key, c.key);
                const n = counts.get(key) ?? 0;
                const isGap = gaps?.has(key) ?? false;
                if (n === 0) {
                  return (
                    <td key={c.key} className={isGap ? 'heatmap-cell is-empty is-gap' : 'heatmap-cell is-empty'} title={isGap ? 'Evidence gap named by the review' : undefined}>
                      {isGap ? (
                        <span className="heatmap-gap">
                          gap<span className="visually-hidden">: the review names no study of {r.label} with {c.label}</span>
                        </span>
                      ) : (
                        <>
                          <span aria-hidden="true">·</span>
                          <span className="visually-hidden">no studies</span>
                        </>
                      )}
                    </td>
                  );
                }
                const bg = viridis(n / max);
                const projects = fromProjects?.get(key) ?? 0;
                const label = projects > 0 ? `${say(r, c, n)}, of which ${projects} published from review projects` : say(r, c, n);
                return (
                  <td key={c.key} className={isGap ? 'heatmap-cell is-gap' : 'heatmap-cell'} style={{ background: bg }} title={projects > 0 ? `${projects} of ${n} from review projects` : undefined}>
                    <Link to={hrefFor(r.key, c.key)} style={{ color: textOn(bg) }} aria-label={label}>
                      {n}
                      {projects > 0 ? (
                        <sup className="heatmap-project-mark" aria-hidden="true">
                          ◆
                        </sup>
                      ) : null}
                    </Link>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <HeatMapLegend max={max} hasProjectStudies={hasProjectStudies} />
    </div>
  );
}

/** The colour scale: a few swatches from 1 to max. */
export function HeatMapLegend({ max, hasProjectStudies = false }: { max: number; hasProjectStudies?: boolean }) {
  const steps = Array.from(new Set([1, Math.ceil(max / 4), Math.ceil(max / 2), Math.ceil((3 * max) / 4), max])).filter((v) => v >= 1);
  return (
    <div className="heatmap-legend" aria-hidden="true">
      <span>Studies:</span>
      {steps.map((v) => {
        const bg = viridis(v / max);
        return (
          <span key={v} className="heatmap-swatch" style={{ background: bg, color: textOn(bg) }}>
            {v}
          </span>
        );
      })}
      <span className="heatmap-swatch is-gap-sample">gap</span>
      <span>named evidence gap</span>
      {hasProjectStudies ? <span>◆ includes studies published from review projects, not in the review</span> : null}
    </div>
  );
}
