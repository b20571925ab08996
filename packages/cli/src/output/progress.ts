/** Progress on a terminal stream: rewrites one line at most every 250 ms; silent elsewhere. */
export function createProgress(stream: { write(chunk: string): unknown; isTTY?: boolean }, label: string) {
  const enabled = Boolean(stream.isTTY);
  const started = Date.now();
  let last = 0;
  let count = 0;
  return {
    tick(): void {
      count++;
      if (!enabled) return;
      const now = Date.now();
      if (now - last < 250) return;
      last = now;
      const rate = count / Math.max(0.001, (now - started) / 1000);
      stream.write(`\r${label} ${count.toLocaleString('en')} (${Math.round(rate).toLocaleString('en')}/s)`);
    },
    done(): void {
      if (enabled && last) stream.write('\r\x1b[K');
    },
  };
}
