/** Patterns in URLs, accession numbers and notes that name the database a record came from. */
const SOURCE_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/scopus\.com|2-s2\.0-/i, 'Scopus'],
  [/embase\.com|^L\d{6,}$/i, 'Embase'],
  [/webofscience|webofknowledge|isiknowledge|^WOS:|Go to ISI/i, 'Web of Science'],
  [/ovidsp|ovid\.com/i, 'Ovid'],
  [/proquest\.com/i, 'ProQuest'],
  [/ebscohost/i, 'EBSCOhost'],
  [/cochranelibrary\.com|14651858/i, 'Cochrane Library'],
  [/ncbi\.nlm\.nih\.gov\/pubmed|pubmed\.ncbi\.nlm\.nih\.gov/i, 'PubMed'],
  [/europepmc\.org/i, 'Europe PMC'],
  [/lens\.org/i, 'Lens'],
];

/** The database named by the first value that matches a known pattern. */
export function inferSourceDatabase(values: Iterable<string>): string | undefined {
  for (const value of values) {
    for (const [pattern, name] of SOURCE_PATTERNS) if (pattern.test(value)) return name;
  }
  return undefined;
}
