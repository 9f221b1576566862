import { z } from 'zod';

/** Where a record comes from in the review: a section, a verbatim quote and the review's reference numbers. */
export const Section = z
  .string()
  .regex(/^(abstract|keywords|references|declarations|table-1|fig-[1-5]|\d{1,2})$/, 'a section number ("3"), "abstract", "table-1", "fig-2" or "references"')
  .describe('Section of the review: a number such as "3", or "abstract", "table-1", "fig-1"…"fig-5", "references"');

export const ReferenceNumber = z.number().int().min(1).max(116).describe("A reference number of the review's list (1–116)");

export const Provenance = z
  .object({
    section: Section,
    quote: z.string().min(3).describe('A verbatim span of the review text (compared after folding whitespace and line-break hyphenation)'),
    referenceNumbers: z.array(ReferenceNumber).default([]),
  })
  .strict();
export type Provenance = z.infer<typeof Provenance>;

/** Where the review prints something that is wrong or inconsistent: what it prints and the corrected reading. */
export const Correction = z
  .object({
    field: z.string().min(1).describe('The field the correction applies to, e.g. "referenceNumbers" or "mechanism"'),
    asPrinted: z.string().min(1).describe('What the review prints'),
    reading: z.string().min(1).describe('The corrected reading'),
    note: z.string().min(1).describe('Why, with the evidence (e.g. the reference title)'),
  })
  .strict();
export type Correction = z.infer<typeof Correction>;

/** The fields every curated record carries. */
export const curated = {
  provenance: z.array(Provenance).min(1),
  curationNote: z.string().optional().describe('What a curator noticed: garbled text, contradictions, decisions taken'),
  corrections: z.array(Correction).optional(),
};

export const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'lower-case kebab-case id (a-z, 0-9, "-")')
  .describe('Stable kebab-case identifier');
