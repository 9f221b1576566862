/**
 * Makes the benchmark's input files by replicating real exports with variations (titles, DOIs, PMIDs, keys and years
 * changed per copy so every record is distinct). Files go to a temporary directory and are never committed.
 * Uses ../shared/fixtures/literature when present, else the project's own fixtures.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The repository root: given by run.mjs (which runs this from a bundle elsewhere), else found from this file.
const repoRoot = process.env.EXOATLAS_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sharedDir = path.resolve(repoRoot, '../shared/fixtures/literature');
const ownDir = path.resolve(repoRoot, 'packages/literature/test/fixtures');
export const source = existsSync(sharedDir) ? sharedDir : ownDir;

function files(ext: string): string[] {
  return readdirSync(source).filter((f) => f.endsWith(ext)).map((f) => path.join(source, f));
}

function text(file: string): string {
  return readFileSync(file, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
}

/** RIS records as blocks (TY … ER), from every RIS file. */
function risBlocks(): string[] {
  const blocks: string[] = [];
  for (const file of files('.ris')) {
    for (const block of text(file).split(/^ER {2}-.*$/m)) {
      const start = block.search(/^TY {2}-/m);
      if (start >= 0) blocks.push(block.slice(start).trimEnd());
    }
  }
  return blocks;
}

export function generateRis(dir: string, count: number): string {
  const blocks = risBlocks();
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let block = blocks[i % blocks.length]!;
    block = block.replace(/^(TI|T1) {2}- (.*)$/m, (_m, tag: string, title: string) => `${tag}  - ${title} (copy ${i})`);
    block = block.replace(/^DO {2}- (.*)$/m, (_m, doi: string) => `DO  - ${doi}.c${i}`);
    block = block.replace(/^(PY|Y1) {2}- \d{4}/m, (_m, tag: string) => `${tag}  - ${1990 + (i % 35)}`);
    out.push(`${block}\nER  - \n`);
  }
  const file = path.join(dir, `replicated-${count}.ris`);
  writeFileSync(file, out.join('\n'));
  return file;
}

export function generatePubmedXml(dir: string, count: number): string {
  const articles: string[] = [];
  for (const file of files('.xml')) {
    for (const m of text(file).matchAll(/<PubmedArticle>[\s\S]*?<\/PubmedArticle>/g)) articles.push(m[0]);
  }
  const out: string[] = ['<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2019//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_190101.dtd">\n<PubmedArticleSet>\n'];
  for (let i = 0; i < count; i++) {
    let a = articles[i % articles.length]!;
    a = a.replace(/<PMID Version="1">\d+<\/PMID>/, `<PMID Version="1">${40000000 + i}</PMID>`);
    a = a.replace(/<ArticleTitle>([\s\S]*?)<\/ArticleTitle>/, (_m, t: string) => `<ArticleTitle>${t} (copy ${i})</ArticleTitle>`);
    a = a.replace(/(<ArticleId IdType="doi">)([^<]+)/, (_m, open: string, doi: string) => `${open}${doi}.c${i}`);
    out.push(a, '\n');
  }
  out.push('</PubmedArticleSet>\n');
  const file = path.join(dir, `replicated-${count}.xml`);
  writeFileSync(file, out.join(''));
  return file;
}

/**
 * BibTeX entries replicated. Scopus writes field names with a space ("funding_text 1"), which citation-js's grammar
 * rejects; the copy renames them ("funding_text_1") so that both readers can read the same file.
 */
export function generateBibtex(dir: string, count: number): string {
  const entries: string[] = [];
  for (const file of [...files('.bib'), path.join(ownDir, 'latex-accents.bib')]) {
    for (const m of text(file).matchAll(/^@(?!string|comment)\w+\s*\{[\s\S]*?^\}/gim)) entries.push(m[0].replace(/^(\s*\w+)[ \u00a0]+(\d+)\s*=/gm, '$1_$2 ='));
  }
  const out: string[] = ['@string{jev = "Journal of Extracellular Vesicles"}\n'];
  for (let i = 0; i < count; i++) {
    let e = entries[i % entries.length]!;
    e = e.replace(/^(@\w+\s*\{)([^,]+),/, (_m, head: string, key: string) => `${head}${key}c${i},`);
    e = e.replace(/(\btitle\s*=\s*[{"])/i, `$1Copy ${i}: `);
    e = e.replace(/(\bdoi\s*=\s*\{)([^}]+)/i, (_m, open: string, doi: string) => `${open}${doi}.c${i}`);
    out.push(e, '\n\n');
  }
  const file = path.join(dir, `replicated-${count}.bib`);
  writeFileSync(file, out.join(''));
  return file;
}

/** A small deterministic random generator (mulberry32), so that every run makes the same files. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Word, name and journal pools taken from the fixtures' titles, abstracts, authors and journals. */
function pools(): { words: string[]; names: string[]; journals: string[] } {
  const words = new Set<string>();
  const names = new Set<string>();
  const journals = new Set<string>();
  for (const file of readdirSync(source).filter((f) => !f.endsWith('.md')).map((f) => path.join(source, f))) {
    const t = text(file);
    for (const m of t.matchAll(/[A-Za-z]{4,14}/g)) words.add(m[0].toLowerCase());
    for (const m of t.matchAll(/^(?:AU|A1|FAU) {0,2}- ([A-Z][a-z]+)/gm)) names.add(m[1]!);
    for (const m of t.matchAll(/^(?:T2|JF|JT) {0,2}- (.+)$/gm)) journals.add(m[1]!.trim());
  }
  for (const n of ['Zhou', 'Zhu', 'Wang', 'Li', 'Chen', 'Kim', 'Lee', 'Smith', 'Müller', 'García', 'Nakamura', 'Rossi', 'Novak', 'Silva', 'Khan']) names.add(n);
  return { words: [...words].sort(), names: [...names].sort(), journals: [...journals].sort() };
}

/**
 * A labelled de-duplication set written as RIS: `works` distinct records, then `duplicates` copies of random ones with
 * the noise real exports show (case, punctuation, a typo, a dropped DOI, "Liu R." against "Liu, Rui", an abbreviated
 * journal, a year off by one), a tenth of them as preprint versions. Returns the file and the true pairs.
 */
export function generateDedupSet(dir: string, works: number, duplicates: number): { file: string; truthFile: string } {
  const rnd = random(20240601);
  const { words, names, journals } = pools();
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const sentence = (n: number): string => Array.from({ length: n }, () => pick(words)).join(' ');
  interface Work { title: string; family: string; given: string; year: number; journal: string; volume: number; issue: number; page: number; doi?: string; abstract: string }
  const all: Work[] = [];
  const lines: string[] = [];
  const write = (w: Work, variant: { title: string; author: string; journal: string; year: number; doi?: string; pages?: string; type?: string }): void => {
    lines.push(
      `TY  - ${variant.type ?? 'JOUR'}`,
      `TI  - ${variant.title}`,
      `AU  - ${variant.author}`,
      `PY  - ${variant.year}`,
      `T2  - ${variant.journal}`,
      `VL  - ${w.volume}`,
      `IS  - ${w.issue}`,
      ...(variant.pages ? [`SP  - ${variant.pages.split('-')[0]}`, `EP  - ${variant.pages.split('-')[1]}`] : []),
      ...(variant.doi ? [`DO  - ${variant.doi}`] : []),
      `AB  - ${w.abstract}`,
      'ER  - ',
      '',
    );
  };
  for (let i = 0; i < works; i++) {
    const title = sentence(7 + Math.floor(rnd() * 8));
    const w: Work = {
      title: title[0]!.toUpperCase() + title.slice(1),
      family: pick(names),
      given: `${String.fromCharCode(65 + Math.floor(rnd() * 26))}${rnd() < 0.5 ? String.fromCharCode(65 + Math.floor(rnd() * 26)) : ''}`,
      year: 1990 + Math.floor(rnd() * 35),
      journal: pick(journals),
      volume: 1 + Math.floor(rnd() * 300),
      issue: 1 + Math.floor(rnd() * 12),
      page: 1 + Math.floor(rnd() * 3000),
      doi: rnd() < 0.7 ? `10.9999/bench.${i}` : undefined,
      abstract: sentence(120 + Math.floor(rnd() * 120)),
    };
    all.push(w);
    write(w, { title: w.title, author: `${w.family}, ${w.given}`, journal: w.journal, year: w.year, doi: w.doi, pages: `${w.page}-${w.page + 9}` });
  }
  const truth: Array<[number, number]> = [];
  for (let d = 0; d < duplicates; d++) {
    const original = Math.floor(rnd() * works);
    const w = all[original]!;
    let title = w.title;
    const r = rnd();
    if (r < 0.25) title = title.toUpperCase();
    else if (r < 0.5) title = `${title}.`;
    else if (r < 0.75) title = title.replace(/ (\w)/, (_m, c: string) => ` ${c.toUpperCase()}`).replace(/ /g, (s) => (rnd() < 0.1 ? ' - ' : s));
    if (rnd() < 0.3) {
      const at = 1 + Math.floor(rnd() * (title.length - 2));
      title = title.slice(0, at) + pick(['a', 'e', 'o', 's']) + title.slice(at + 1); // one typo
    }
    const isPreprint = d % 10 === 0;
    const abbreviated = w.journal.split(/\s+/).filter((x) => !/^(of|the|and|&)$/i.test(x)).map((x) => x.slice(0, 4)).join(' ');
    const author = rnd() < 0.5 ? `${w.family} ${w.given.split('').join('.')}.` : `${w.family}, ${w.given}`;
    if (isPreprint) {
      write(w, { title, author, journal: 'bioRxiv', year: w.year - (rnd() < 0.5 ? 1 : 0), doi: `10.1101/2020.01.01.${100000 + d}`, type: 'GEN' });
    } else {
      write(w, {
        title,
        author,
        journal: rnd() < 0.5 ? abbreviated : w.journal,
        year: w.year + (rnd() < 0.1 ? 1 : 0),
        doi: w.doi && rnd() < 0.4 ? w.doi.toUpperCase() : undefined,
        pages: rnd() < 0.8 ? `${w.page}-${w.page + 9}` : undefined,
      });
    }
    truth.push([original, works + d]);
  }
  const file = path.join(dir, `dedup-${works + duplicates}.ris`);
  writeFileSync(file, lines.join('\n'));
  const truthFile = path.join(dir, `dedup-${works + duplicates}.truth.json`);
  writeFileSync(truthFile, JSON.stringify(truth));
  return { file, truthFile };
}

/** One generated RIS record for the streaming run (about 1.2 kB). */
export function streamRecord(i: number): string {
  return `TY  - JOUR\nTI  - Exosome study ${i} on wound healing in a rodent model of diabetes\nAU  - Author${i % 1000}, A.\nPY  - ${1990 + (i % 35)}\nT2  - Journal of Extracellular Vesicles\nDO  - 10.9999/stream.${i}\nAB  - ${'Exosomes from induced pluripotent stem cell derived mesenchymal stem cells were isolated by ultracentrifugation. '.repeat(9)}\nER  - \n\n`;
}
