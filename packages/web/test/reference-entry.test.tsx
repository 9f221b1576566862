import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '@exoatlas/atlas';
import { ReferenceEntry } from '../src/components/ReferenceEntry';
import { closed } from '../src/lib/references';
import { dataDir } from '../../../test/helpers/paths.js';

describe('issue 20: references print one full stop', () => {
  it('closed() adds a full stop only where none ends the text', () => {
    expect(closed('Zhu Y, Wang Y, et al.')).toBe('Zhu Y, Wang Y, et al.');
    expect(closed('Zhu Y, Wang Y')).toBe('Zhu Y, Wang Y.');
    expect(closed('Do exosomes heal?')).toBe('Do exosomes heal?');
  });

  it('no reference of the review prints "et al.." or a doubled full stop after its authors or title', () => {
    const { kb } = loadKnowledgeBase(dataDir);
    const withEtAl = kb.references.filter((r) => r.hasEtAl);
    expect(withEtAl.length).toBeGreaterThan(50);
    for (const reference of kb.references) {
      const text = renderToStaticMarkup(<ReferenceEntry reference={reference} isLinked={false} />).replace(/<[^>]+>/g, '');
      expect(text, `[${reference.reviewNumber}]`).not.toMatch(/\.\.(?!\.)|\?\./);
      if (reference.hasEtAl) expect(text).toContain('et al. ');
    }
  });
});
