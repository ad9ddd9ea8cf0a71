import http from 'node:http';
import https from 'node:https';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';

export interface SendOptions {
  timeoutMs: number;
  /** Off by default: callbacks must not become a way to reach the server's own network. */
  allowPrivateAddresses: boolean;
}

export interface SendResult {
  statusCode: number | null;
  error: string | null;
  /** The first bytes of the reply, for the delivery log. */
  excerpt: string | null;
  retryAfter: string | undefined;
  /** The receiver can never be reached as configured (a private address): do not try again. */
  refused: boolean;
}

const EXCERPT_BYTES = 512;

/** One agent pair per setting: they keep connections alive to receivers across deliveries. */
export function createAgents(allowPrivateAddresses: boolean) {
  const options = { allowPrivateIPAddress: allowPrivateAddresses, keepAlive: true, maxSockets: 256 };
  return { http: new RequestFilteringHttpAgent(options), https: new RequestFilteringHttpsAgent(options) };
}

export type Agents = ReturnType<typeof createAgents>;

/** POSTs one callback. Redirects are not followed: a 3xx is the receiver's answer, not a new address. */
export function post(agents: Agents, url: string, body: string, headers: Record<string, string>, options: SendOptions): Promise<SendResult> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return resolve({ statusCode: null, error: 'invalid URL', excerpt: null, retryAfter: undefined, refused: true });
    }
    const isHttps = target.protocol === 'https:';
    const request = (isHttps ? https : http).request(target, {
      method: 'POST',
      agent: isHttps ? agents.https : agents.http,
      headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
      timeout: options.timeoutMs,
    });
    let settled = false;
    const finish = (result: SendResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    request.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        if (size < EXCERPT_BYTES) chunks.push(chunk);
        size += chunk.length;
      });
      res.on('end', () =>
        finish({
          statusCode: res.statusCode ?? null,
          error: null,
          excerpt: Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8'),
          retryAfter: header(res.headers['retry-after']),
          refused: false,
        }),
      );
      res.on('error', (error) => finish({ statusCode: res.statusCode ?? null, error: error.message, excerpt: null, retryAfter: undefined, refused: false }));
    });
    request.on('timeout', () => request.destroy(new Error(`timed out after ${options.timeoutMs} ms`)));
    request.on('error', (error) => {
      const refused = /is not allowed\. Because/.test(error.message);
      finish({
        statusCode: null,
        error: refused ? `refused: ${target.hostname} resolves to a private address (see --allow-private-callbacks)` : error.message,
        excerpt: null,
        retryAfter: undefined,
        refused,
      });
    });
    request.end(body);
  });
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
