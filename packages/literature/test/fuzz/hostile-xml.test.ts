/** Issue 17 (fuzzing): XML built to hurt a parser — deep nesting, entity expansion ("billion laughs"), external entities. */
import { describe, expect, it } from 'vitest';
import { readCitations } from '../../src/index.js';
import { fc, fuzzParams, fuzzTimeout } from '../../../../test/helpers/fuzz.js';
import { readChecked } from './harness.js';

const wrap = (inner: string, prolog = ''): string =>
  `<?xml version="1.0"?>\n${prolog}<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>${inner}</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>`;

const LAUGHS = `<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
`;

describe('hostile XML (issue 17, fuzzing)', () => {
  it('entity expansion ("billion laughs") is not expanded: the reference is malformed, quickly', async () => {
    const error = await readCitations(wrap('&lol9;', LAUGHS), { format: 'pubmed-xml' }).catch((e: unknown) => e as { code: string });
    expect((error as { code: string }).code).toBe('EXO_ERR_LIT_MALFORMED');
  });

  it('an external entity (XXE) is never fetched or read', async () => {
    const error = await readCitations(wrap('&xxe;', '<!DOCTYPE x [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n'), { format: 'pubmed-xml' }).catch((e: unknown) => e as { code: string; message: string });
    expect((error as { code: string }).code).toBe('EXO_ERR_LIT_MALFORMED');
    expect((error as { message: string }).message).not.toContain('root:');
  });

  it('nesting of any depth (up to 200,000) in any element: records or a coded error, in linear time', { timeout: fuzzTimeout(30_000) }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 200_000 }), fc.constantFrom('i', 'b', 'Article', 'PubmedArticle', 'AuthorList'), fc.boolean(), async (depth, tag, isClosed) => {
        const inner = `<${tag}>`.repeat(depth) + 'x' + (isClosed ? `</${tag}>`.repeat(depth) : '');
        await readChecked(wrap(inner), { format: 'pubmed-xml' });
      }),
      fuzzParams(30),
    );
  });

  it('many attributes, long names, odd references, comments and CDATA around real markup: records or a coded error', { timeout: fuzzTimeout(30_000) }, async () => {
    const piece = fc.oneof(
      fc.constantFrom('<!-- c -->', '<![CDATA[<&>]]>', '&amp;', '&#65;', '&#x1F600;', '&lol;', '<?pi x?>', '<i>', '</i>', '<b/>', '&', '<', ']]>', '-->'),
      fc.string({ maxLength: 10 }),
      fc.tuple(fc.stringMatching(/^[A-Za-z_][\w.-]{0,30}$/), fc.string({ maxLength: 20 })).map(([n, v]) => `<x ${n}="${v}" ${n}2='${v}'>`),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 40 }), fc.boolean(), async (pieces, hasLaughs) => {
        await readChecked(wrap(pieces.join(''), hasLaughs ? LAUGHS : ''), { format: 'pubmed-xml' });
      }),
      fuzzParams(300),
    );
  });
});
