import { once } from 'node:events';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLineWriter } from '../src/output/line-writer.js';

/** A stream that records each chunk its `_writev` / `_write` receives and answers after `delayMs`. */
function recorder(highWaterMark: number, delayMs = 0) {
  const calls: string[][] = [];
  const stream = new Writable({
    highWaterMark,
    decodeStrings: false,
    writev(chunks, cb) {
      calls.push(chunks.map((c) => String(c.chunk)));
      setTimeout(cb, delayMs);
    },
    write(chunk, _enc, cb) {
      calls.push([String(chunk)]);
      setTimeout(cb, delayMs);
    },
  });
  return { stream, calls };
}

describe('createLineWriter', () => {
  it('hands the lines of one turn to the stream together, and those of a later turn in a later call', async () => {
    const { stream, calls } = recorder(1 << 20);
    const lines = createLineWriter(stream);
    for (const l of ['a\n', 'b\n', 'c\n']) await lines.write(l);
    await new Promise((r) => setImmediate(r));
    await lines.write('d\n');
    await lines.flush();
    stream.end();
    await once(stream, 'finish');
    expect(calls).toEqual([['a\n', 'b\n', 'c\n'], ['d\n']]);
  });

  it('waits for drain when the stream is full and loses or reorders nothing', async () => {
    const { stream, calls } = recorder(16, 2);
    const lines = createLineWriter(stream);
    const sent = Array.from({ length: 200 }, (_, i) => `line ${i}\n`);
    let maxBuffered = 0;
    for (const l of sent) {
      await lines.write(l);
      maxBuffered = Math.max(maxBuffered, stream.writableLength);
    }
    await lines.flush();
    stream.end();
    await once(stream, 'finish');
    expect(calls.flat()).toEqual(sent);
    expect(maxBuffered).toBeLessThan(16 + 16); // never more than one line past the high-water mark
  });
});
