/** Messages between a benchmark (the parent) and the server it forked (see server-process.ts). */

export interface ServerSetup {
  /** `postgres://…`, or undefined for SQLite in a temp directory. */
  db: string | undefined;
  /** Tasks to seed into the project through the store, besides the one created over HTTP. */
  seedTasks: number;
  /** Directory for a CPU profile of the server process. */
  profile?: string | undefined;
}

export interface Ready {
  type: 'ready';
  url: string;
  /** A test key: HTTP Basic username, empty password. */
  key: string;
  project: string;
  /** Seeded task ids, oldest first, at a few positions the benchmark may page from. */
  seeded?: { count: number; oldest: string[]; seconds: number; rowsPerSecond: number };
}

export type ChildMessage =
  | Ready
  | { type: 'progress'; done: number; total: number }
  | { type: 'closed' }
  | { type: 'failed'; message: string };

export type ParentMessage = { type: 'close' };
