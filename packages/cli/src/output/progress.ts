/**
 * Progress on a terminal stream: rewrites one line at most every 250 ms; silent elsewhere or
 * when `enabled` is false. `done()` erases the line: call it before writing anything else.
 */
export function createProgress(stream: { write(chunk: string): unknown; isTTY?: boolean }, label: string, enabled = Boolean(stream.isTTY)) {
  const started = Date.now();
  let last = 0;
  let shown = false;
  let count = 0;
  return {
    tick(): void {
      count++;
      if (!enabled) return;
      const now = Date.now();
      if (now - last < 250) return;
      last = now;
      shown = true;
      const rate = count / Math.max(0.001, (now - started) / 1000);
      stream.write(`\r${label} ${count.toLocaleString('en')} (${Math.round(rate).toLocaleString('en')}/s)`);
    },
    done(): void {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
