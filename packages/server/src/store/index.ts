import type { Scope } from '../domain/scope.js';
import { AccountStore } from './accounts.js';
import { BatchStore } from './batches.js';
import { TaskCountStore } from './counts.js';
import type { Database, Db, Dialect } from './database.js';
import { FileStore } from './files.js';
import { ProjectStore } from './projects.js';
import { TaskStore } from './tasks.js';
import { CallbackSettingsStore } from './callback-settings.js';
import { DeliveryStore, OutboxQueue } from './deliveries.js';
import { IdentityStore, PeopleStore } from './people.js';
import { WorkStore } from './work.js';
import { GroupCommitter } from './group-commit.js';
import { GroupStore } from './groups.js';

/** Everything one account may read or write in one environment, over one connection or transaction. */
export class ScopedStore {
  readonly projects: ProjectStore;
  readonly batches: BatchStore;
  readonly tasks: TaskStore;
  readonly counts: TaskCountStore;
  readonly files: FileStore;
  readonly deliveries: DeliveryStore;
  readonly callbackSettings: CallbackSettingsStore;
  /** The account's people and work queue span both environments. */
  readonly people: PeopleStore;
  readonly work: WorkStore;
  readonly groups: GroupStore;

  constructor(
    private readonly db: Db,
    readonly scope: Scope,
    private readonly dialect: Dialect,
  ) {
    this.projects = new ProjectStore(db, scope);
    this.batches = new BatchStore(db, scope);
    this.tasks = new TaskStore(db, scope);
    this.counts = new TaskCountStore(db, scope, dialect === 'postgres' ? 16 : 1);
    this.files = new FileStore(db, scope);
    this.deliveries = new DeliveryStore(db, scope);
    this.callbackSettings = new CallbackSettingsStore(db, scope);
    this.people = new PeopleStore(db, scope.accountId);
    this.work = new WorkStore(db, dialect, scope.accountId);
    this.groups = new GroupStore(db, scope.accountId);
  }

  /** The same connection or transaction, seen from the account's other environment. */
  inEnv(env: Scope['env']): ScopedStore {
    return env === this.scope.env ? this : new ScopedStore(this.db, { ...this.scope, env }, this.dialect);
  }
}

export class Store {
  readonly accounts: AccountStore;
  readonly outbox: OutboxQueue;
  readonly identity: IdentityStore;

  /** SQLite only: concurrent transactions share commits (PostgreSQL runs them side by side instead). */
  private readonly grouped: GroupCommitter | undefined;

  constructor(private readonly database: Database) {
    this.grouped = database.dialect === 'sqlite' ? new GroupCommitter(database.db) : undefined;
    this.accounts = new AccountStore(database.db);
    this.outbox = new OutboxQueue(database, (work) => this.transact(work));
    this.identity = new IdentityStore(database.db);
  }

  get dialect(): Dialect {
    return this.database.dialect;
  }

  get db(): Db {
    return this.database.db;
  }

  /**
   * An account's people, work queue and projects, which span both environments. It reads tasks in
   * `live` until `inEnv` says otherwise: callers switch to a task's own environment before touching it.
   */
  account(accountId: string): ScopedStore {
    return this.scoped({ accountId, env: 'live' });
  }

  scoped(scope: Scope): ScopedStore {
    return new ScopedStore(this.database.db, scope, this.database.dialect);
  }

  /** Runs `work` in one transaction: all of it commits, or none of it. */
  transaction<T>(scope: Scope, work: (store: ScopedStore) => Promise<T>): Promise<T> {
    return this.transact((trx) => work(new ScopedStore(trx, scope, this.database.dialect)));
  }

  private transact<T>(work: (trx: Db) => Promise<T>): Promise<T> {
    return this.grouped ? this.grouped.run(work) : this.database.db.transaction().execute(work);
  }

  close(): Promise<void> {
    return this.database.close();
  }
}

export { openDatabase, isPostgresUrl, isUniqueViolation } from './database.js';
export type { Database, Db, Dialect } from './database.js';
