import type { Selectable } from 'kysely';
import type { Scope } from '../domain/scope.js';
import type { Database, Db } from './database.js';
import type { DeliveriesTable, DeliveryAttemptsTable, DeliveryStatus } from './tables.js';

export type DeliveryRow = Selectable<DeliveriesTable>;
export type AttemptRow = Selectable<DeliveryAttemptsTable>;

export interface NewDelivery {
  id: string;
  event: string;
  taskId: string | null;
  batchId: string | null;
  url: string;
  now: number;
}

/** An account's view of its outbox: writing owed callbacks and reading the delivery log. */
export class DeliveryStore {
  constructor(
    private readonly db: Db,
    private readonly scope: Scope,
  ) {}

  async enqueue(d: NewDelivery): Promise<void> {
    await this.db
      .insertInto('deliveries')
      .values({
        id: d.id,
        account_id: this.scope.accountId,
        env: this.scope.env,
        event: d.event,
        task_id: d.taskId,
        batch_id: d.batchId,
        url: d.url,
        status: 'pending',
        attempts: 0,
        next_attempt_at: d.now,
        claim_token: null,
        claimed_until: null,
        last_status_code: null,
        last_error: null,
        created_at: d.now,
        updated_at: d.now,
        delivered_at: null,
      })
      .execute();
  }

  /** Newest first, keyset-paged by id. */
  async list(filter: { taskId?: string }, limit: number, beforeId?: string): Promise<DeliveryRow[]> {
    let q = this.db
      .selectFrom('deliveries')
      .selectAll()
      .where('account_id', '=', this.scope.accountId)
      .where('env', '=', this.scope.env);
    if (filter.taskId !== undefined) q = q.where('task_id', '=', filter.taskId);
    if (beforeId !== undefined) q = q.where('id', '<', beforeId);
    return q.orderBy('id', 'desc').limit(limit).execute();
  }

  /** The attempts of deliveries already known to be this account's. */
  async attemptsOf(deliveryIds: string[]): Promise<AttemptRow[]> {
    if (deliveryIds.length === 0) return [];
    return this.db
      .selectFrom('delivery_attempts')
      .selectAll()
      .where('delivery_id', 'in', deliveryIds)
      .orderBy('delivery_id')
      .orderBy('attempt')
      .execute();
  }
}

export interface AttemptOutcome {
  startedAt: number;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  responseExcerpt: string | null;
}

/**
 * The delivery worker's side of the outbox. It works for every account at once, so it is not scoped;
 * it only moves rows it holds a claim on.
 */
export class OutboxQueue {
  constructor(
    private readonly database: Database,
    /** The store's way of running a transaction (on SQLite, one that shares its commit with others). */
    private readonly transaction: <T>(work: (trx: Db) => Promise<T>) => Promise<T>,
  ) {}

  /**
   * Claims up to `limit` due rows until `now + leaseMs`. On PostgreSQL, FOR UPDATE SKIP LOCKED lets
   * several processes claim side by side without taking the same row; SQLite has one writer anyway.
   */
  async claim(token: string, now: number, leaseMs: number, limit: number): Promise<DeliveryRow[]> {
    const { dialect } = this.database;
    return this.transaction(async (trx) => {
      let due = trx
        .selectFrom('deliveries')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
        .orderBy('next_attempt_at')
        .limit(limit);
      if (dialect === 'postgres') due = due.forUpdate().skipLocked();
      const ids = (await due.execute()).map((r) => r.id);
      if (ids.length === 0) return [];
      return trx
        .updateTable('deliveries')
        .set({ claim_token: token, claimed_until: now + leaseMs })
        .where('id', 'in', ids)
        .returningAll()
        .execute();
    });
  }

  /**
   * Records an attempt and moves the row on, only while our claim holds. Returns false when the
   * claim was lost (the lease ran out and another worker took the row).
   */
  async settle(
    row: DeliveryRow,
    token: string,
    outcome: AttemptOutcome,
    next: { status: DeliveryStatus; nextAttemptAt: number },
    onSettled: (trx: Db) => Promise<void>,
  ): Promise<boolean> {
    const now = outcome.startedAt + outcome.durationMs;
    return this.transaction(async (trx) => {
      const attempt = row.attempts + 1;
      const updated = await trx
        .updateTable('deliveries')
        .set({
          status: next.status,
          attempts: attempt,
          next_attempt_at: next.nextAttemptAt,
          claim_token: null,
          claimed_until: null,
          last_status_code: outcome.statusCode,
          last_error: outcome.error,
          updated_at: now,
          delivered_at: next.status === 'delivered' ? now : null,
        })
        .where('id', '=', row.id)
        .where('claim_token', '=', token)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return false;
      await trx
        .insertInto('delivery_attempts')
        .values({
          delivery_id: row.id,
          attempt,
          started_at: outcome.startedAt,
          duration_ms: outcome.durationMs,
          status_code: outcome.statusCode,
          error: outcome.error,
          response_excerpt: outcome.responseExcerpt,
        })
        .execute();
      await onSettled(trx);
      return true;
    });
  }

  /** When the next row falls due, so an idle worker can sleep until then. */
  async nextDueAt(): Promise<number | undefined> {
    const row = await this.database.db
      .selectFrom('deliveries')
      .select((eb) => eb.fn.min('next_attempt_at').as('at'))
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return row?.at === null || row?.at === undefined ? undefined : Number(row.at);
  }
}
