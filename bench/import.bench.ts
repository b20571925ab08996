/**
 * `cxqa import` throughput and memory: a generated Zendesk export of N tickets (the first
 * fixture ticket with new ids), as NDJSON and as one JSON array, fed in 64 kB chunks the way a
 * file stream delivers it. Reports tickets per second and the peak heap growth while importing,
 * next to the export's size: streaming keeps the heap far below the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importConversations } from '../packages/cli/src/importers/index.js';
import type { BenchRow } from './report.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'importers', 'zendesk', 'export.ndjson');

function chunks(text: string, size = 1 << 16): Buffer[] {
  const bytes = Buffer.from(text);
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

export async function benchImport(tickets: number, log: (s: string) => void): Promise<BenchRow[]> {
  const ticket = JSON.parse(readFileSync(FIXTURE, 'utf8').split('\n')[0]!);
  const records = Array.from({ length: tickets }, (_, i) => JSON.stringify({ ...ticket, id: i + 1 }));
  const layouts: [string, string][] = [
    ['ndjson', records.join('\n')],
    ['array', `[${records.join(',\n')}]`],
  ];
  const rows: BenchRow[] = [];
  for (const [layout, text] of layouts) {
    const input = chunks(text);
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let converted = 0;
    const t0 = performance.now();
    for await (const outcome of importConversations('zendesk', input)) {
      if ('conversation' in outcome) converted++;
      if (converted % 500 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    const seconds = (performance.now() - t0) / 1000;
    if (converted !== tickets) throw new Error(`import bench: ${converted} of ${tickets} tickets converted`);
    const mb = (n: number) => Math.round(n / 1e5) / 10;
    log(`import.zendesk.${layout}: ${tickets} tickets, ${mb(Buffer.byteLength(text))} MB in ${seconds.toFixed(1)} s`);
    rows.push(
      { benchmark: `import.zendesk.${layout}`, subject: 'cxqa', metric: 'tickets_per_second', value: Math.round(tickets / seconds), unit: 'tickets/s' },
      { benchmark: `import.zendesk.${layout}`, subject: 'cxqa', metric: 'export_mb', value: mb(Buffer.byteLength(text)), unit: 'MB' },
      { benchmark: `import.zendesk.${layout}`, subject: 'cxqa', metric: 'peak_heap_growth_mb', value: mb(peak - before), unit: 'MB' },
    );
  }
  return rows;
}
