import { readCitations } from '@exoatlas/literature';
const r = await readCitations('<?xml version="1.0"?><PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>x<br/>y</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>', {fileName:'a.xml'});
console.log(r.records[0]!.title, r.records[0]!.pmid);
try { await readCitations((await import('node:fs')).readFileSync('packages/literature/test/fixtures/malformed.xml'), {fileName:'malformed.xml'}); } catch (e) { console.log((e as Error).message); }
