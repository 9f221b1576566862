/** Issue 17 (fuzzing): counterexamples the fuzz tests found, kept as plain tests. */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readCitations } from '../../src/index.js';
import { rejection } from '../helpers.js';
import { chunks, utf8 } from './harness.js';

describe('literature readers: fuzzing counterexamples (issue 17)', () => {
  it('a corrupt gzip file is a coded encoding error, not zlib\'s Z_DATA_ERROR', async () => {
    const error = await rejection(readCitations(Uint8Array.from([31, 139, 242, 243, 115, 216, 248, 68, 43]), { format: 'endnote', fileName: 'x.enw.gz' }));
    expect(error.code).toBe('EXO_ERR_LIT_ENCODING');
    expect(error.message).toMatch(/^x\.enw\.gz: the file starts like a gzip archive but cannot be decompressed/);
  });

  it('a gzip file cut short is a coded encoding error', async () => {
    const gz = gzipSync(Buffer.from('TY  - JOUR\nTI  - A title\nER  - \n'.repeat(50)));
    const error = await rejection(readCitations(gz.subarray(0, gz.length - 12)));
    expect(error.code).toBe('EXO_ERR_LIT_ENCODING');
  });

  it('a NUL byte near the start is refused however the stream is chunked (4-byte chunks used to pass it)', async () => {
    const bytes = utf8('</PMID>\u0000 and KV-0L"+`V\r</PubmedArticleSet></Year>');
    expect((await rejection(readCitations(bytes))).code).toBe('EXO_ERR_LIT_ENCODING');
    expect((await rejection(readCitations(chunks(bytes, 4)))).code).toBe('EXO_ERR_LIT_ENCODING');
  });

  it('a character reference past U+10FFFF, to a surrogate or to NUL is malformed XML, not a RangeError', async () => {
    for (const ref of ['&#99999999;', '&#xD800;', '&#0;', '&#x110000;']) {
      const xml = `<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>a ${ref} b</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>`;
      const error = await rejection(readCitations(xml, { format: 'pubmed-xml' }));
      expect(error.code, ref).toBe('EXO_ERR_LIT_MALFORMED');
      expect(error.message).toContain(`"${ref}" is not a valid character`);
    }
  });
});

describe('BibTeX: a file cut inside an entry head (issue 17, fuzzing)', () => {
  it('"@" or "@mis" at the end of the file is truncation, not two records and silence', async () => {
    const base = '@article{a,\n title={A}\n}\n\n@article{b,\n title={B}\n}\n\n';
    for (const tail of ['@', '@mis', '@misc ']) {
      const error = await rejection(readCitations(base + tail, { format: 'bibtex', fileName: 'cut.bib' }));
      expect(error.code, tail).toBe('EXO_ERR_LIT_TRUNCATED');
      expect(error.message).toMatch(/^cut\.bib line 9: the file ends inside the head of an entry/);
    }
    // an e-mail address in the closing comment is not an entry head
    expect((await readCitations(`${base}% questions: someone@example`, { format: 'bibtex' })).records).toHaveLength(2);
  });
});

describe('PubMed XML: a long run inside a tag (issue 17, fuzzing)', () => {
  it('200,000 characters between an attribute\'s "=" and its value are refused in linear time (took minutes)', async () => {
    const xml = `<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID Version=${'a'.repeat(200_000)}"1">1</PMID></MedlineCitation></PubmedArticle></PubmedArticleSet>`;
    const start = performance.now();
    const error = await rejection(readCitations(xml, { format: 'pubmed-xml' }));
    expect(error.code).toBe('EXO_ERR_LIT_MALFORMED');
    expect(error.message).toContain('malformed attribute in <PMID>');
    expect(performance.now() - start).toBeLessThan(500);
  });

  it('attributes separated by any whitespace are still read', async () => {
    const xml = '<PubmedArticleSet><PubmedArticle><MedlineCitation Status="MEDLINE"\n\tOwner=\'NLM\'><PMID Version="1">7</PMID><Article><ArticleTitle>T</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>';
    const { records } = await readCitations(xml, { format: 'pubmed-xml' });
    expect(records[0]!.pmid).toBe('7');
  });
});

describe('PubMed XML: nesting depth (issue 17, fuzzing)', () => {
  it('elements nested 1,001 deep are malformed; 1,000 levels of inline markup still read', async () => {
    const wrap = (inner: string): string => `<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>${inner}</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>`;
    const error = await rejection(readCitations(wrap(`${'<i>'.repeat(1000)}x${'</i>'.repeat(1000)}`), { format: 'pubmed-xml' }));
    expect(error.code).toBe('EXO_ERR_LIT_MALFORMED');
    expect(error.message).toContain('elements nested deeper than 1000 levels');
    const ok = await readCitations(wrap(`${'<i>'.repeat(990)}x${'</i>'.repeat(990)}`), { format: 'pubmed-xml' });
    expect(ok.records[0]!.title).toBe('x');
  });
});
