import { readFileSync } from 'node:fs';
import { readCitations } from '@exoatlas/literature';
const r = await readCitations(readFileSync('/work/shared/fixtures/literature/synthesisr-scopus.bib'), { fileName: 'x.bib' });
console.log(Object.keys(r.records[0]!.raw.fields), r.records[0]!.raw.fields.funding_details);
