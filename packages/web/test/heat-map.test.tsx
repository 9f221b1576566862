import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { HeatMap, cellKey } from '../src/components/HeatMap';
import { contrast, textOn, viridis } from '../src/lib/colour';

const rows = [
  { key: 'musculoskeletal', label: 'Musculoskeletal' },
  { key: 'immune', label: 'Immune' },
];
const cols = [
  { key: 'iMSC', label: 'iMSC', description: 'iMSC (iPSC-derived MSC)' },
  { key: 'BM-MSC', label: 'BM-MSC' },
];

const render = () =>
  renderToStaticMarkup(
    <HeatMap
      caption="Studies by disease area and cell source"
      rowHeader="Disease area"
      rows={rows}
      cols={cols}
      counts={new Map([[cellKey('musculoskeletal', 'iMSC'), 4], [cellKey('musculoskeletal', 'BM-MSC'), 1]])}
      gaps={new Set([cellKey('immune', 'iMSC')])}
      hrefFor={(r, c) => `/studies?diseaseArea=${r}&cellSource=${c}`}
    />,
  );

describe('HeatMap', () => {
  it('is a table with a caption, column and row headers', () => {
    const html = render();
    expect(html).toContain('<caption>Studies by disease area and cell source</caption>');
    expect(html.match(/<th scope="col"/g)).toHaveLength(3);
    expect(html.match(/<th scope="row"/g)).toHaveLength(2);
    expect(html).toContain('role="region"');
  });

  it('links each cell with studies to those studies, with its count as text and an accessible name', () => {
    const html = render();
    expect(html).toContain('href="/studies?diseaseArea=musculoskeletal&amp;cellSource=iMSC"');
    expect(html).toContain('aria-label="4 studies: Musculoskeletal, iMSC"');
    expect(html).toContain('aria-label="1 study: Musculoskeletal, BM-MSC"');
    expect(html.match(/<a /g)).toHaveLength(2);
  });

  it('shades more studies darker (reversed viridis) and writes the count in a readable colour', () => {
    const html = render();
    expect(html).toContain(`background:${viridis(1)}`);
    expect(html).toContain(`background:${viridis(0.25)}`);
    expect(viridis(1)).toBe('#440154');
    expect(viridis(0)).toBe('#fde725');
    for (let t = 0; t <= 1; t += 0.05) expect(contrast(viridis(t), textOn(viridis(t)))).toBeGreaterThanOrEqual(4.5);
  });

  it('marks the gaps the review names, in words as well as by pattern', () => {
    const html = render();
    expect(html).toContain('is-empty is-gap');
    expect(html).toContain('the review names no study of Immune with iMSC');
    expect(html).toContain('no studies');
  });

  it('issue 18 item 2: marks cells holding studies published from review projects, in words and in the legend', () => {
    const plain = render();
    expect(plain).not.toContain('heatmap-project-mark');
    expect(plain).not.toContain('from review projects');
    const html = renderToStaticMarkup(
      <HeatMap
        caption="c"
        rowHeader="Disease area"
        rows={rows}
        cols={cols}
        counts={new Map([[cellKey('musculoskeletal', 'iMSC'), 4], [cellKey('musculoskeletal', 'BM-MSC'), 1]])}
        fromProjects={new Map([[cellKey('musculoskeletal', 'iMSC'), 2], [cellKey('musculoskeletal', 'BM-MSC'), 0]])}
        hrefFor={(r, c) => `/studies?diseaseArea=${r}&cellSource=${c}`}
      />,
    );
    expect(html).toContain('aria-label="4 studies: Musculoskeletal, iMSC, of which 2 published from review projects"');
    expect(html).toContain('aria-label="1 study: Musculoskeletal, BM-MSC"');
    expect(html.match(/heatmap-project-mark/g)).toHaveLength(1);
    expect(html).toContain('includes studies published from review projects, not in the review');
  });
});
