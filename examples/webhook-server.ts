/**
 * A minimal helpdesk webhook: POST a Conversation as JSON to /inspect, get the Result back.
 *
 *   pnpm example:webhook            # listens on 127.0.0.1:8787
 *   curl -s -X POST localhost:8787/inspect -H 'content-type: application/json' -d @conversation.json
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createInspector, type Inspector } from '@cxqa/core';

const MAX_BODY = 5 * 1024 * 1024;

/** Create (not start) the server; tests call `listen(0, '127.0.0.1')` on it. */
export function createWebhookServer(inspector: Inspector = createInspector()): Server {
  return createServer((req, res) => {
    handle(inspector, req, res).catch((e: unknown) => {
      // never the body, never the message of a parse error (it can quote the body): the kind only
      process.stderr.write(
        `webhook: request failed (${(e as Error)?.name ?? 'error'}${(e as NodeJS.ErrnoException)?.code ? ` ${(e as NodeJS.ErrnoException).code}` : ''})\n`,
      );
      if (!res.headersSent && !res.destroyed) send(res, 500, { error: 'internal error' });
    });
  });
}

async function handle(inspector: Inspector, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST' || req.url !== '/inspect') return send(res, 404, { error: 'POST /inspect' });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return send(res, 413, { error: `body larger than ${MAX_BODY} bytes` });
    chunks.push(chunk as Buffer);
  }
  let conversation: unknown;
  try {
    conversation = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    // V8's message quotes the body, which may hold personal data: say what is wrong, not what was sent
    return send(res, 400, { error: 'body is not valid JSON' });
  }
  const result = await inspector.inspect(conversation);
  // An invalid conversation is the caller's mistake (422); the Result still says exactly why.
  send(res, result.status === 'invalid' ? 422 : 200, result);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 8787);
  createWebhookServer().listen(port, '127.0.0.1', () => process.stdout.write(`cxqa webhook on http://127.0.0.1:${port}/inspect\n`));
}
