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
        cellSource: CellSource.optional().describe('Cell source of the vesicles as the review prints it for this statement'),
        cellSourceCorrected: CellSource.optional().describe(
          "The curators' corrected cell source, when the review's is wrong (a `context.cellSource` correction says why); filters, the graph and counts use it",
        ),
      })
      .strict()
      .default({ diseases: [], cellTypes: [] }),
    figure: z.number().int().min(1).max(5).optional().describe('Figure whose legend states it'),
    section: z.string().min(1),
    isHedged: z.boolean().default(false).describe('Stated as possible ("may", "potentially"), not as found'),
    referenceNumbers: z.array(ReferenceNumber).default([]),
    ...curated,
  })
  .strict()
  .refine((c) => c.context.cellSourceCorrected === undefined || (c.corrections ?? []).some((x) => x.field === 'context.cellSource'), {
    message: "a corrected cell source needs a 'context.cellSource' correction saying what the review prints and why",
    path: ['context', 'cellSourceCorrected'],
  });
export type Claim = z.infer<typeof Claim>;

/** The cell source a claim is about: the curators' correction when there is one, else what the review prints. */
export function claimCellSource(claim: Pick<Claim, 'context'>): CellSource | undefined {
  return claim.context.cellSourceCorrected ?? claim.context.cellSource;
}
