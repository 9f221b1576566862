import { z } from 'zod';
import { CellSource, DiseaseArea } from './vocabulary.js';
import { Id, curated } from './provenance.js';

/** An advantage of iMSCs over adult MSCs, from the review's numbered list and its sub-points. */
export const Advantage = z
  .object({
    id: Id,
    number: z.string().regex(/^\d+[a-z]?$/).describe('Position in the list: "1", "2a"…; unnumbered items get the next number'),
    title: z.string().min(1),
    text: z.string().min(1),
    ...curated,
  })
  .strict();
export type Advantage = z.infer<typeof Advantage>;

/** A clinical limitation or open concern: the numbered manufacturing concerns, immunogenicity, evidence, the review's own. */
export const Limitation = z
  .object({
    id: Id,
    kind: z.enum(['manufacturing', 'immunogenicity', 'evidence', 'safety', 'review']),
    number: z.number().int().optional().describe("Number in the review's list of concerns"),
    title: z.string().min(1),
    text: z.string().min(1),
    ...curated,
  })
  .strict();
export type Limitation = z.infer<typeof Limitation>;

/** Translation status and future directions: trials, first human use, what the review asks for next. */
export const Direction = z
  .object({
    id: Id,
    kind: z.enum(['translation-status', 'future-direction', 'key-message']),
    title: z.string().min(1),
    text: z.string().min(1),
    ...curated,
  })
  .strict();
export type Direction = z.infer<typeof Direction>;

/** An evidence gap the review names: a disease area and cell source with no study. */
export const Gap = z
  .object({
    id: Id,
    diseaseArea: DiseaseArea.optional(),
    cellSource: CellSource.optional(),
    condition: z.string().optional(),
    text: z.string().min(1),
    ...curated,
  })
  .strict();
export type Gap = z.infer<typeof Gap>;

/** Exosome biology as the review states it: definitions, size, cargo, markers, biogenesis steps. */
export const BiologyStatement = z
  .object({
    id: Id,
    topic: z.enum(['definition', 'size', 'marker', 'cargo', 'biogenesis', 'function', 'isolation']),
    step: z.number().int().min(1).optional().describe('Order of a biogenesis step'),
    text: z.string().min(1),
    ...curated,
  })
  .strict();
export type BiologyStatement = z.infer<typeof BiologyStatement>;
