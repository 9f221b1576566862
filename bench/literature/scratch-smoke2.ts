import { readFileSync, readdirSync } from 'node:fs';
import { readCitations } from '@exoatlas/literature';
const dir = 'packages/literature/test/fixtures/';
for (const f of readdirSync(dir)) {
  try {
    const r = await readCitations(readFileSync(dir + f), { fileName: f });
    console.log('##', f, r.format, r.records.length);
    for (const x of r.records) { const { raw, ...rest } = x; console.log('  ', JSON.stringify(rest)); if (f.includes('types')) console.log('   raw', JSON.stringify(raw.fields)); }
    for (const w of r.warnings) console.log('   W', w.code, w.message.slice(0, 200));
  } catch (e) { console.log('##', f, 'ERROR', (e as Error & {code:string}).code, (e as Error).message); }
}
