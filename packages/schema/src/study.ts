import { z } from 'zod';
import { CellSource, DiseaseArea, Setting, Species } from './vocabulary.js';
import { Id, Provenance, ReferenceNumber, curated } from './provenance.js';

/** How the vesicles compared with a comparator in a head-to-head experiment. */
export const Comparison = z
  .object({
    comparator: CellSource.describe('Cell source of the comparator vesicles (or "none" for saline/vehicle control)'),
    comparatorDescription: z.string().optional(),
    result: z.enum(['superior', 'inferior', 'similar', 'mixed']).describe('Result of the study vesicles against the comparator'),
    summary: z.string().min(1),
  })
  .strict();
export type Comparison = z.infer<typeof Comparison>;

/** Where a record came from: the seed review, or a living-review project that was pooled back into the atlas. */
export const Origin = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('review') }).strict(),
  z
    .object({
      kind: z.literal('project'),
      projectId: z.string(),
      projectName: z.string().optional(),
      question: z.string().optional().describe("The project's review question"),
      reviewers: z.array(z.string()).optional().describe('Who extracted and appraised the study (user names)'),
      consensusAt: z.string().optional().describe('When the last consensus form of the study was saved (dual projects)'),
      record: z
        .object({ id: z.number().int().optional(), title: z.string().optional(), doi: z.string().optional(), pmid: z.string().optional() })
        .strict()
        .optional()
        .describe("The project's source record of the study: its id in the project and its bibliographic identifiers"),
      synthesisId: z.number().int().optional().describe('The saved synthesis the study was published with'),
      version: z.number().int().optional().describe("The version of the project's publication (publishing again makes a new one)"),
      note: z.string().optional().describe('What the project extracted about the vesicles (isolation, dose, route)'),
      publishedAt: z.string().optional(),
    })
    .strict(),
]);
export type Origin = z.infer<typeof Origin>;

/** A study the review describes: a Table 1 row or a study discussed in the text. */
export const Study = z
  .object({
    id: Id,
    title: z.string().min(1).describe('A short human label, e.g. "iMSC exosomes in mouse osteoarthritis (Zhu et al.)"'),
    inTable1: z.boolean(),
    table1Row: z.number().int().min(1).max(20).optional().describe('Row of Table 1 in printed order (1–20)'),
    firstAuthor: z.string().optional(),
    year: z.number().int().optional(),
    diseaseArea: DiseaseArea,
    diseaseType: z.string().optional().describe("Table 1's disease-type cell as printed"),
    condition: z.string().min(1).describe('The condition studied'),
    model: z.string().min(1).describe('The model as printed'),
    species: z.array(Species),
    setting: z.array(Setting).min(1),
    cellSource: CellSource.describe('Cell source of the vesicles'),
    cellSourceDetail: z.string().optional().describe('E.g. "human iPSC-derived MSCs", "mouse iMSC"'),
    vesicle: z.enum(['exosome', 'extracellular-vesicle', 'cell']).default('exosome'),
    comparisons: z.array(Comparison).default([]),
    outcome: z.string().min(1),
    mechanism: z.string().optional(),
    entities: z.array(Id).default([]).describe('Entities (miRNAs, genes, pathways, cell types…) the study names'),
    referenceNumbers: z.array(ReferenceNumber).describe("The review's reference numbers (at least one for a study of the review)"),
    origin: Origin.default({ kind: 'review' }),
    ...curated,
    provenance: z.array(Provenance).describe('Verbatim quotes (at least one for a study of the review; a living-review project study has none)'),
  })
  .strict()
  .refine((s) => s.inTable1 === (s.table1Row !== undefined), { message: 'table1Row is required exactly when inTable1 is true', path: ['table1Row'] })
  .refine((s) => s.origin.kind !== 'review' || s.referenceNumbers.length > 0, { message: 'a study of the review cites at least one reference', path: ['referenceNumbers'] })
  .refine((s) => s.origin.kind !== 'review' || s.provenance.length > 0, { message: 'a study of the review has at least one provenance quote', path: ['provenance'] });
export type Study = z.infer<typeof Study>;
