import { readFileSync, readdirSync } from 'node:fs';
import { readCitations } from '@exoatlas/literature';
const dir = '/work/shared/fixtures/literature/';
for (const f of readdirSync(dir).filter((f) => !f.endsWith('.md'))) {
  try {
    const r = await readCitations(readFileSync(dir + f), { fileName: f });
    console.log(f, r.format, r.records.length, r.warnings.length);
    const x = r.records[0]!;
    console.log('  ', JSON.stringify({ t: x.title?.slice(0, 60), a: x.authors.slice(0, 2), y: x.year, d: x.date, j: x.journal, v: x.volume, i: x.issue, p: x.pages, doi: x.doi, pmid: x.pmid, db: x.sourceDatabase, type: x.type, pt: x.publicationTypes, kw: x.keywords.length, mh: x.meshTerms.slice(0, 2), lang: x.language, issn: x.issn, flags: x.flags, ab: x.abstract?.slice(0, 50) }));
    for (const w of r.warnings.slice(0, 3)) console.log('   W', w.code, w.message.slice(0, 150));
  } catch (e) { console.log(f, 'ERROR', (e as Error).message); }
}
