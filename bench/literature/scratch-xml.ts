import { readFileSync } from 'node:fs';
import { PubmedXmlParser } from '../../packages/literature/src/readers/pubmed-xml/records.js';
import { pubmedXmlReader } from '../../packages/literature/src/readers/pubmed-xml/index.js';
const text = readFileSync('/tmp/litbench/x.xml', 'utf8');
const ctx = { fileName: 'x', idPrefix: 'x', keepRaw: true, warn() {} };
for (const mode of (process.argv[2] ?? 'parse,record,parse,record').split(',')) {
  const t0 = performance.now();
  const p = new PubmedXmlParser(ctx);
  let n = 0;
  for (let i = 0; i < text.length; i += 1 << 20) {
    p.push(text.slice(i, i + (1 << 20)));
    for (const r of p.take()) { n++; if (mode === 'record') pubmedXmlReader.toRecord(r, 'x', ctx); }
  }
  p.end();
  console.log(mode, n, (performance.now() - t0).toFixed(0), 'ms');
}
