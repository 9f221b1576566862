import { z } from 'zod';

/** Disease areas, following the review's sections (organ system of the condition treated). */
export const DiseaseArea = z.enum([
  'musculoskeletal',
  'cardiovascular',
  'wound-healing',
  'neurological',
  'ophthalmic',
  'renal',
  'hepatic',
  'immune',
  'reproductive',
]);
export type DiseaseArea = z.infer<typeof DiseaseArea>;

/**
 * Cell sources of the vesicles. iMSC = iPSC-derived MSC; adult MSC sources: BM-, AT-, SM-, hUC-, EnMSC;
 * ESC-MSC = embryonic-stem-cell-derived MSC; iPSC-CM / iPSC-EC = iPSC-derived cardiomyocytes / endothelial cells;
 * iPSC-NC = neuronally differentiated iPSC; MSC = an MSC whose tissue the review does not name; WJ = Wharton's jelly.
 */
export const CellSource = z.enum([
  'iMSC',
  'BM-MSC',
  'AT-MSC',
  'SM-MSC',
  'hUC-MSC',
  'EnMSC',
  'WJ-MSC',
  'ESC-MSC',
  'MSC',
  'iPSC',
  'iPSC-CM',
  'iPSC-EC',
  'iPSC-NC',
  'none',
]);
export type CellSource = z.infer<typeof CellSource>;

export const ADULT_MSC_SOURCES: readonly CellSource[] = ['BM-MSC', 'AT-MSC', 'SM-MSC', 'hUC-MSC', 'EnMSC', 'WJ-MSC', 'MSC'];

export const Species = z.enum(['mouse', 'rat', 'swine', 'rhesus-macaque', 'human', 'rabbit', 'nonhuman-primate']);
export type Species = z.infer<typeof Species>;

export const Setting = z.enum(['in-vivo', 'in-vitro', 'human']);
export type Setting = z.infer<typeof Setting>;

/** The fixed predicate vocabulary of mechanism claims. */
export const Predicate = z.enum([
  'activates',
  'inhibits',
  'increases',
  'decreases',
  'promotes',
  'reduces',
  'induces',
  'suppresses',
  'upregulates',
  'downregulates',
  'prevents',
  'improves',
  'contains',
  'secretes',
  'mediates',
  'requires',
  'causes',
]);
export type Predicate = z.infer<typeof Predicate>;

export const EntityKind = z.enum([
  'mirna',
  'gene',
  'protein',
  'pathway',
  'cell-type',
  'process',
  'disease',
  'species',
  'compound',
  'anatomy',
  'vesicle',
]);
export type EntityKind = z.infer<typeof EntityKind>;

export const XrefDb = z.enum(['miRBase', 'HGNC', 'NCBITaxon', 'MONDO', 'DOID', 'KEGG', 'Reactome', 'CL', 'GO', 'UBERON', 'CHEBI', 'MeSH', 'UniProt']);
