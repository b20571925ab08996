import { once } from 'node:events';
import type { Writable } from 'node:stream';

export interface LineWriter {
  /** Write `text` (one or more whole lines); resolves at once unless the stream asked to wait ('drain'). */
  write(text: string): Promise<void>;
  /** Let what is corked out and wait until the stream has taken it (call before closing the stream). */
  flush(): Promise<void>;
}

/**
 * Lines to `out`, corked for one turn of the event loop: the lines written in one turn (a batch of
 * results from a worker) reach the stream's `_writev` together, one system call for a pipe or a
 * file instead of one per line, with no joining of strings in JavaScript. Nothing waits for a next
 * result: the cork is lifted as soon as the loop is idle, so results still stream when input
 * trickles in. Honours backpressure: a write the stream refuses waits for 'drain'.
 */
export function createLineWriter(out: Writable): LineWriter {
  let corked = false;
  const uncork = () => {
    if (!corked) return;
    corked = false;
    out.uncork();
  };
  return {
    async write(text) {
      if (!corked) {
        corked = true;
        out.cork();
        setImmediate(uncork);
      }
      if (!out.write(text)) {
        uncork();
        await once(out, 'drain');
      }
    },
    async flush() {
      uncork();
      if (out.writableNeedDrain) await once(out, 'drain');
    },
  };
}
