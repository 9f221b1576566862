import { z } from 'zod';
import { Provenance, ReferenceNumber, curated } from './provenance.js';

/** The needs a user can weigh in the isolation-method advisor. */
export const AdvisorDimension = z.enum(['volume', 'purity', 'yield', 'cost', 'scalability', 'speed', 'function', 'equipment', 'reproducibility']);
export type AdvisorDimension = z.infer<typeof AdvisorDimension>;

/** A statement of the review about a method, as an advantage or a disadvantage on one advisor dimension. */
export const MethodStatement = z
  .object({
    text: z.string().min(1).describe('The advantage or disadvantage in a few words'),
    dimension: AdvisorDimension.optional().describe('The advisor dimension it bears on, where it bears on one'),
    provenance: z.array(Provenance).min(1),
  })
  .strict();
export type MethodStatement = z.infer<typeof MethodStatement>;

/** One of the six extracellular-vesicle isolation methods the review compares. */
export const IsolationMethod = z
  .object({
    id: z.enum(['duc', 'sec', 'uf', 'peg', 'ia', 'mf']),
    abbr: z.enum(['dUC', 'SEC', 'UF', 'PEG', 'IA', 'MF']),
    name: z.string().min(1),
    principle: z.string().min(1),
    separationBasis: z.array(z.string().min(1)).min(1),
    advantages: z.array(MethodStatement),
    disadvantages: z.array(MethodStatement),
    typicalUse: z.array(z.string().min(1)).default([]),
    combinations: z
      .array(z.object({ with: z.enum(['dUC', 'SEC', 'UF', 'PEG', 'IA', 'MF']), text: z.string().min(1), provenance: z.array(Provenance).min(1) }).strict())
      .default([])
      .describe('Methods the review says this one is used together with'),
    similarTo: z
      .array(z.object({ with: z.enum(['dUC', 'SEC', 'UF', 'PEG', 'IA', 'MF']), text: z.string().min(1), provenance: z.array(Provenance).min(1) }).strict())
      .default([])
      .describe('Methods the review compares this one with ("similar to dUC…"): a likeness, not a combination'),
    referenceNumbers: z.array(ReferenceNumber).min(1),
    ...curated,
  })
  .strict();
export type IsolationMethod = z.infer<typeof IsolationMethod>;
