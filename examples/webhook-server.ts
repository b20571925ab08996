/**
 * A minimal helpdesk webhook: POST a Conversation as JSON to /inspect, get the Result back.
 *
 *   pnpm example:webhook            # listens on 127.0.0.1:8787
 *   curl -s -X POST localhost:8787/inspect -H 'content-type: application/json' -d @conversation.json
 */
import { createServer, type Server } from 'node:http';
import { createInspector, type Inspector } from '@cxqa/core';

const MAX_BODY = 5 * 1024 * 1024;

/** Create (not start) the server; tests call `listen(0, '127.0.0.1')` on it. */
export function createWebhookServer(inspector: Inspector = createInspector()): Server {
  return createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || req.url !== '/inspect') return send(404, { error: 'POST /inspect' });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) return send(413, { error: `body larger than ${MAX_BODY} bytes` });
      chunks.push(chunk as Buffer);
    }
    let conversation: unknown;
    try {
      conversation = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch (e) {
      return send(400, { error: `body is not JSON: ${(e as Error).message}` });
    }
    const result = await inspector.inspect(conversation);
    // An invalid conversation is the caller's mistake (422); the Result still says exactly why.
    send(result.status === 'invalid' ? 422 : 200, result);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 8787);
  createWebhookServer().listen(port, '127.0.0.1', () => process.stdout.write(`cxqa webhook on http://127.0.0.1:${port}/inspect\n`));
}
