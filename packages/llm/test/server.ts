/**
 * A real HTTP server speaking the OpenAI chat-completions shape on 127.0.0.1, scripted per test.
 * The `openai` SDK reaches it through `baseURL` exactly as it reaches a provider.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
  temperature?: number;
  seed?: number;
  max_tokens?: number;
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: Record<string, unknown> } };
}

export interface Scripted {
  status?: number;
  headers?: Record<string, string>;
  /** A body object (sent as JSON) or raw text. */
  body?: unknown;
  /** Wait before answering. */
  delayMs?: number;
}

export type Handler = (req: ChatRequest, n: number, headers: IncomingHttpHeaders) => Scripted | Promise<Scripted>;

export interface FakeServer {
  baseURL: string;
  requests: { body: ChatRequest; headers: IncomingHttpHeaders; at: number }[];
  /** Replace the handler. */
  handle(h: Handler): void;
  close(): Promise<void>;
}

/** A chat.completion body whose message content is `content` (an object is JSON-encoded). */
export function completion(content: unknown, usage = { prompt_tokens: 100, completion_tokens: 50 }): Scripted {
  return {
    body: {
      id: 'chatcmpl-test',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'test-model',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: typeof content === 'string' ? content : JSON.stringify(content), refusal: null },
          finish_reason: 'stop',
          logprobs: null,
        },
      ],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    },
  };
}

/** An OpenAI-style error body. */
export function apiError(status: number, message: string, headers: Record<string, string> = {}): Scripted {
  return { status, headers, body: { error: { message, type: 'invalid_request_error', param: null, code: null } } };
}

/** The transcript lines the judge sent: index → role and decoded text. */
export function transcriptOf(req: ChatRequest): { index: number; role: string; text: string }[] {
  const user = req.messages.find((m) => m.role === 'user')!.content;
  const open = /<transcript id="([0-9a-f]+)">\n/.exec(user)!;
  const body = user.slice(open.index + open[0].length, user.indexOf(`\n</transcript id="${open[1]}">`));
  return body
    .split('\n')
    .filter((l) => /^\[\d+\] /.test(l))
    .map((l) => {
      const m = /^\[(\d+)\] (\w+): (".*")$/.exec(l)!;
      return { index: Number(m[1]), role: m[2]!, text: JSON.parse(m[3]!) as string };
    });
}

/** Question ids asked, in order. */
export function questionIdsOf(req: ChatRequest): string[] {
  const user = req.messages.find((m) => m.role === 'user')!.content;
  return [...user.matchAll(/^\d+\. id=([a-z0-9_]+) /gm)].map((m) => m[1]!);
}

export async function startServer(handler: Handler = () => apiError(500, 'no handler')): Promise<FakeServer> {
  let h = handler;
  let n = 0;
  const requests: FakeServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', async () => {
      const body = JSON.parse(raw) as ChatRequest;
      requests.push({ body, headers: req.headers, at: Date.now() });
      const s = await h(body, n++, req.headers);
      const send = () => {
        if (res.destroyed) return;
        const text = typeof s.body === 'string' ? s.body : JSON.stringify(s.body ?? {});
        res.writeHead(s.status ?? 200, { 'content-type': 'application/json', ...s.headers });
        res.end(text);
      };
      if (s.delayMs) {
        const t = setTimeout(send, s.delayMs);
        res.on('close', () => clearTimeout(t));
      } else send();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    handle: (next) => void (h = next),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
