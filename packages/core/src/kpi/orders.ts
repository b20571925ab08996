import { z } from 'zod';
import { TimestampSchema } from '../pipeline/validate/conversation.js';

/** One order: tied to a conversation by id, or to a customer key and a time (within the conversion window). */
export const OrderSchema = z
  .object({ conversationId: z.string().min(1).optional(), customerKey: z.string().min(1).optional(), at: TimestampSchema.optional() })
  .refine((o) => o.conversationId !== undefined || (o.customerKey !== undefined && o.at !== undefined), {
    message: 'an order needs conversationId, or customerKey and at',
  });
export type Order = z.infer<typeof OrderSchema>;

/** Orders indexed for the question "did this conversation convert?". */
export class OrderIndex {
  private readonly conversations = new Set<string>();
  private readonly byCustomer = new Map<string, number[]>();

  constructor(orders: Iterable<Order>) {
    for (const o of orders) {
      if (o.conversationId !== undefined) this.conversations.add(o.conversationId);
      if (o.customerKey !== undefined && o.at !== undefined) {
        const list = this.byCustomer.get(o.customerKey) ?? [];
        list.push(Date.parse(o.at));
        this.byCustomer.set(o.customerKey, list);
      }
    }
  }

  /** True when an order names the conversation, or the customer ordered within `windowSeconds` after `startMs`. */
  converted(conversationId: string | null, customerKey: string | null, startMs: number, windowSeconds: number): boolean {
    if (conversationId !== null && this.conversations.has(conversationId)) return true;
    const times = customerKey === null ? undefined : this.byCustomer.get(customerKey);
    return times?.some((t) => t >= startMs && t - startMs <= windowSeconds * 1000) ?? false;
  }
}
