import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { DiskStorage } from './files/storage.js';
import { openDatabase, Store } from './store/index.js';
import { AutocompleteWorker } from './workers/autocomplete-worker.js';
import { defaultDeliveryOptions, DeliveryWorker, type DeliveryWorkerOptions } from './workers/delivery-worker.js';

export interface ServerConfig {
  port: number;
  host: string;
  /** Holds the SQLite file and uploaded files. */
  dataDir: string;
  /** `postgres://…` to use PostgreSQL; the SQLite file in dataDir otherwise. */
  databaseUrl?: string | undefined;
  /** PostgreSQL schema to use (tests isolate suites this way). */
  databaseSchema?: string | undefined;
  /** PostgreSQL connections this process may hold (default 20). */
  databasePoolSize?: number | undefined;
  publicUrl?: string | undefined;
  allowPrivateFetch?: boolean;
  logger?: boolean;
  /** Run the delivery and autocomplete workers in this process (default true). */
  workers?: boolean;
  delivery?: Partial<DeliveryWorkerOptions>;
  autocompletePollMs?: number;
  /** Requests per API key per window on /v1; unlimited when unset. */
  rateLimit?: { max: number; windowMs: number } | undefined;
  trustProxy?: boolean;
}

export interface RunningServer {
  app: FastifyInstance;
  store: Store;
  /** `http://host:port`, with the port actually bound. */
  url: string;
  close(): Promise<void>;
}

/** Opens (and migrates) the store named by the config. */
export async function openStore(config: Pick<ServerConfig, 'dataDir' | 'databaseUrl' | 'databaseSchema' | 'databasePoolSize'>): Promise<Store> {
  await mkdir(config.dataDir, { recursive: true });
  const url = config.databaseUrl ?? join(resolve(config.dataDir), 'tessera.sqlite');
  return new Store(
    await openDatabase({
      url,
      ...(config.databaseSchema ? { schema: config.databaseSchema } : {}),
      ...(config.databasePoolSize ? { poolSize: config.databasePoolSize } : {}),
    }),
  );
}

export async function startServer(config: ServerConfig, store?: Store): Promise<RunningServer> {
  const opened = store ?? (await openStore(config));
  const app = await buildApp({
    store: opened,
    storage: new DiskStorage(join(resolve(config.dataDir), 'files')),
    publicUrl: config.publicUrl,
    allowPrivateFetch: config.allowPrivateFetch ?? false,
    logger: config.logger ?? false,
    rateLimit: config.rateLimit,
    trustProxy: config.trustProxy ?? false,
  });
  const workers = config.workers === false ? undefined : startWorkers(opened, config, app.log);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    app,
    store: opened,
    url: `http://${shownHost}:${port}`,
    close: async () => {
      await workers?.stop();
      await app.close();
      await opened.close();
    },
  };
}

export interface Workers {
  delivery: DeliveryWorker;
  autocomplete: AutocompleteWorker;
  stop(): Promise<void>;
}

/** The background work of a server: callback delivery and test-mode autocomplete. */
export function startWorkers(
  store: Store,
  config: Pick<ServerConfig, 'delivery' | 'autocompletePollMs'>,
  log?: FastifyInstance['log'],
): Workers {
  const delivery = new DeliveryWorker(store, { ...defaultDeliveryOptions, ...config.delivery }, log);
  const autocomplete = new AutocompleteWorker(store, config.autocompletePollMs ?? 200, log);
  delivery.start();
  autocomplete.start();
  return {
    delivery,
    autocomplete,
    stop: async () => {
      await Promise.all([delivery.stop(), autocomplete.stop()]);
    },
  };
}
