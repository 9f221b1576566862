import type { FieldTable } from '../../fields/table.js';

const ARTICLE = 'MedlineCitation/Article';
const ISSUE = `${ARTICLE}/Journal/JournalIssue`;

/** Element path (relative to <PubmedArticle>) → CitationRecord field. */
export const PUBMED_XML_FIELDS: FieldTable = {
  title: [`${ARTICLE}/ArticleTitle`, `${ARTICLE}/VernacularTitle`, 'BookDocument/ArticleTitle', 'BookDocument/Book/BookTitle'],
  abstract: [`${ARTICLE}/Abstract`, 'BookDocument/Abstract', 'MedlineCitation/OtherAbstract'],
  authors: [`${ARTICLE}/AuthorList/Author`, 'BookDocument/AuthorList/Author', 'BookDocument/Book/AuthorList/Author'],
  date: [`${ISSUE}/PubDate`, `${ARTICLE}/ArticleDate`, 'BookDocument/Book/PubDate'],
  journal: [`${ARTICLE}/Journal/Title`],
  journalAbbrev: [`${ARTICLE}/Journal/ISOAbbreviation`, 'MedlineCitation/MedlineJournalInfo/MedlineTA'],
  volume: [`${ISSUE}/Volume`],
  issue: [`${ISSUE}/Issue`],
  pages: { range: [`${ARTICLE}/Pagination/MedlinePgn`], start: [`${ARTICLE}/Pagination/StartPage`], end: [`${ARTICLE}/Pagination/EndPage`] },
  doi: ['PubmedData/ArticleIdList/ArticleId[doi]', `${ARTICLE}/ELocationID[doi]`, 'BookDocument/ArticleIdList/ArticleId[doi]', 'PubmedBookData/ArticleIdList/ArticleId[doi]'],
  pmid: ['MedlineCitation/PMID', 'BookDocument/PMID'],
  pmcid: ['PubmedData/ArticleIdList/ArticleId[pmc]', 'PubmedBookData/ArticleIdList/ArticleId[pmc]'],
  issn: [`${ARTICLE}/Journal/ISSN`, 'MedlineCitation/MedlineJournalInfo/ISSNLinking'],
  isbn: ['BookDocument/Book/Isbn'],
  publisher: ['BookDocument/Book/Publisher/PublisherName'],
  language: [`${ARTICLE}/Language`, 'BookDocument/Language'],
  keywords: { keys: ['MedlineCitation/KeywordList/Keyword', 'BookDocument/KeywordList/Keyword'] },
  meshTerms: { keys: ['MedlineCitation/MeshHeadingList/MeshHeading'] },
  publicationTypes: { keys: [`${ARTICLE}/PublicationTypeList/PublicationType`, 'BookDocument/PublicationType'] },
  sourceId: ['MedlineCitation/PMID', 'BookDocument/PMID'],
};
