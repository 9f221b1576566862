import { z } from 'zod';
import { CellSource, Predicate } from './vocabulary.js';
import { Id, ReferenceNumber, curated } from './provenance.js';

/** A causal statement of the review as subject–predicate–object, with its context. */
export const Claim = z
  .object({
    id: Id,
    subject: Id.describe('Entity id'),
    predicate: Predicate,
    object: Id.describe('Entity id'),
    context: z
      .object({
        diseases: z.array(Id).default([]),
        cellTypes: z.array(Id).default([]),
        cellSource: CellSource.optional().describe('Cell source of the vesicles the statement is about'),
      })
      .strict()
      .default({ diseases: [], cellTypes: [] }),
    figure: z.number().int().min(1).max(5).optional().describe('Figure whose legend states it'),
    section: z.string().min(1),
    isHedged: z.boolean().default(false).describe('Stated as possible ("may", "potentially"), not as found'),
    referenceNumbers: z.array(ReferenceNumber).default([]),
    ...curated,
  })
  .strict();
export type Claim = z.infer<typeof Claim>;
