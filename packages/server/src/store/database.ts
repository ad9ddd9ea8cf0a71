import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql, SqliteDialect, type Migration } from 'kysely';
import pg from 'pg';
import * as core from './migrations/001-core.js';
import * as delivery from './migrations/002-delivery.js';
import * as workforce from './migrations/003-workforce.js';
import * as groups from './migrations/004-groups.js';
import * as shardedCounts from './migrations/005-sharded-counts.js';
import * as idempotency from './migrations/006-idempotency.js';
import type { Tables } from './tables.js';

export type Db = Kysely<Tables>;
export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Db;
  dialect: Dialect;
  close(): Promise<void>;
}

const migrations: Record<string, Migration> = {
  '001-core': core,
  '002-delivery': delivery,
  '003-workforce': workforce,
  '004-groups': groups,
  '005-sharded-counts': shardedCounts,
  '006-idempotency': idempotency,
};

// PostgreSQL's bigint (int8) arrives as a string by default; our bigints are epoch ms and counts, safe as numbers.
pg.types.setTypeParser(20, (v) => Number(v));

export interface OpenOptions {
  /** `postgres://…` for PostgreSQL, anything else is a SQLite file path (or `:memory:`). */
  url: string;
  /** PostgreSQL only: a schema to create and use, so test suites can share one database. */
  schema?: string;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const database = isPostgresUrl(options.url) ? await openPostgres(options) : openSqlite(options.url);
  // Kysely looks for its migration tables across every schema it can see; pin it to ours, or a
  // neighbour's tables (another suite's, another tenant's) would be taken for our own.
  const migrationTableSchema =
    database.dialect === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db)).rows[0]?.schema : undefined;
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations },
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    await database.close();
    throw error instanceof Error ? error : new Error(String(error));
  }
  return database;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

function openSqlite(path: string): Database {
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  // FULL: a 200 means the commit reached the disk, not just the OS.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew; SQLite spends longer preparing our small queries than running
 * them. The same SQL text gets the same prepared statement (one connection, so never in use twice).
 */
function withStatementCache(sqlite: SQLite.Database, size = 1000): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (statement) {
      // Refresh its place: the least recently used statement is the one evicted.
      cache.delete(source);
    } else {
      statement = prepare(source);
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, statement);
    return statement;
  }) as SQLite.Database['prepare'];
  return sqlite;
}

async function openPostgres(options: OpenOptions): Promise<Database> {
  if (options.schema) {
    const admin = new pg.Client({ connectionString: options.url });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(options.schema)}`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    // Each server process holds at most this many; a busy queue wants more than pg's default of 10.
    max: options.poolSize ?? 20,
    ...(options.schema ? { options: `-c search_path=${quoteIdent(options.schema)}` } : {}),
  });
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** True when a write broke a unique index, on either database. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
