/** Issue 17 (fuzzing): every reader on arbitrary text and bytes — records or a coded error, never a crash or a hang. */
import { describe, it } from 'vitest';
import { CITATION_FORMATS } from '../../src/index.js';
import { fc, fuzzParams, fuzzTimeout } from '../../../../test/helpers/fuzz.js';
import { formatArb, readChecked, utf8 } from './harness.js';

/** Pieces of every format's syntax, so that random text reaches past format detection into the parsers. */
const TOKENS = [
  // PubMed XML
  '<?xml version="1.0"?>', '<PubmedArticleSet>', '</PubmedArticleSet>', '<PubmedArticle>', '</PubmedArticle>', '<MedlineCitation>', '</MedlineCitation>',
  '<PMID Version="1">', '</PMID>', '<ArticleTitle>', '</ArticleTitle>', '<AuthorList>', '<Author>', '<LastName>', '</LastName>', '<ForeName>', '<Year>', '</Year>',
  '<![CDATA[', ']]>', '<!--', '-->', '&amp;', '&#x1F600;', '&#99999999;', '&bogus;', '<', '>', '/>', '="',
  // MEDLINE
  'PMID- ', 'TI  - ', 'AU  - ', 'FAU - ', 'DP  - ', 'AB  - ', '      ',
  // RIS
  'TY  - JOUR', 'TI  - ', 'T1  - ', 'AU  - ', 'PY  - ', 'DO  - ', 'ER  - ', 'TY - ',
  // BibTeX
  '@article{', '@book{', '@string{', '@comment{', '@preamble{', 'title = {', 'author = "', ' and ', '}', '{', '"', '#', '\\\'e', '{\\"o}', ',',
  // CSV / TSV
  'title,authors,year\n', 'Title\tAuthors\tYear\n', '"', '""', ',', ';', '\t',
  // CSL-JSON
  '[', ']', '{"title":', '"type":"article-journal"', '"author":[{"family":"A"}]', '"issued":{"date-parts":[[2020]]}', 'null', 'true', '1e999', '{', '}', ':',
  // WoS / EndNote
  'FN Clarivate Analytics Web of Science\nVR 1.0\n', 'PT J\n', 'EF', '%0 Journal Article\n', '%T ', '%A ', '%D ',
  '\n', '\r\n', '\r', ' ', '\u0000', '\ufeff', '\ud800',
];

const structured = fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }), { maxLength: 80 }).map((parts) => parts.join(''));

describe('literature readers on arbitrary input (issue 17, fuzzing)', () => {
  it('arbitrary text, any format or detected: records or a coded error', { timeout: fuzzTimeout(30_000) }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 400 }), formatArb, async (text, format) => {
        await readChecked(text, { format, fileName: 'fuzz.txt' });
      }),
      fuzzParams(200),
    );
  });

  it('text built from the formats\' own syntax, in every format: records or a coded error', { timeout: fuzzTimeout(30_000) }, async () => {
    await fc.assert(
      fc.asyncProperty(structured, fc.constantFrom(undefined, ...CITATION_FORMATS), async (text, format) => {
        await readChecked(text, { format });
      }),
      fuzzParams(300),
    );
  });

  it('arbitrary bytes (any encoding, BOMs, gzip magic, binary) decoded and read: records or a coded error', { timeout: fuzzTimeout(30_000) }, async () => {
    const prefix = fc.constantFrom(new Uint8Array(0), Uint8Array.of(0xef, 0xbb, 0xbf), Uint8Array.of(0xff, 0xfe), Uint8Array.of(0xfe, 0xff), Uint8Array.of(0x1f, 0x8b), Uint8Array.of(0x25, 0x50, 0x44, 0x46));
    await fc.assert(
      fc.asyncProperty(prefix, fc.uint8Array({ maxLength: 400 }), formatArb, fc.constantFrom(undefined, 'utf-8' as const, 'utf-16le' as const, 'utf-16be' as const, 'windows-1252' as const), async (head, body, format, encoding) => {
        const bytes = new Uint8Array(head.length + body.length);
        bytes.set(head);
        bytes.set(body, head.length);
        await readChecked(bytes, { format, encoding, fileName: 'fuzz.bin' });
      }),
      fuzzParams(200),
    );
  });

  it('syntax-shaped text as bytes in odd-sized chunks gives the same outcome as in one piece', { timeout: fuzzTimeout(30_000) }, async () => {
    await fc.assert(
      fc.asyncProperty(structured, fc.integer({ min: 1, max: 64 }), async (text, size) => {
        const bytes = utf8(text);
        const whole = await readChecked(bytes);
        const parts: Uint8Array[] = [];
        for (let i = 0; i < bytes.length; i += size) parts.push(bytes.slice(i, i + size));
        const pieces = await readChecked(parts);
        if (whole.code !== pieces.code || whole.records !== pieces.records) throw new Error(`whole: ${JSON.stringify(whole)}, in chunks of ${size}: ${JSON.stringify(pieces)}`);
      }),
      fuzzParams(150),
    );
  });
});
