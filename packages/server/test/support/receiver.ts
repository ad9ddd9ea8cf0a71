import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: any;
  at: number;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** A customer's callback endpoint on loopback: records every request and answers as told. */
export interface Receiver {
  url: string;
  received: Received[];
  /** Decides each reply; by default 200. */
  reply: (req: Received, index: number) => Reply;
  waitFor(count: number, timeoutMs?: number, filter?: (r: Received) => boolean): Promise<Received[]>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const receiver: Receiver = {
    url: '',
    received,
    reply: () => ({ status: 200, body: 'ok' }),
    async waitFor(count, timeoutMs = 10_000, filter = () => true) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const matching = received.filter(filter);
        if (matching.length >= count) return matching;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`expected ${count} callbacks, got ${received.filter(filter).length}`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown = undefined;
      try {
        json = JSON.parse(body);
      } catch {
        // recorded as text
      }
      const entry: Received = { path: req.url ?? '/', headers: req.headers, body, json, at: Date.now() };
      received.push(entry);
      const reply = receiver.reply(entry, received.length - 1);
      res.writeHead(reply.status, reply.headers ?? {}).end(reply.body ?? '');
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return receiver;
}
