import { z } from 'zod';
import { KnowledgeBase } from './knowledge-base.js';

/** The JSON Schema documents generated from the zod schemas (committed under docs/schema/). */
export function generateJsonSchemas(): Record<string, unknown> {
  return {
    'knowledge-base.schema.json': {
      ...z.toJSONSchema(KnowledgeBase, { io: 'output', target: 'draft-2020-12' }),
      $id: 'https://exoatlas.org/schema/knowledge-base.schema.json',
      title: 'ExoAtlas knowledge base',
      description: 'The whole knowledge base as `exoatlas export --json` prints it.',
    },
  };
}
