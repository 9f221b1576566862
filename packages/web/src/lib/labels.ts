/** Human labels for the knowledge base's vocabularies. */

export const DISEASE_AREA_LABELS: Record<string, string> = {
  musculoskeletal: 'Musculoskeletal',
  cardiovascular: 'Cardiovascular',
  'wound-healing': 'Wound healing',
  neurological: 'Neurological',
  ophthalmic: 'Ophthalmic',
  renal: 'Renal',
  hepatic: 'Hepatic',
  immune: 'Immune (GvHD, immunomodulation)',
  reproductive: 'Reproductive',
};

export const CELL_SOURCE_LABELS: Record<string, string> = {
  iMSC: 'iMSC (iPSC-derived MSC)',
  'BM-MSC': 'BM-MSC (bone marrow)',
  'AT-MSC': 'AT-MSC (adipose tissue)',
  'SM-MSC': 'SM-MSC (synovial membrane)',
  'hUC-MSC': 'hUC-MSC (umbilical cord)',
  EnMSC: 'EnMSC (endometrium)',
  'WJ-MSC': "WJ-MSC (Wharton's jelly)",
  'ESC-MSC': 'ESC-MSC (embryonic stem cell-derived)',
  MSC: 'MSC (tissue not named)',
  iPSC: 'iPSC',
  'iPSC-CM': 'iPSC-CM (cardiomyocytes)',
  'iPSC-EC': 'iPSC-EC (endothelial cells)',
  'iPSC-NC': 'iPSC-NC (neuronal cells)',
  none: 'None (control)',
};

/** What vesicles were compared with: a cell source, or "none" for a saline, vehicle or untreated control. */
export const COMPARATOR_LABELS: Record<string, string> = { ...CELL_SOURCE_LABELS, none: 'A control (saline, vehicle or untreated)' };

export const SPECIES_LABELS: Record<string, string> = {
  mouse: 'Mouse',
  rat: 'Rat',
  swine: 'Swine',
  'rhesus-macaque': 'Rhesus macaque',
  human: 'Human',
  rabbit: 'Rabbit',
  'nonhuman-primate': 'Non-human primate',
  unspecified: 'Not stated',
};

export const SETTING_LABELS: Record<string, string> = { 'in-vivo': 'In vivo', 'in-vitro': 'In vitro', human: 'Human' };

export const ENTITY_KIND_LABELS: Record<string, string> = {
  mirna: 'miRNA',
  gene: 'Gene',
  protein: 'Protein',
  pathway: 'Pathway',
  'cell-type': 'Cell type',
  process: 'Process',
  disease: 'Disease',
  species: 'Species',
  compound: 'Compound',
  anatomy: 'Anatomy',
  vesicle: 'Vesicle',
};

export const RECORD_KIND_LABELS: Record<string, string> = {
  study: 'Studies',
  reference: 'References',
  entity: 'Entities',
  claim: 'Mechanism claims',
  isolationMethod: 'Isolation methods',
  fact: 'Facts and figures',
  advantage: 'iMSC advantages',
  limitation: 'Limitations',
  direction: 'Translation and directions',
  gap: 'Evidence gaps',
  biology: 'Exosome biology',
};

export const RESULT_LABELS: Record<string, string> = { superior: 'Superior', inferior: 'Inferior', similar: 'Similar', mixed: 'Mixed' };

/** Sections of the review by number. */
export const SECTION_TITLES: Record<string, string> = {
  '1': 'Background',
  '2': 'Exosomes',
  '3': 'Musculoskeletal system',
  '4': 'Cardiovascular disease',
  '5': 'Wound healing',
  '6': 'Neurology: neurodegeneration and corneal defects',
  '7': 'Fibrosis',
  '8': 'Graft vs host disease',
  '9': 'Clinical limitations',
  '10': 'Limitations of review',
  '11': 'Conclusion',
};

export const FIGURE_TITLES: Record<number, string> = {
  1: 'Mechanisms of exosome therapeutic efficacy in osteoarthritis and osteoporosis',
  2: 'Therapeutic mechanisms of MSC-derived exosomes in myocardial infarction and reperfusion injury',
  3: 'Mechanisms of wound healing by MSC-derived exosomes',
  4: "Therapeutic efficacy of MSC-derived exosomes in traumatic brain injury, Alzheimer's disease and Parkinson's disease",
  5: 'Potential therapeutic efficacy of MSC-derived exosomes in preventing immune-mediated organ fibrosis and GvHD',
};

/** "table-1" → "Table 1", "fig-2" → "Figure 2 legend", "3" → "§3 Musculoskeletal system". */
export function sectionLabel(section: string): string {
  if (section === 'table-1') return 'Table 1';
  const fig = /^fig-(\d)$/.exec(section);
  if (fig) return `Figure ${fig[1]} legend`;
  if (section === 'abstract') return 'Abstract';
  if (section === 'keywords') return 'Keywords';
  if (section === 'references') return 'Reference list';
  if (section === 'declarations') return 'Declarations';
  const title = SECTION_TITLES[section];
  return title ? `§${section} ${title}` : `§${section}`;
}

export const label = (table: Record<string, string>, value: string): string => table[value] ?? value;

/** A short label for the heat map's column headers. */
export const shortCellSource = (value: string): string => (value === 'none' ? 'None' : value);

export function titleCase(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
