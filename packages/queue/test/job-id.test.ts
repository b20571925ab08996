import { createInspector } from '@cxqa/core';
import { describe, expect, it } from 'vitest';
import { conversationJobId, versionsKey } from '../src/index.js';

const versions = createInspector().versions;
const conversation = { id: 'c:1/é', messages: [{ role: 'customer', text: 'Hi', at: '2026-01-05T10:00:00Z' }] };

describe('conversationJobId', () => {
  it('is the same for the same conversation and versions, whatever the key order', () => {
    const reordered = { messages: [{ at: '2026-01-05T10:00:00Z', text: 'Hi', role: 'customer' }], id: 'c:1/é' };
    expect(conversationJobId({ line: 1, value: conversation }, versions)).toBe(conversationJobId({ line: 9, value: reordered }, versions));
  });

  it('changes with the content and with any version; never holds a ":" (BullMQ splits keys on it)', () => {
    const id = conversationJobId({ line: 1, value: conversation }, versions);
    expect(id).not.toContain(':');
    expect(id.startsWith(`${encodeURIComponent('c:1/é')}|`)).toBe(true);
    const edited = { ...conversation, messages: [{ ...conversation.messages[0]!, text: 'Hi!' }] };
    expect(conversationJobId({ line: 1, value: edited }, versions)).not.toBe(id);
    const newer = { ...versions, analyzers: { ...versions.analyzers, timing: '999' } };
    expect(versionsKey(newer)).not.toBe(versionsKey(versions));
    expect(conversationJobId({ line: 1, value: conversation }, newer)).not.toBe(id);
  });

  it('names a record without an id by its line', () => {
    expect(conversationJobId({ line: 7, error: 'line 7 is not valid JSON' }, versions)).toMatch(/^line-7\|[0-9a-f]{16}\|[0-9a-f]{12}$/);
    expect(conversationJobId({ line: 7, error: 'bad', id: 'x1' }, versions)).toMatch(/^x1\|/);
  });
});
