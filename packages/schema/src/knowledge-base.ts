import { z } from 'zod';
import { Source } from './source.js';
import { Reference } from './reference.js';
import { Study } from './study.js';
import { Entity } from './entity.js';
import { Claim } from './claim.js';
import { IsolationMethod } from './isolation-method.js';
import { Fact } from './fact.js';
import { Advantage, BiologyStatement, Direction, Gap, Limitation } from './statements.js';

/** The whole knowledge base as `exoatlas export --json` prints it: the export contract. */
export const KnowledgeBase = z
  .object({
    schemaVersion: z.literal(1),
    source: Source,
    references: z.array(Reference),
    studies: z.array(Study),
    entities: z.array(Entity),
    claims: z.array(Claim),
    isolationMethods: z.array(IsolationMethod),
    facts: z.array(Fact),
    advantages: z.array(Advantage),
    limitations: z.array(Limitation),
    directions: z.array(Direction),
    gaps: z.array(Gap),
    biology: z.array(BiologyStatement),
  })
  .strict();
export type KnowledgeBase = z.infer<typeof KnowledgeBase>;

/** Record kinds that live in arrays of the knowledge base, with their schema. */
export const RECORD_KINDS = {
  references: Reference,
  studies: Study,
  entities: Entity,
  claims: Claim,
  isolationMethods: IsolationMethod,
  facts: Fact,
  advantages: Advantage,
  limitations: Limitation,
  directions: Direction,
  gaps: Gap,
  biology: BiologyStatement,
} as const;
export type RecordKind = keyof typeof RECORD_KINDS;
