/** An SVG plot drawn by the server's plot functions (the same the CLI uses), shown as an image with a text alternative. */
export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** Reads width and height (or the viewBox) of an SVG string, for a stable layout before the image loads. */
export function svgSize(svg: string): { width: number; height: number } | null {
  const w = /<svg[^>]*\swidth="([\d.]+)/.exec(svg)?.[1];
  const h = /<svg[^>]*\sheight="([\d.]+)/.exec(svg)?.[1];
  if (w && h) return { width: Number(w), height: Number(h) };
  const vb = /<svg[^>]*\sviewBox="[\d.-]+\s+[\d.-]+\s+([\d.]+)\s+([\d.]+)"/.exec(svg);
  return vb ? { width: Number(vb[1]), height: Number(vb[2]) } : null;
}

/**
 * A forest or funnel plot. Pure: the SVG text and its description in, a figure out. The plot is an <img> of the
 * SVG (no script can run from it) and `description` says in words what it shows.
 */
export function ForestPlotView({ svg, title, description }: { svg: string; title: string; description: string }) {
  const size = svgSize(svg);
  return (
    <figure className="plot">
      <div className="plot-image">
        <img src={svgDataUri(svg)} alt={description} width={size?.width} height={size?.height} />
      </div>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
