import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MiniGraph, layoutClaims } from '../src/components/MiniGraph';
import { claimsOfStudy, mainEntity } from '../src/pages/StudyPage';
import { claim, study } from './fixtures';

const claims = [claim('c1', 'exosome', 'contains', 'mir-135b', [115]), claim('c2', 'mir-135b', 'inhibits', 'pdcd4', [115]), claim('c3', 'exosome', 'prevents', 'apoptosis', [115])];
const names = new Map([
  ['mir-135b', 'miR-135b'],
  ['pdcd4', 'PDCD4'],
]);

describe('MiniGraph', () => {
  it('lays claims out in layers: each object one column right of its subject', () => {
    const layout = layoutClaims(claims, names);
    const x = Object.fromEntries(layout.nodes.map((n) => [n.id, n.x]));
    expect(x.exosome).toBeLessThan(x['mir-135b']!);
    expect(x['mir-135b']).toBeLessThan(x.pdcd4!);
    expect(x.apoptosis).toBe(x['mir-135b']);
    expect(layout.nodes.find((n) => n.id === 'pdcd4')!.label).toBe('PDCD4');
    expect(layout.width).toBeGreaterThan(x.pdcd4!);
  });

  it('survives cycles', () => {
    const layout = layoutClaims([claim('a', 'x', 'activates', 'y'), claim('b', 'y', 'activates', 'x')]);
    expect(layout.nodes).toHaveLength(2);
    expect(Number.isFinite(layout.width)).toBe(true);
  });

  it('draws an SVG with a caption and lists the same relations as text with their references', () => {
    const html = renderToStaticMarkup(<MiniGraph claims={claims} names={names} caption="Mechanisms of this study" />);
    expect(html).toContain('role="img"');
    expect(html).toMatch(/<figcaption id="[^"]+">Mechanisms of this study<\/figcaption>/);
    expect(html.match(/class="mini-node"/g)).toHaveLength(4);
    expect(html).toContain('predicate-down">inhibits</span>');
    expect(html).toContain('href="/references/115"');
    expect(html).toContain('href="/entities/pdcd4">PDCD4</a>');
  });

  it('picks the claims of a study by its references, else by its molecules, and the entity to centre on', () => {
    const s = study('zhang', { referenceNumbers: [115], linkedEntities: ['mir-135b', 'pdcd4'] });
    expect(claimsOfStudy(s, claims).map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
    const other = study('other', { referenceNumbers: [1], linkedEntities: ['mir-135b', 'pdcd4'] });
    expect(claimsOfStudy(other, claims).map((c) => c.id)).toEqual(['c2']);
    expect(mainEntity(claims)).toBe('mir-135b');
  });
});
