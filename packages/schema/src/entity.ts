import { z } from 'zod';
import { EntityKind, XrefDb } from './vocabulary.js';
import { Id, curated } from './provenance.js';

export const Xref = z.object({ db: XrefDb, id: z.string().min(1) }).strict();

/** A named thing the review talks about: a miRNA, gene, protein, pathway, cell type, process, disease or species. */
export const Entity = z
  .object({
    id: Id,
    kind: EntityKind,
    name: z.string().min(1),
    synonyms: z.array(z.string().min(1)).default([]).describe('Other spellings as the review writes them'),
    description: z.string().optional(),
    xrefs: z.array(Xref).default([]).describe('Standard identifiers, only where certain'),
    provenance: curated.provenance.optional(),
    curationNote: curated.curationNote,
    corrections: curated.corrections,
  })
  .strict();
export type Entity = z.infer<typeof Entity>;
