import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { callbackSettings } from '../domain/callbacks.js';
import { callbackBody } from '../delivery/payload.js';
import { defaultRetryPolicy, nextStep, retryAfterMs, type NextStep, type RetryPolicy } from '../delivery/retry-policy.js';
import { createAgents, post, type Agents, type SendResult } from '../delivery/sender.js';
import { signedHeaders } from '../delivery/signing.js';
import { HostLimiter } from '../delivery/host-limiter.js';
import type { DeliveryRow } from '../store/deliveries.js';
import { BackgroundLoop } from './loop.js';
import { ScopedStore, type Store } from '../store/index.js';

export interface DeliveryWorkerOptions {
  retry: RetryPolicy;
  /** Per attempt. */
  timeoutMs: number;
  /** How long a claim holds; a crashed worker's rows are retried once it passes. Longer than timeoutMs. */
  leaseMs: number;
  /** How often an idle worker looks for due rows. */
  pollMs: number;
  maxInFlight: number;
  perHost: number;
  allowPrivateAddresses: boolean;
  /** Bodies larger than this are not sent (the delivery fails and says why). */
  maxBodyBytes: number;
}

export const defaultDeliveryOptions: DeliveryWorkerOptions = {
  retry: defaultRetryPolicy,
  timeoutMs: 10_000,
  leaseMs: 60_000,
  pollMs: 100,
  maxInFlight: 64,
  perHost: 8,
  allowPrivateAddresses: false,
  maxBodyBytes: 10 * 1024 * 1024,
};

/**
 * Drains the outbox: claims due rows, POSTs them, records each attempt and schedules the next.
 * At least once: a row leaves `pending` only in the transaction that records its final attempt.
 */
export class DeliveryWorker {
  private readonly token = randomBytes(8).toString('hex');
  private readonly agents: Agents;
  private readonly limiter: HostLimiter;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly loop: BackgroundLoop;

  constructor(
    private readonly store: Store,
    private readonly options: DeliveryWorkerOptions,
    private readonly log?: FastifyBaseLogger,
  ) {
    this.agents = createAgents(options.allowPrivateAddresses);
    this.limiter = new HostLimiter(options.perHost);
    this.loop = new BackgroundLoop(() => this.claimRound(), options.pollMs, (error) => log?.error({ err: error }, 'delivery worker: claim failed'));
  }

  start(): void {
    this.loop.start();
  }

  /** Stops claiming and waits for what is in flight to settle. */
  async stop(): Promise<void> {
    await this.loop.stop();
    await Promise.allSettled([...this.inFlight]);
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  /** Claims as many due rows as there is room for; busy when it filled the room (more may be due). */
  private async claimRound(): Promise<boolean> {
    const room = this.options.maxInFlight - this.inFlight.size;
    if (room <= 0) return false;
    const claimed = await this.store.outbox.claim(this.token, Date.now(), this.options.leaseMs, room);
    for (const row of claimed) this.track(this.deliver(row));
    return claimed.length === room;
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => {
      this.inFlight.delete(work);
      // A slot came free while the loop napped on a full house.
      if (this.inFlight.size === this.options.maxInFlight - 1) this.loop.wake();
    });
  }

  private async deliver(row: DeliveryRow): Promise<void> {
    try {
      const scoped = this.store.scoped({ accountId: row.account_id, env: row.env });
      const started = Date.now();
      const body = await callbackBody(scoped, row);
      let result: SendResult;
      if (body === undefined) {
        result = { statusCode: null, error: 'the task or batch no longer exists', excerpt: null, retryAfter: undefined, refused: true };
      } else {
        const json = JSON.stringify(body);
        if (Buffer.byteLength(json) > this.options.maxBodyBytes) {
          result = { statusCode: null, error: `body over ${this.options.maxBodyBytes} bytes is not sent`, excerpt: null, retryAfter: undefined, refused: true };
        } else {
          result = await this.send(scoped, row, json);
        }
      }
      const finished = Date.now();
      const attempt = row.attempts + 1;
      const step: NextStep = result.refused
        ? { status: 'failed', nextAttemptAt: finished }
        : nextStep(this.options.retry, attempt, result.statusCode, finished, retryAfterMs(result.retryAfter, finished));
      await this.store.outbox.settle(
        row,
        this.token,
        { startedAt: started, durationMs: finished - started, statusCode: result.statusCode, error: result.error, responseExcerpt: result.excerpt },
        step,
        async (trx) => {
          if (row.task_id === null || step.status === 'pending') return;
          const tasks = new ScopedStore(trx, { accountId: row.account_id, env: row.env }, this.store.dialect).tasks;
          await tasks.update(row.task_id, { callbackSucceeded: step.status === 'delivered', updatedAt: finished });
        },
      );
    } catch (error) {
      // The claim lapses and the row is tried again: at least once, never lost.
      this.log?.error({ err: error, delivery: row.id }, 'delivery worker: attempt failed to settle');
    }
  }

  private async send(scoped: ScopedStore, row: DeliveryRow, json: string): Promise<SendResult> {
    const settings = await callbackSettings(scoped);
    const secrets = [settings.webhook_secret];
    if (settings.previous_webhook_secret && (settings.previous_secret_expires_at ?? 0) > Date.now()) {
      secrets.push(settings.previous_webhook_secret);
    }
    const headers = {
      'user-agent': 'Tessera-Callbacks/1',
      'scale-callback-auth': settings.callback_auth_key,
      ...signedHeaders(secrets, `msg_${row.id}`, Math.floor(Date.now() / 1000), json),
    };
    let host: string;
    try {
      host = new URL(row.url).host;
    } catch {
      host = row.url;
    }
    return this.limiter.run(host, () =>
      post(this.agents, row.url, json, headers, { timeoutMs: this.options.timeoutMs, allowPrivateAddresses: this.options.allowPrivateAddresses }),
    );
  }
}
