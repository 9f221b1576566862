import { describe, expect, it } from 'vitest';
import { readCitations, streamCitations } from '../src/index.js';
import { chunked, fixtureBytes } from './helpers.js';

const RECORD = (i: number): string =>
  `TY  - JOUR\r\nTI  - Exosome study number ${i} on wound healing in a model of diabetes\r\nAU  - Author${i % 100}, A.\r\nPY  - ${2000 + (i % 20)}\r\nDO  - 10.1000/x.${i}\r\nAB  - ${'An abstract sentence that pads the record. '.repeat(20)}\r\nER  - \r\n\r\n`;

async function* generated(records: number, perChunk: number): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  for (let i = 0; i < records; i += perChunk) {
    let text = '';
    for (let j = i; j < Math.min(records, i + perChunk); j++) text += RECORD(j);
    yield encoder.encode(text);
  }
}

describe('streaming', () => {
  it.each(['embase-bom-crlf.ris', 'continuation-lines.ris', 'pubmed-two-records.nbib', 'latex-accents.bib', 'asreview-columns.csv', 'latin1.ris', 'utf16-endnote.ris'])(
    '%s: the same records whether read whole or one byte at a time',
    async (name) => {
      const bytes = fixtureBytes(name);
      const whole = await readCitations(bytes, { fileName: name });
      const bytewise = await readCitations(chunked(bytes, 1), { fileName: name });
      expect(bytewise.records).toEqual(whole.records);
      expect(bytewise.format).toBe(whole.format);
    },
  );

  it('reads 60,000 records (about 70 MB) as a stream with bounded memory', async () => {
    const stream = streamCitations(generated(60_000, 500), { fileName: 'big.ris', keepRaw: false });
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let count = 0;
    let lastTitle = '';
    for await (const record of stream) {
      count++;
      lastTitle = record.title!;
      if (count % 5000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(count).toBe(60_000);
    expect(lastTitle).toBe('Exosome study number 59999 on wound healing in a model of diabetes');
    expect(stream.format).toBe('ris');
    expect(peak - before).toBeLessThan(150 * 1024 * 1024);
  });
});

describe('compressed input', () => {
  it('reads a gzipped file (PubMed baseline .xml.gz) as the file inside', async () => {
    const { gzipSync } = await import('node:zlib');
    const bytes = fixtureBytes('pubmed-efetch.xml');
    const plain = await readCitations(bytes, { fileName: 'a.xml' });
    const zipped = await readCitations(chunked(gzipSync(bytes), 100), { fileName: 'a.xml' });
    expect(zipped.records).toEqual(plain.records);
  });
});
