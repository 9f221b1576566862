import { z } from 'zod';
import { Provenance } from './provenance.js';

export const Author = z.object({ family: z.string().min(1), given: z.string().optional() }).strict();
export type Author = z.infer<typeof Author>;

/** One entry of the review's reference list, with CSL-JSON-like fields as printed. */
export const Reference = z
  .object({
    id: z.string().regex(/^ref-\d{1,3}$/, 'reference ids are "ref-N"'),
    reviewNumber: z.number().int().min(1).max(116),
    type: z.enum(['article-journal', 'chapter', 'webpage', 'dataset', 'book']),
    authors: z.array(Author).describe('Authors as printed, in order'),
    hasEtAl: z.boolean().describe('The printed author list ends with "et al."'),
    title: z.string().min(1),
    containerTitle: z.string().optional().describe('Journal (abbreviated as printed) or book title'),
    year: z.number().int().min(1900).max(2030).optional(),
    volume: z.string().optional(),
    issue: z.string().optional(),
    pages: z.string().optional().describe('Pages or article number as printed'),
    publisher: z.string().optional(),
    url: z.string().optional(),
    accessed: z.string().optional(),
    doi: z.string().optional().describe('Only where the review prints it'),
    pmid: z.string().optional().describe('Only where the review prints it'),
    printed: z.string().min(1).describe('The whole entry exactly as printed (without its number)'),
    provenance: z.array(Provenance).optional(),
    curationNote: z.string().optional(),
  })
  .strict();
export type Reference = z.infer<typeof Reference>;
