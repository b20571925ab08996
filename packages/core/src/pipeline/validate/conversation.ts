import { z } from 'zod';

/** Who wrote a message. `bot` and `system` never count as an agent reply. */
export const RoleSchema = z.enum(['customer', 'agent', 'bot', 'system']);

/** ISO-8601 timestamp that carries an explicit offset (`Z` or `+08:00`). */
export const TimestampSchema = z.iso.datetime({
  offset: true,
  local: false,
  error: 'expected an RFC 3339 timestamp with seconds and an offset, e.g. 2026-03-02T10:00:00+01:00 or …Z (not +0100, not a local time)',
});

export const MessageSchema = z.object({
  role: RoleSchema,
  text: z.string(),
  at: TimestampSchema,
  authorId: z.string().optional(),
  language: z.string().min(2).optional(),
});

export const CustomerSchema = z.object({
  id: z.string().optional(),
  /** An e-mail, phone number or handle that recognises the customer across channels; only its salted hash reaches a result (`customerKey`). */
  contact: z.string().optional(),
  country: z.string().length(2).toUpperCase().optional(),
  timezone: z.string().optional(),
  locale: z.string().optional(),
});

export const ConversationSchema = z.object({
  id: z.string().min(1),
  channel: z.string().optional(),
  platform: z.string().optional(),
  inquiryType: z.string().optional(),
  customer: CustomerSchema.optional(),
  agentId: z.string().optional(),
  csat: z.number().optional(),
  resolved: z.boolean().optional(),
  messages: z.array(MessageSchema),
  metadata: z.record(z.string(), z.unknown()).optional(),
});

export type Role = z.infer<typeof RoleSchema>;
export type Message = z.infer<typeof MessageSchema>;
export type Customer = z.infer<typeof CustomerSchema>;
export type Conversation = z.infer<typeof ConversationSchema>;
/** What callers may pass in before validation (e.g. country in lower case). */
export type ConversationInput = z.input<typeof ConversationSchema>;
