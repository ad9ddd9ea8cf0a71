import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';
import { invalidField, type InvalidRequest } from '../domain/errors.js';

export interface RemoteFetchOptions {
  /** Off by default: a server must not be turned into a probe of its own network. */
  allowPrivateAddresses: boolean;
  timeoutMs: number;
  maxRedirects: number;
}

export interface RemoteBody {
  stream: Readable;
  mimeType: string;
}

/**
 * GET a public URL. Every hop, redirects included, connects only to addresses the filtering agent
 * allows, checked after DNS resolution so a name cannot point us at a private address.
 */
export function fetchRemote(url: string, options: RemoteFetchOptions): Promise<RemoteBody> {
  const agentOptions = { allowPrivateIPAddress: options.allowPrivateAddresses, keepAlive: false };
  const httpAgent = new RequestFilteringHttpAgent(agentOptions);
  const httpsAgent = new RequestFilteringHttpsAgent(agentOptions);

  const get = (target: URL, redirectsLeft: number): Promise<RemoteBody> =>
    new Promise((resolve, reject) => {
      const isHttps = target.protocol === 'https:';
      const client = isHttps ? https : http;
      const request = client.get(target, { agent: isHttps ? httpsAgent : httpAgent, timeout: options.timeoutMs }, (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          if (redirectsLeft === 0) return reject(importFailed(url, 'too many redirects'));
          const next = new URL(res.headers.location, target);
          if (next.protocol !== 'http:' && next.protocol !== 'https:') return reject(importFailed(url, 'redirect to a non-http URL'));
          return resolve(get(next, redirectsLeft - 1));
        }
        if (status !== 200) {
          res.resume();
          return reject(importFailed(url, `the server answered ${status}`));
        }
        resolve({ stream: res, mimeType: res.headers['content-type']?.split(';')[0]?.trim() || 'application/octet-stream' });
      });
      request.on('timeout', () => request.destroy(new Error('timed out')));
      request.on('error', (error) => reject(importFailed(url, error.message)));
    });

  return get(new URL(url), options.maxRedirects);
}

function importFailed(url: string, reason: string): InvalidRequest {
  return invalidField('file_url', `could not be fetched (${reason}): ${url}`);
}
