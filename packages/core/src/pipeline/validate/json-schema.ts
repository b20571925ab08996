import { z } from 'zod';
import { ConversationSchema, MessageSchema } from './conversation.js';
import { FindingSchema } from './finding.js';
import { ResultSchema } from './result.js';
import { ScorecardSchema } from './scorecard.js';

/**
 * JSON Schema (draft 2020-12) documents for non-TypeScript users, keyed by file name.
 *
 * @example
 * const conversationSchema = jsonSchemas()['conversation.schema.json'];
 */
export function jsonSchemas(): Record<string, unknown> {
  const doc = (schema: z.ZodType, id: string, io: 'input' | 'output') => ({
    $id: `https://cxqa.dev/schemas/${id}`,
    ...z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' }),
  });
  return {
    'conversation.schema.json': doc(ConversationSchema, 'conversation.schema.json', 'input'),
    'message.schema.json': doc(MessageSchema, 'message.schema.json', 'input'),
    'finding.schema.json': doc(FindingSchema, 'finding.schema.json', 'output'),
    'result.schema.json': doc(ResultSchema, 'result.schema.json', 'output'),
    'scorecard.schema.json': doc(ScorecardSchema, 'scorecard.schema.json', 'input'),
  };
}
