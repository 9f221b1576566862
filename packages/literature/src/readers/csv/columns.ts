/**
 * Column names → canonical keys, the way screening tools (ASReview, Rayyan, Covidence) and database exports
 * (PubMed, Scopus, Web of Science, Embase) name them. Names are compared in lower case without spaces or punctuation.
 */
export const COLUMN_ALIASES: Readonly<Record<string, readonly string[]>> = {
  title: ['title', 'primarytitle', 'articletitle', 'documenttitle', 'ti', 't1'],
  abstract: ['abstract', 'abstractnote', 'ab', 'notesabstract', 'n2'],
  authors: ['authors', 'author', 'authornames', 'au', 'firstauthors', 'authorfullnames', 'af', 'a1'],
  year: ['year', 'publicationyear', 'py', 'pubyear', 'date', 'publicationdate', 'pd', 'da', 'y1'],
  journal: ['journal', 'sourcetitle', 'journaltitle', 'so', 'publicationtitle', 'journalbook', 'secondarytitle', 't2', 'containertitle', 'jf'],
  journalAbbrev: ['journalabbreviation', 'abbreviatedsourcetitle', 'j9', 'ji', 'j2', 'ta'],
  volume: ['volume', 'vl', 'vol'],
  issue: ['issue', 'number', 'is'],
  pages: ['pages', 'pagerange', 'pg'],
  pageStart: ['pagestart', 'startpage', 'bp', 'sp', 'firstpage'],
  pageEnd: ['pageend', 'endpage', 'ep', 'lastpage'],
  articleNumber: ['artno', 'articlenumber', 'ar'],
  doi: ['doi', 'di', 'do'],
  pmid: ['pmid', 'pubmedid', 'pubmed', 'pm'],
  pmcid: ['pmcid', 'pmc'],
  keywords: ['keywords', 'authorkeywords', 'kw', 'de'],
  mesh: ['mesh', 'meshterms', 'mh', 'indexkeywords'],
  type: ['documenttype', 'publicationtype', 'type', 'dt'],
  language: ['language', 'languageoforiginaldocument', 'la'],
  url: ['url', 'link'],
  issn: ['issn', 'sn', 'eissn'],
  isbn: ['isbn'],
  publisher: ['publisher', 'pu'],
  database: ['source', 'database', 'db'],
  id: ['recordid', 'id', 'eid', 'ut', 'key', 'accessionnumber'],
  label: ['label', 'included', 'labelincluded', 'finalincluded', 'includedfinal', 'include', 'decision', 'relevant', 'includedlabel', 'labelabstractscreening'],
  notes: ['notes', 'note', 'n1'],
};

/** "Author Keywords" → "authorkeywords" */
export function normaliseColumn(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** For each canonical key, the index of the first header column that names it. */
export function mapColumns(header: readonly string[]): Map<string, number> {
  const byName = new Map<string, number>();
  header.forEach((name, i) => {
    const key = normaliseColumn(name);
    if (!byName.has(key)) byName.set(key, i);
  });
  const out = new Map<string, number>();
  for (const [canonical, aliases] of Object.entries(COLUMN_ALIASES)) {
    for (const alias of aliases) {
      const index = byName.get(alias);
      if (index !== undefined) {
        out.set(canonical, index);
        break;
      }
    }
  }
  return out;
}
