/** Messages between a benchmark (the parent) and the server it forked (see server-process.ts). */
import type { ServerConfig } from '@tessera/server';

export interface ServerSetup {
  /** `postgres://…`, or undefined for SQLite in a temp directory. */
  db: string | undefined;
  /** Tasks to seed into the project through the store, besides the one created over HTTP. */
  seedTasks: number;
  /** Directory for a CPU profile of the server process. */
  profile?: string | undefined;
  /** Also put each seeded task in the label queue (a copy of the template task's work item), as createTask would. */
  seedWork?: boolean;
  /** Annotator members to create and assign to the project; their emails and password come back in `ready`. */
  annotators?: number;
  /** Delivery worker options (ServerConfig.delivery), e.g. a fast retry policy and private addresses allowed. */
  delivery?: ServerConfig['delivery'];
  /** How often the autocomplete worker looks for due test tasks (ServerConfig.autocompletePollMs). */
  autocompletePollMs?: number;
}

export interface Ready {
  type: 'ready';
  url: string;
  /** A test key: HTTP Basic username, empty password. */
  key: string;
  project: string;
  /** The project's id, as the app API takes it. */
  projectId: string;
  /** Annotators assigned to the project (setup.annotators), all with the same password. */
  annotators?: { emails: string[]; password: string };
  /** Seeded task ids, oldest first, at a few positions the benchmark may page from. */
  seeded?: { count: number; oldest: string[]; seconds: number; rowsPerSecond: number };
}

export type ChildMessage =
  | Ready
  | { type: 'progress'; done: number; total: number }
  | { type: 'closed' }
  | { type: 'failed'; message: string };

export type ParentMessage = { type: 'close' };
