import { z } from 'zod';

/** The review the knowledge base is curated from. */
export const Source = z
  .object({
    id: z.string().min(1),
    title: z.string().optional().describe('Not printed in the seed text; left out rather than guessed'),
    authors: z.array(z.string().min(1)).min(1),
    articleType: z.string(),
    year: z.number().int(),
    received: z.string(),
    revised: z.string().optional(),
    accepted: z.string(),
    publishedOnline: z.string(),
    keywords: z.array(z.string()),
    abstract: z.string(),
    license: z.string(),
    licenseUrl: z.string(),
    copyright: z.string(),
    funding: z.string().optional(),
    textFile: z.string().describe('Path of the review text in the project'),
    textSha256: z.string().regex(/^[0-9a-f]{64}$/),
    curationNote: z.string().optional(),
  })
  .strict();
export type Source = z.infer<typeof Source>;
