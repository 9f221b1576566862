import { z } from 'zod';
import { Id, curated } from './provenance.js';

/** A number the review states, with its unit and what it measures. */
export const Fact = z
  .object({
    id: Id,
    value: z.number(),
    valueMax: z.number().optional().describe('Upper end where the review gives a range'),
    unit: z.string().optional(),
    qualifier: z.enum(['exactly', 'over', 'around', 'up-to', 'at-least']).default('exactly'),
    measure: z.string().min(1).describe('What the number counts or measures'),
    topic: z.enum(['biology', 'manufacturing', 'evidence', 'clinical', 'pharmacology', 'efficacy', 'safety']),
    ...curated,
  })
  .strict();
export type Fact = z.infer<typeof Fact>;
