import { Command, InvalidArgumentError, Option } from 'commander';
import { bootstrapIfEmpty, ensureAccount, type FirstRun } from './domain/accounts.js';
import { createApiKey, revokeApiKey } from './domain/api-keys.js';
import { defaultRetryPolicy } from './delivery/retry-policy.js';
import { openStore, startServer, startWorkers } from './server.js';
import type { DeliveryWorkerOptions } from './workers/delivery-worker.js';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('must be a port number (0-65535)');
  return n;
}

const dataOption = () => new Option('--data <dir>', 'data directory (SQLite file, uploads)').default('./data');
const poolOption = () => new Option('--db-pool <n>', 'PostgreSQL connections per process (default 20)').argParser(nonNegative);
const dbOption = () =>
  new Option('--db <url>', 'database URL: postgres://… for PostgreSQL (default: SQLite in the data directory)').env(
    'TESSERA_DATABASE_URL',
  );

function firstRunBanner(firstRun: FirstRun, url: string): string {
  return `

First start: created account "${firstRun.accountName}".
  Test API key: ${firstRun.testKey}
  Live API key: ${firstRun.liveKey}
  Sign in at ${url} as ${firstRun.adminEmail} with password ${firstRun.adminPassword}
These are shown once; keys and passwords are stored only as hashes.
Try:  curl -u ${firstRun.testKey}: ${url}/v1/projects`;
}

const program = new Command('tessera').description('Tessera: a self-hosted data-labeling server that speaks Scale’s v1 API');

interface CallbackFlags {
  allowPrivateCallbacks: boolean;
  callbackMaxAttempts?: number;
  callbackRetryMs?: number;
  callbackTimeoutMs?: number;
  callbackLeaseMs?: number;
}

function nonNegative(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('must be a non-negative number');
  return n;
}

/** Delivery flags shared by `serve` and `worker`. */
function withCallbackOptions(command: Command): Command {
  return command
    .option('--allow-private-callbacks', 'deliver callbacks to private and loopback addresses (local testing only)', false)
    .addOption(new Option('--callback-max-attempts <n>', 'tries per callback (default 20)').argParser(nonNegative))
    .addOption(new Option('--callback-retry-ms <ms>', 'first retry delay; doubles each try (default 30000)').argParser(nonNegative))
    .addOption(new Option('--callback-timeout-ms <ms>', 'per-attempt timeout (default 10000)').argParser(nonNegative))
    .addOption(new Option('--callback-lease-ms <ms>', 'how long a worker holds a claimed callback (default 60000)').argParser(nonNegative));
}

function deliveryConfig(flags: CallbackFlags): Partial<DeliveryWorkerOptions> {
  const retry = { ...defaultRetryPolicy };
  if (flags.callbackMaxAttempts !== undefined) retry.maxAttempts = flags.callbackMaxAttempts;
  if (flags.callbackRetryMs !== undefined) retry.initialDelayMs = flags.callbackRetryMs;
  return {
    retry,
    allowPrivateAddresses: flags.allowPrivateCallbacks,
    ...(flags.callbackTimeoutMs !== undefined ? { timeoutMs: flags.callbackTimeoutMs } : {}),
    ...(flags.callbackLeaseMs !== undefined ? { leaseMs: flags.callbackLeaseMs } : {}),
  };
}

interface ServeFlags extends CallbackFlags {
  port: number;
  host: string;
  data: string;
  db?: string;
  dbPool?: number;
  publicUrl?: string;
  allowPrivateFetch: boolean;
  workers: boolean;
  rateLimit: number;
  trustProxy: boolean;
  quiet: boolean;
}

withCallbackOptions(
  program
    .command('serve')
    .description('start the server (API, web app, callback delivery); migrations apply at start')
    .addOption(new Option('--port <port>', 'port to listen on').default(8080).argParser(port).env('PORT'))
    .addOption(new Option('--host <host>', 'address to bind').default('0.0.0.0'))
    .addOption(dataOption())
    .addOption(dbOption())
    .addOption(poolOption())
    .addOption(new Option('--public-url <url>', 'base URL clients reach this server at (for attachment URLs)').env('TESSERA_PUBLIC_URL'))
    .option('--trust-proxy', 'believe X-Forwarded-* headers (behind a load balancer you run)', false)
    .option('--allow-private-fetch', 'let file imports fetch private and loopback addresses (local testing only)', false)
    .option('--no-workers', 'serve HTTP only; run `tessera worker` elsewhere to deliver callbacks')
    .addOption(new Option('--rate-limit <n>', 'requests per minute per API key on /v1 (0: unlimited)').default(6000).argParser(nonNegative))
    .option('--quiet', 'no request logs', false),
).action(async (opts: ServeFlags) => {
  const store = await openStore({ dataDir: opts.data, databaseUrl: opts.db, databasePoolSize: opts.dbPool });
  const firstRun = await bootstrapIfEmpty(store);
  const server = await startServer(
    {
      port: opts.port,
      host: opts.host,
      dataDir: opts.data,
      databaseUrl: opts.db,
      publicUrl: opts.publicUrl,
      allowPrivateFetch: opts.allowPrivateFetch,
      logger: !opts.quiet,
      workers: opts.workers,
      delivery: deliveryConfig(opts),
      rateLimit: opts.rateLimit > 0 ? { max: opts.rateLimit, windowMs: 60_000 } : undefined,
      trustProxy: opts.trustProxy,
    },
    store,
  );
  const where = opts.db ? 'PostgreSQL' : `SQLite in ${opts.data}`;
  // One write, so whoever reads our output sees the banner whole.
  console.log(`Tessera is listening on ${server.url} (${where})${firstRun ? firstRunBanner(firstRun, server.url) : ''}`);
  stopOnSignal(() => server.close());
});

withCallbackOptions(
  program
    .command('worker')
    .description('deliver callbacks and run test-mode autocomplete, without serving HTTP')
    .addOption(dataOption())
    .addOption(dbOption()),
).action(async (opts: CallbackFlags & { data: string; db?: string }) => {
  const store = await openStore({ dataDir: opts.data, databaseUrl: opts.db });
  const workers = startWorkers(store, { delivery: deliveryConfig(opts) });
  console.log('Tessera worker is running');
  stopOnSignal(async () => {
    await workers.stop();
    await store.close();
  });
});

function stopOnSignal(stop: () => Promise<void>): void {
  const handler = () => {
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}

const keys = program.command('keys').description('manage API keys');
keys
  .command('create')
  .description('create an API key; prints it alone as the last line')
  .addOption(new Option('--env <env>', 'environment of the key').choices(['test', 'live']).makeOptionMandatory())
  .option('--account <name>', 'account name (created if missing; default: the first account)')
  .addOption(dataOption())
  .addOption(dbOption())
  .action(async (opts: { env: 'test' | 'live'; account?: string; data: string; db?: string }) => {
    const store = await openStore({ dataDir: opts.data, databaseUrl: opts.db });
    try {
      let accountId: string;
      if (opts.account) accountId = await ensureAccount(store, opts.account);
      else {
        await bootstrapIfEmpty(store);
        const first = await store.accounts.firstAccount();
        if (!first) throw new Error('no account');
        accountId = first.id;
      }
      console.log(await createApiKey(store, accountId, opts.env));
    } finally {
      await store.close();
    }
  });

keys
  .command('revoke')
  .description('revoke an API key: it stops working at once')
  .argument('<key>', 'the key to revoke')
  .addOption(dataOption())
  .addOption(dbOption())
  .action(async (key: string, opts: { data: string; db?: string }) => {
    const store = await openStore({ dataDir: opts.data, databaseUrl: opts.db });
    try {
      if (!(await revokeApiKey(store, key))) throw new Error('no such key, or it was already revoked');
      console.log('revoked');
    } finally {
      await store.close();
    }
  });

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
