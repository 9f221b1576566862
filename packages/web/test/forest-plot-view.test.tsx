import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ForestPlotView, svgDataUri, svgSize } from '../src/components/ForestPlotView';
import { fmt, fmtP, resultOf } from '../src/pages/MetaPage';

const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="320" viewBox="0 0 640 320"><text x="1" y="10">Aronson 1948 &amp; co</text></svg>';

describe('ForestPlotView', () => {
  it('shows the server-drawn SVG as an image with its size and a text alternative', () => {
    const html = renderToStaticMarkup(<ForestPlotView svg={svg} title="Forest plot" description="Forest plot of 13 studies; pooled estimate -0.715." />);
    expect(html).toContain('<figure class="plot">');
    expect(html).toContain('alt="Forest plot of 13 studies; pooled estimate -0.715."');
    expect(html).toContain('width="640"');
    expect(html).toContain('height="320"');
    expect(html).toContain('<figcaption>Forest plot</figcaption>');
    expect(html).not.toContain('<svg');
  });

  it('encodes the SVG as a data URI that decodes back to it', () => {
    const uri = svgDataUri(svg);
    expect(uri.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(uri.split(',')[1]!)).toBe(svg);
  });

  it('reads the size from width/height or the viewBox', () => {
    expect(svgSize(svg)).toEqual({ width: 640, height: 320 });
    expect(svgSize('<svg viewBox="0 0 100 50"></svg>')).toEqual({ width: 100, height: 50 });
    expect(svgSize('<svg></svg>')).toBeNull();
  });

  it('reads results nested under `result` or at the top level, and formats numbers', () => {
    expect(resultOf({ result: { k: 13 } }).k).toBe(13);
    expect(resultOf({ k: 7 } as never).k).toBe(7);
    expect(fmt(-0.71453)).toBe('-0.7145');
    expect(fmt(null)).toBe('–');
    expect(fmtP(0.00001)).toBe('< 0.0001');
    expect(fmtP(0.0123)).toBe('0.0123');
  });
});
